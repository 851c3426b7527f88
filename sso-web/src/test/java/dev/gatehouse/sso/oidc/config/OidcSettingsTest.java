package dev.gatehouse.sso.oidc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OidcSettingsTest {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    static final String QNAP_RULE = "is not allowed; copy it from the Entra app registration's Overview page: 36"
            + " letters, digits and hyphens";

    static OidcSettings settings(String tenant, String client) {
        return new OidcSettings(
                OidcSettings.KIND,
                tenant,
                client,
                new Secret("s3cr3t-value"),
                LocalDate.of(2027, 6, 30),
                OidcFlow.CODE_PKCE,
                null,
                false,
                List.of(),
                List.of(),
                120,
                false);
    }

    static void check(OidcSettings settings) {
        new Provider(ProviderId.random(), SiteId.random(), "Entra", true, settings, Instant.EPOCH).validated();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "72f988bf-86f1-41af-91ab-2d7cd011db4", // 35 characters
                "72f988bf-86f1-41af-91ab-2d7cd011db477", // 37 characters
                "72f988bf_86f1-41af-91ab-2d7cd011db47", // an underscore
                "{2f988bf-86f1-41af-91ab-2d7cd011db47}" // braces (37 with the closing one)
            })
    void qnapsIdRulesRefuseTenantAndClientIdsWithTheExactMessage(String id) {
        assertThatThrownBy(() -> check(settings(id, id)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("settings.tenantId: '" + id + "' " + QNAP_RULE)
                .hasMessageContaining("settings.clientId: '" + id + "' " + QNAP_RULE);
    }

    @Test
    void aBraceInsideThirtySixCharactersIsRefusedToo() {
        String braced = "{2f988bf-86f1-41af-91ab-2d7cd011db4}";
        assertThat(braced).hasSize(36);
        assertThatThrownBy(() -> check(settings(TENANT, braced)))
                .hasMessageContaining("settings.clientId: '" + braced + "' " + QNAP_RULE);
    }

    @Test
    void thirtySixLettersThatAreNoGuidAreNoTenantId() {
        String letters = "abcdefghij-abcdefghij-abcdefghij-abc";
        assertThatThrownBy(() -> check(settings(letters, CLIENT)))
                .hasMessageContaining("settings.tenantId: '" + letters + "' is not a tenant ID; a tenant ID is a GUID");
        assertThatCode(() -> check(settings(TENANT, CLIENT))).doesNotThrowAnyException();
    }

    @Test
    void eachBadFieldIsNamed() {
        OidcSettings bad = new OidcSettings(
                OidcSettings.KIND,
                TENANT,
                CLIENT,
                new Secret("secret"),
                null,
                OidcFlow.CODE_PKCE,
                "ftp://idp.example.com",
                false,
                List.of(TENANT),
                List.of("RS256", "HS256", "none"),
                601,
                false);
        assertThatThrownBy(() -> check(bad))
                .hasMessageContaining("settings.secretExpiresOn: is required with a client secret")
                .hasMessageContaining("settings.issuerUrl: 'ftp://idp.example.com' is not an https:// URL")
                .hasMessageContaining("settings.allowedTenants: is only for a multi-tenant provider")
                .hasMessageContaining("settings.algorithms[1]: 'HS256' is not allowed")
                .hasMessageContaining("settings.algorithms[2]: 'none' is not allowed")
                .hasMessageContaining("settings.clockSkewSeconds: 601 is out of range");
    }

    @Test
    void theCodeFlowNeedsASecretTheImplicitFlowDoesNot() {
        OidcSettings code = new OidcSettings(
                OidcSettings.KIND, TENANT, CLIENT, null, null, OidcFlow.CODE_PKCE, null, false, null, null, 120, false);
        assertThatThrownBy(() -> check(code)).hasMessageContaining("settings.clientSecret: is required");
        OidcSettings implicit = new OidcSettings(
                OidcSettings.KIND,
                TENANT,
                CLIENT,
                null,
                null,
                OidcFlow.LEGACY_IMPLICIT,
                null,
                false,
                null,
                null,
                120,
                false);
        assertThatCode(() -> check(implicit)).doesNotThrowAnyException();
        OidcSettings oauthImplicit = new OidcSettings(
                OidcSettings.OAUTH_KIND,
                TENANT,
                CLIENT,
                new Secret("s"),
                LocalDate.of(2027, 1, 1),
                OidcFlow.LEGACY_IMPLICIT,
                null,
                false,
                null,
                null,
                120,
                false);
        assertThatThrownBy(() -> check(oauthImplicit))
                .hasMessageContaining("settings.flow: an OAuth provider uses the code flow only");
    }

    @Test
    void entraIssuersPerTenantAndForMultiTenantProviders() {
        assertThat(settings(TENANT.toUpperCase(), CLIENT).issuer("https://login.microsoftonline.com/"))
                .isEqualTo("https://login.microsoftonline.com/" + TENANT + "/v2.0");
        String other = "0b6f7d2a-5e1c-4f3a-9a77-31c2b0e1d4f5";
        OidcSettings multi = new OidcSettings(
                OidcSettings.KIND,
                TENANT,
                CLIENT,
                new Secret("s"),
                LocalDate.of(2027, 1, 1),
                OidcFlow.CODE_PKCE,
                null,
                true,
                List.of(other),
                null,
                120,
                false);
        assertThat(multi.issuer("https://login.microsoftonline.us/"))
                .isEqualTo("https://login.microsoftonline.us/organizations/v2.0");
        assertThat(multi.tenants()).containsExactly(TENANT, other);
    }

    @Test
    void theSecretIsNeitherInToStringNorInTheStoredText() {
        OidcSettings settings = settings(TENANT, CLIENT);
        assertThat(settings.toString()).doesNotContain("s3cr3t");
        OidcSettingsFormat format = new OidcSettingsFormat(OidcSettings.KIND);
        String stored = format.write(settings);
        assertThat(stored).doesNotContain("s3cr3t").contains("2027-06-30");
        assertThat(format.read(stored, new Secret("s3cr3t-value"))).isEqualTo(settings);
    }
}
