package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * End to end against Entra's own shapes ({@link EntraDouble}: Gatehouse runs with its Entra authority and Graph URL
 * pointing there): a multi-tenant provider through the {@code organizations} issuer template with a tenant allow-list,
 * code + PKCE + form_post; a groups overage resolved through Graph with readable names; Graph's refusal shown on the
 * provider's status; the legacy implicit mode; an OAuth provider. And the same Graph resolver for SAML: Keycloak's
 * assertion with Entra's {@code groups.link} overage claim, resolved with the SAML provider's Graph app.
 */
abstract class EntraOidcChecks {
    static final String HOME = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String PARTNER = "0b6f7d2a-5e1c-4f3a-9a77-31c2b0e1d4f5";
    static final String STRANGER = "1c1e3a1d-2f5e-4c1a-8a7b-9d8e7f6a5b4c";

    private final Http admin = Http.admin();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String child = "entra-" + suffix;
    private EntraDouble entra;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        entra = new EntraDouble();
        SsoFixture.childSite(admin, child, "Entra child " + suffix);
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        entra.close();
    }

    private JsonObject provider(String name, String flow, boolean withSecret, String... allowedTenants) {
        return provider("oidc", name, flow, withSecret, allowedTenants);
    }

    private JsonObject provider(String kind, String name, String flow, boolean withSecret, String... allowedTenants) {
        String clientId = UUID.randomUUID().toString();
        String secret = "entra-secret-" + UUID.randomUUID();
        entra.app(clientId, secret);
        var settings = Json.createObjectBuilder()
                .add("tenantId", HOME)
                .add("clientId", clientId)
                .add("flow", flow)
                .add("justInTime", true);
        if (withSecret) {
            settings.add("clientSecret", secret).add("secretExpiresOn", "2027-06-30");
        }
        if (allowedTenants.length > 0) {
            settings.add("multiTenant", true)
                    .add("allowedTenants", Json.createArrayBuilder(java.util.List.of(allowedTenants)));
        }
        JsonObject provider = SsoFixture.provider(admin, name, kind, settings);
        assertThat(provider.getString("issuer"))
                .isEqualTo("http://127.0.0.1:" + It.property("gatehouse.it.entra.port") + "/"
                        + (allowedTenants.length > 0 ? "organizations" : HOME) + "/v2.0");
        return provider;
    }

    private static EntraDouble.User user(String tenant, String upn, boolean overage, String... groupNames) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String name : groupNames) {
            groups.put(UUID.nameUUIDFromBytes((tenant + name).getBytes()).toString(), name);
        }
        return new EntraDouble.User(tenant, UUID.randomUUID().toString(), upn, upn.split("@")[0], groups, overage);
    }

    private void signInWith(String providerName) {
        browser.manage().deleteAllCookies();
        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + providerName));
    }

    @Test
    void aMultiTenantProviderSignsInAllowedTenantsWithNamedGroupsAndRefusesOthers() {
        String name = "Entra " + suffix;
        provider(name, "CODE_PKCE", true, PARTNER);

        entra.signIn(user(PARTNER, "bob@partner.example", false, "Partner Staff", "Partner Finance"));
        signInWith(name);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).contains("You are signed in as").contains("bob@partner.example");
        String groups = admin.get("/api/v1/sites/" + child + "/groups?size=500").body();
        assertThat(groups)
                .as("groups created just in time carry Graph's names")
                .contains("Partner Staff", "Partner Finance");

        // Entra rolls its signing key: the next sign-in's unknown kid fetches the key set again, no restart
        entra.rotateKeys();
        signInWith(name);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).contains("bob@partner.example");

        entra.signIn(user(STRANGER, "eve@elsewhere.example", false, "Elsewhere"));
        signInWith(name);
        assertThat(browser.getPageSource()).contains("Your organisation is not allowed to sign in here");
        assertThat(admin.get("/api/v1/audit?site=default&type=LOGIN_FAILED&size=50")
                        .body())
                .contains("tenant " + STRANGER + ", which this provider does not allow");
    }

    @Test
    void anOverageTokenYieldsTheGroupsThroughGraphAndGraphsRefusalShowsOnTheStatus() {
        String name = "Entra overage " + suffix;
        JsonObject provider = provider(name, "CODE_PKCE", true);
        EntraDouble.User many = user(
                HOME, "carol@contoso.example", true, "Overage A", "Overage B", "Overage C", "Overage D", "Overage E");
        entra.signIn(many);
        signInWith(name);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        String groups = admin.get("/api/v1/sites/" + child + "/groups?size=500").body();
        assertThat(groups).as("five groups over three Graph pages").contains("Overage A", "Overage C", "Overage E");
        assertThat(SsoFixture.userOf(admin, child, "carol@contoso.example").getString("authMethod"))
                .isEqualTo("sso:" + provider.getString("id"));

        entra.graphMode.set("403");
        entra.signIn(many);
        signInWith(name);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        JsonObject status = admin.get("/api/v1/sites/default/providers/" + provider.getString("id"))
                .object();
        assertThat(status.getBoolean("graphOk")).isFalse();
        assertThat(status.getString("graphMessage"))
                .contains("GroupMember.Read.All")
                .contains("admin consent");
    }

    @Test
    void anOAuthProviderSignsInByTheCodeFlowWithItsSecretAsTheSameKindOfUser() {
        String name = "Entra OAuth " + suffix;
        JsonObject provider = provider("oauth", name, "CODE_PKCE", true);
        assertThat(provider.getString("kind")).isEqualTo("oauth");
        entra.signIn(user(HOME, "erin@contoso.example", false, "OAuth Group"));
        signInWith(name);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(SsoFixture.userOf(admin, child, "erin@contoso.example").getString("authMethod"))
                .isEqualTo("sso:" + provider.getString("id"));
        assertThat(admin.get("/api/v1/sites/" + child + "/groups?size=500").body())
                .contains("OAuth Group");
    }

    @Test
    void aSamlOverageIsResolvedThroughGraphWithTheProvidersGraphApp() {
        Keycloak keycloak = new Keycloak().awaitReady();
        String graphClient = UUID.randomUUID().toString();
        String graphSecret = "saml-graph-secret-" + UUID.randomUUID();
        entra.app(graphClient, graphSecret);
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(Keycloak.GROUPS[0], "SAML Overage One");
        groups.put(Keycloak.GROUPS[1], "SAML Overage Two");
        groups.put(UUID.randomUUID().toString(), "SAML Overage Three");
        entra.signIn(new EntraDouble.User(HOME, keycloak.userId(), Keycloak.USER, "Alice", groups, true));
        String name = "Keycloak SAML Graph " + suffix;
        JsonObject provider = SsoFixture.provider(
                admin,
                name,
                "saml",
                Json.createObjectBuilder()
                        .add("trust", "METADATA_URL")
                        .add("metadataUrl", keycloak.metadataUrl())
                        .add("entityIdSuffix", "graph-" + suffix)
                        .add("tenantId", Keycloak.TENANT)
                        .add("justInTime", true)
                        .add("graphClientId", graphClient)
                        .add("graphClientSecret", graphSecret)
                        .add("graphSecretExpiresOn", "2027-03-31"));
        assertThat(provider.toString()).doesNotContain(graphSecret);
        assertThat(provider.getString("graphSecretExpiresOn")).isEqualTo("2027-03-31");
        keycloak.addSamlClient(
                provider.getString("entityId"),
                provider.getString("acsUrl"),
                provider.getString("sloUrl"),
                "gatehouse-graph-" + suffix,
                child,
                true);

        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + name));
        Keycloak.signIn(browser);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(admin.get("/api/v1/sites/" + child + "/groups?size=500").body())
                .contains("SAML Overage One", "SAML Overage Two", "SAML Overage Three");
        JsonObject status = admin.get("/api/v1/sites/default/providers/" + provider.getString("id"))
                .object();
        assertThat(status.getBoolean("graphOk")).isTrue();
        assertThat(admin.get("/api/v1/sites/default/credentials").body()).contains("2027-03-31");
    }

    @Test
    void theLegacyImplicitModeSignsInWithTheIdTokenAlone() {
        String name = "Entra implicit " + suffix;
        JsonObject provider = provider(name, "LEGACY_IMPLICIT", false);
        assertThat(provider.getBoolean("legacyFlow")).isTrue();
        assertThat(provider.getBoolean("clientSecretSet")).isFalse();
        entra.signIn(user(HOME, "dave@contoso.example", false, "Implicit Group"));
        signInWith(name);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).contains("dave@contoso.example");
    }
}
