package dev.gatehouse.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
