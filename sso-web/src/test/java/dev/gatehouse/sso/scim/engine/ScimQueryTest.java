package dev.gatehouse.sso.scim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Filters, paging and projections (security.md C2). */
class ScimQueryTest {
    @Test
    void entrasMatchingFiltersFindTheirIndexedEquality() {
        ScimQuery byName = ScimQuery.of("userName eq \"alice@contoso.com\"", null, null, null, null);
        ScimQuery both =
                ScimQuery.of("externalId eq \"alice\" and userName eq \"alice@contoso.com\"", null, null, null, null);
        ScimQuery email = ScimQuery.of("emails[type eq \"work\"].value eq \"a@b.c\"", null, null, null, null);

        assertThat(byName.requiredEquality("userName")).contains("alice@contoso.com");
        assertThat(both.requiredEquality("externalId")).contains("alice");
        assertThat(both.requiredEquality("userName")).contains("alice@contoso.com");
        assertThat(email.requiredEquality("userName")).isEmpty();
        assertThat(email.matches(PatchesTest.user())).isFalse();
        assertThat(ScimQuery.of("emails[type eq \"work\"].value eq \"ALICE@contoso.com\"", null, null, null, null)
                        .matches(PatchesTest.user()))
                .isTrue();
    }

    @Test
    void aSubAttributeAfterAValueFilterReadsAsAConditionInsideIt() {
        assertThat(ScimQuery.subAttributeOfValuePath("emails[type eq \"work\"].value eq \"a]b\" and active eq true"))
                .isEqualTo("emails[(type eq \"work\") and value eq \"a]b\"] and active eq true");
        assertThat(ScimQuery.subAttributeOfValuePath("emails[type eq \"work\"].value pr"))
                .isEqualTo("emails[(type eq \"work\") and value pr]");
        assertThat(ScimQuery.subAttributeOfValuePath("userName eq \"x[y].z eq 1\""))
                .isEqualTo("userName eq \"x[y].z eq 1\"");
    }

    @Test
    void theOtherOperatorsAreEvaluated() {
        assertThat(ScimQuery.of("userName sw \"alice\" and not (active eq false)", null, null, null, null)
                        .matches(PatchesTest.user()))
                .isTrue();
        assertThat(ScimQuery.of("name.familyName co \"mit\" or userName eq \"x\"", null, null, null, null)
                        .matches(PatchesTest.user()))
                .isTrue();
        assertThat(ScimQuery.of("externalId pr", null, null, null, null).matches(PatchesTest.user()))
                .isTrue();
    }

    @Test
    void malformedDeepOrHugeFiltersAreInvalidFilter() {
        for (String filter : new String[] {
            "userName eq",
            "userName xx \"a\"",
            "(".repeat(9) + "userName eq \"a\"" + ")".repeat(9),
            "userName eq \"" + "a".repeat(3000) + "\""
        }) {
            assertThatThrownBy(() -> ScimQuery.of(filter, null, null, null, null))
                    .isInstanceOf(ScimError.class)
                    .extracting(e -> ((ScimError) e).scimType())
                    .isEqualTo("invalidFilter");
        }
    }

    @Test
    void countIsClampedAndPagingStartsAtOne() {
        ScimQuery huge = ScimQuery.of(null, "0", "99999999999", null, null);
        assertThat(huge.count()).isEqualTo(ScimSchemas.MAX_RESULTS);
        assertThat(huge.startIndex()).isEqualTo(1);
        assertThat(ScimQuery.of(null, null, "-5", null, null).count()).isZero();
        assertThatThrownBy(() -> ScimQuery.of(null, "one", null, null, null))
                .isInstanceOf(ScimError.class)
                .hasMessageContaining("startIndex");
    }

    @Test
    void projectionsKeepIdAndSchemas() {
        var projected =
                ScimQuery.of(null, null, null, "userName,name.givenName", null).project(PatchesTest.user());
        assertThat(projected.has("id")).isTrue();
        assertThat(projected.has("schemas")).isTrue();
        assertThat(projected.has("userName")).isTrue();
        assertThat(projected.has("emails")).isFalse();
        assertThat(projected.at("/name/givenName").asText()).isEqualTo("Alice");
        assertThat(projected.at("/name/familyName").isMissingNode()).isTrue();
        var excluded = ScimQuery.of(null, null, null, null, "emails").project(PatchesTest.user());
        assertThat(excluded.has("emails")).isFalse();
        assertThat(excluded.has("userName")).isTrue();
    }
}
