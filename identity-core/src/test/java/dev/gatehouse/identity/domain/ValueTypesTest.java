package dev.gatehouse.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.ValidationException;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void identifiersMustBeCanonicalUuids() {
        assertThat(UserId.parse("id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301").value())
                .hasToString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertThatThrownBy(() -> UserId.parse("id", "1-2-3-4-5"))
                .hasMessage("id: '1-2-3-4-5' is not an identifier; expected 36 characters of hex digits and hyphens,"
                        + " such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    }

    @Test
    void loginsAreLowerCasedAndRefuseControlCharacters() {
        assertThat(new Login("Jane.Doe@Contoso.com").value()).isEqualTo("jane.doe@contoso.com");
        assertThatThrownBy(() -> new Login("jane\u0000")).hasMessageContaining("'jane\\u0000' is not a valid login");
    }

    @Test
    void entraLinkKeysRoundTrip() {
        LinkKey key = LinkKey.of("entra", "3f2504e0-4f89-41d3-9a0c-0305e82c3301:9a0c4f89-4f89-41d3-9a0c-0305e82c3301");
        assertThat(key).isInstanceOf(LinkKey.Entra.class);
        assertThat(LinkKey.of(key.kind(), key.value())).isEqualTo(key);
    }

    @Test
    void aLoginThatCanPassForAnotherIsNotAssignable() {
        assertThatThrownBy(() -> Login.assignable("\u0430dmin"))
                .hasMessageContaining("mixes letters of the scripts [LATIN, CYRILLIC]");
        assertThatThrownBy(() -> Login.assignable("\uFF41dmin")).hasMessageContaining("compatibility characters");
        assertThat(Login.assignable("\u0438\u0432\u0430\u043d.petrov@contoso.com")
                        .value())
                .isEqualTo("\u0438\u0432\u0430\u043d.petrov@contoso.com");
        assertThat(new Login("\u0430dmin").value())
                .as("stored logins are read as they are")
                .isEqualTo("\u0430dmin");
    }

    @Test
    void freeTextRefusesControlAndBidirectionalCharacters() {
        Checks checks = new Checks();
        checks.required("displayName", "Invoice\u202Efdp.exe", 256);
        checks.optional("description", "line\u0000", 1024);
        checks.required("name", "Sales", 100);
        assertThatThrownBy(checks::throwIfAny)
                .hasMessageContaining("displayName: contains the control or bidirectional formatting character U+202E")
                .hasMessageContaining("description: contains the control or bidirectional formatting character U+0000")
                .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(2));
        assertThatThrownBy(() -> new GroupName("Sales\u2066")).isInstanceOf(ValidationException.class);
        assertThat(new ExternalGroup(new GroupKey.DirectoryGroup(java.util.UUID.randomUUID()), "NAS\u202E Admins")
                        .name())
                .isEqualTo("NAS Admins");
    }
}
