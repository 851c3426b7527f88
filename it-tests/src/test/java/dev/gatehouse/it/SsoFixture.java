package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the end-to-end sign-in checks share: sites, providers through the admin API, users, browser waits. */
final class SsoFixture {
    private SsoFixture() {}

    static void childSite(Http admin, String slug, String name) {
        StorageFixture.ok(admin.json(
                "POST",
                "/api/v1/sites",
                "{\"slug\":\"" + slug + "\",\"displayName\":\"" + name + "\",\"parent\":\"default\"}"));
    }

    /** Creates a provider of the default site and answers its view. */
    static JsonObject provider(Http admin, String displayName, String kind, JsonObjectBuilder settings) {
        return StorageFixture.ok(admin.json(
                        "POST",
                        "/api/v1/sites/default/providers",
                        Json.createObjectBuilder()
                                .add("displayName", displayName)
                                .add("kind", kind)
                                .add("settings", settings)
                                .build()
                                .toString()))
                .object();
    }

    /** A SAML provider trusting Keycloak's realm metadata, for the test tenant, creating users just in time. */
    static JsonObject keycloakSamlProvider(Http admin, Keycloak keycloak, String displayName, String suffix) {
        JsonObject provider = provider(
                admin,
                displayName,
                "saml",
                Json.createObjectBuilder()
                        .add("trust", "METADATA_URL")
                        .add("metadataUrl", keycloak.metadataUrl())
                        .add("entityIdSuffix", "app-" + suffix)
                        // Keycloak is not Entra: its issuer names no tenant, so the provider is told which tenant's
                        // identities it vouches for
                        .add("tenantId", Keycloak.TENANT)
                        .add("allowIdpInitiated", true)
                        .add("justInTime", true));
        assertThat(provider.getString("metadataFetchedAt")).isNotNull();
        return provider;
    }

    /**
     * Starts an SP-initiated sign-in through {@code browser} (at whichever node it points to) and returns Entra's
     * signed answer to it for {@code upn}, as the SAMLResponse form value.
     */
    static String entraAnswer(Http browser, JsonObject provider, String upn) {
        Http.Response redirect = browser.get("/saml/" + provider.getString("id") + "/login");
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        String location = redirect.header("Location");
        java.util.regex.Matcher requestId = java.util.regex.Pattern.compile(" ID=\"([^\"]+)\"")
                .matcher(dev.gatehouse.sso.saml.engine.RedirectBinding.receive(
                                location.substring(location.indexOf('?') + 1))
                        .xml());
        assertThat(requestId.find()).isTrue();
        dev.gatehouse.sso.saml.EntraResponses entra =
                new dev.gatehouse.sso.saml.EntraResponses(provider.getString("entityId"), provider.getString("acsUrl"));
        entra.nameId = upn;
        entra.inResponseTo = requestId.group(1);
        entra.attributes.put(
                dev.gatehouse.sso.saml.EntraResponses.CLAIMS + "objectidentifier",
                java.util.List.of(java.util.UUID.randomUUID().toString()));
        entra.attributes.put(dev.gatehouse.sso.saml.EntraResponses.WS_CLAIMS + "name", java.util.List.of(upn));
        return entra.signedAssertion();
    }

    static JsonObject userOf(Http admin, String site, String login) {
        for (var value :
                admin.get("/api/v1/sites/" + site + "/users?size=500").object().getJsonArray("items")) {
            JsonObject user = value.asJsonObject();
            if (user.getString("login").equals(login)) {
                return user;
            }
        }
        throw new AssertionError("no user " + login + " in site " + site);
    }

    static void awaitUrl(ChromeDriver browser, String url) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage(() -> "expected " + url + " but the browser is at " + browser.getCurrentUrl() + ": "
                        + browser.findElement(By.tagName("body")).getText())
                .until(ExpectedConditions.urlToBe(url));
    }
}
