package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * End to end with Keycloak as a real OpenID Connect provider (issuer URL, discovery, JWKS), sending Entra's claims
 * (tid, oid, groups): Chromium signs in from Gatehouse's login page with code + PKCE + form_post, and once in the
 * legacy hybrid mode. A user who signed in by SAML is the same user by OpenID Connect (tid + oid), and the per-user
 * method holds until the administrator switches it.
 */
abstract class KeycloakOidcChecks {
    private final Keycloak keycloak = new Keycloak().awaitReady();
    private final Http admin = Http.admin();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String child = "kco-" + suffix;
    private ChromeDriver browser;

    @BeforeEach
    void configure() {
        SsoFixture.childSite(admin, child, "Keycloak OIDC child " + suffix);
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** An OpenID Connect provider for Keycloak's realm with a client of its own there. */
    private JsonObject oidcProvider(String displayName, String flow) {
        String clientId = UUID.randomUUID().toString();
        String secret = "kc-oidc-secret-" + UUID.randomUUID();
        JsonObject provider = SsoFixture.provider(
                admin,
                displayName,
                "oidc",
                Json.createObjectBuilder()
                        .add("tenantId", Keycloak.TENANT)
                        .add("clientId", clientId)
                        .add("clientSecret", secret)
                        .add("secretExpiresOn", "2027-12-31")
                        .add("flow", flow)
                        .add("issuerUrl", keycloak.issuer())
                        .add("justInTime", true));
        assertThat(provider.toString()).doesNotContain(secret);
        assertThat(provider.getString("redirectUri"))
                .isEqualTo(It.baseUrl() + "/oidc/" + provider.getString("id") + "/callback");
        assertThat(provider.getString("discoveredAt")).isNotNull();
        assertThat(provider.getBoolean("clientSecretSet")).isTrue();
        assertThat(provider.getString("secretExpiresOn")).isEqualTo("2027-12-31");
        keycloak.addOidcClient(clientId, secret, provider.getString("redirectUri"), It.baseUrl() + "/*");
        String credentials = admin.get("/api/v1/sites/default/credentials").body();
        assertThat(credentials)
                .as("the expiring-credentials list names the secret's provider and expiry, never the secret")
                .contains("\"id\":\"" + provider.getString("id") + "\"")
                .contains("2027-12-31")
                .doesNotContain(secret);
        return provider;
    }

    @Test
    void aSamlUserIsTheSameUserByOpenIdConnectOnceTheMethodIsSwitched() {
        String samlName = "Keycloak SAML " + suffix;
        JsonObject saml = SsoFixture.keycloakSamlProvider(admin, keycloak, samlName, suffix);
        keycloak.addSamlClient(
                saml.getString("entityId"),
                saml.getString("acsUrl"),
                saml.getString("sloUrl"),
                "gatehouse-oidc-" + suffix,
                child);
        String oidcName = "Keycloak OIDC " + suffix;
        JsonObject oidc = oidcProvider(oidcName, "CODE_PKCE");
        assertThat(oidc.getBoolean("legacyFlow")).isFalse();

        // by SAML: Keycloak's login form, back to the child site, a user created just in time
        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + samlName));
        Keycloak.signIn(browser);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        JsonObject user = SsoFixture.userOf(admin, child, Keycloak.USER);
        assertThat(user.getString("authMethod")).isEqualTo("sso:" + saml.getString("id"));

        // by OpenID Connect while the user's method is SAML: the same tid + oid, refused with a page
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + oidcName));
        assertThat(browser.getCurrentUrl()).startsWith(It.baseUrl() + "/oidc/" + oidc.getString("id") + "/callback");
        assertThat(browser.getPageSource()).contains("signs in another way, not with " + oidcName);

        // the administrator switches the method: the next OpenID Connect sign-in is the same user
        StorageFixture.ok(admin.json(
                "PATCH",
                "/api/v1/sites/" + child + "/users/" + user.getString("id"),
                "{\"authMethod\":\"sso:" + oidc.getString("id") + "\"}"));
        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + oidcName));
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).contains("You are signed in as").contains(Keycloak.USER);
        JsonObject same = SsoFixture.userOf(admin, child, Keycloak.USER);
        assertThat(same.getString("id")).isEqualTo(user.getString("id"));
        String groups = admin.get("/api/v1/sites/" + child + "/groups?size=500").body();
        assertThat(groups).contains(Keycloak.GROUPS[0]).contains(Keycloak.GROUPS[1]);
        assertThat(admin.get("/api/v1/audit?site=" + child + "&type=LOGIN_SUCCEEDED&size=50")
                        .body())
                .contains(oidc.getString("id"));

        // sign-out ends Keycloak's session too (RP-initiated logout; Keycloak asks to confirm without id_token_hint)
        Chromium.navigate(browser, By.cssSelector("form[action$='/logout'] button"));
        if (!browser.findElements(By.id("kc-logout")).isEmpty()) {
            Chromium.navigate(browser, By.id("kc-logout"));
        }
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).doesNotContain("You are signed in as");
        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + oidcName));
        assertThat(browser.findElements(By.id("username")))
                .as("the Keycloak session ended, so Keycloak asks for the password again")
                .isNotEmpty();
    }

    @Test
    void theLegacyHybridModeSignsInWithTheFrontChannelTokenBoundToTheCode() {
        String name = "Keycloak hybrid " + suffix;
        JsonObject oidc = oidcProvider(name, "LEGACY_HYBRID");
        assertThat(oidc.getBoolean("legacyFlow")).isTrue();

        browser.get(It.baseUrl() + "/login?site=" + child);
        Chromium.navigate(browser, By.linkText("Sign in with " + name));
        Keycloak.signIn(browser);
        SsoFixture.awaitUrl(browser, It.baseUrl() + "/?site=" + child);
        assertThat(SsoFixture.userOf(admin, child, Keycloak.USER).getString("authMethod"))
                .isEqualTo("sso:" + oidc.getString("id"));
    }
}
