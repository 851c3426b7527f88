package dev.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The Keycloak that scripts/test-all.sh starts on 127.0.0.1 (realm "entra"), as the tests configure it: a SAML client
 * set up the way Entra sends SAML (signed assertions, Entra claim URIs, group object IDs), added through the admin API.
 */
final class Keycloak {
    static final String REALM = "entra";
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String USER = "alice@contoso.example";
    static final String PASSWORD = "alice-test-password";
    static final String[] GROUPS = {"6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f", "0b9c2f4e-3a1d-4c5e-8f70-9a8b7c6d5e4f"};

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url = It.property("gatehouse.it.keycloak.url");
    private final String adminPassword = It.property("gatehouse.it.keycloak.admin-password");

    String url() {
        return url;
    }

    String metadataUrl() {
        return url + "/realms/" + REALM + "/protocol/saml/descriptor";
    }

    String idpInitiatedUrl(String urlName) {
        return url + "/realms/" + REALM + "/protocol/saml/clients/" + urlName;
    }

    /** Waits until the realm serves its SAML metadata (Keycloak's first start builds for about a minute). */
    Keycloak awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(HttpRequest.newBuilder(URI.create(metadataUrl())).GET())
                                .statusCode()
                        == 200) {
                    return this;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak at " + url + " did not serve realm " + REALM + " within 4 minutes;"
                + " scripts/test-all.sh starts it (see .cache/keycloak.log)");
    }

    /** Adds a SAML client for a Gatehouse provider, with Entra's claim URIs. */
    void addSamlClient(String entityId, String acsUrl, String sloUrl, String idpInitiatedName, String relayState) {
        addSamlClient(entityId, acsUrl, sloUrl, idpInitiatedName, relayState, false);
    }

    /**
     * Adds a SAML client for a Gatehouse provider, with Entra's claim URIs; with {@code overage}, the assertion also
     * carries Entra's {@code groups.link} claim, as for a user in more than 150 groups.
     */
    void addSamlClient(
            String entityId,
            String acsUrl,
            String sloUrl,
            String idpInitiatedName,
            String relayState,
            boolean overage) {
        JsonArrayBuilder mappers = Json.createArrayBuilder();
        if (overage) {
            mappers.add(mapper(
                    "groups.link",
                    "saml-hardcode-attribute-mapper",
                    Json.createObjectBuilder()
                            .add("attribute.name", "http://schemas.microsoft.com/claims/groups.link")
                            .add(
                                    "attribute.value",
                                    "https://graph.windows.net/" + TENANT + "/users/x/getMemberObjects")));
        }
        mappers.add(mapper(
                        "tenantid",
                        "saml-hardcode-attribute-mapper",
                        Json.createObjectBuilder()
                                .add("attribute.name", "http://schemas.microsoft.com/identity/claims/tenantid")
                                .add("attribute.value", TENANT)))
                .add(property(
                        "objectidentifier", "id", "http://schemas.microsoft.com/identity/claims/objectidentifier"))
                .add(property("name", "username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"))
                .add(property(
                        "emailaddress", "email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"))
                .add(property(
                        "givenname", "firstName", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"))
                .add(property("surname", "lastName", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"))
                .add(mapper(
                        "groups",
                        "saml-group-membership-mapper",
                        Json.createObjectBuilder()
                                .add("attribute.name", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups")
                                .add("full.path", "false")
                                .add("single", "false")));
        JsonObject client = Json.createObjectBuilder()
                .add("clientId", entityId)
                .add("protocol", "saml")
                .add("enabled", true)
                .add("frontchannelLogout", true)
                .add("redirectUris", Json.createArrayBuilder().add(acsUrl).add(sloUrl))
                .add(
                        "attributes",
                        Json.createObjectBuilder()
                                .add("saml_assertion_consumer_url_post", acsUrl)
                                .add("saml_single_logout_service_url_redirect", sloUrl)
                                .add("saml.assertion.signature", "true")
                                .add("saml.server.signature", "true")
                                .add("saml.signature.algorithm", "RSA_SHA256")
                                .add(
                                        "saml_signature_canonicalization_method",
                                        "http://www.w3.org/2001/10/xml-exc-c14n#")
                                .add("saml.client.signature", "false")
                                .add("saml.authnstatement", "true")
                                .add("saml_name_id_format", "email")
                                .add("saml.force.name.id.format", "true")
                                .add("saml_idp_initiated_sso_url_name", idpInitiatedName)
                                .add("saml_idp_initiated_sso_relay_state", relayState))
                .add("protocolMappers", mappers)
                .build();
        createClient(client);
    }

    private void createClient(JsonObject client) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM + "/clients"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the " + client.getString("protocol") + " client: "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** Fills Keycloak's login form in the browser with the test user and submits it. */
    static void signIn(org.openqa.selenium.chrome.ChromeDriver browser) {
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(USER);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
        browser.findElement(org.openqa.selenium.By.id("kc-login")).click();
    }

    /** Keycloak's ID of the test user: what its clients send as the Entra object ID. */
    String userId() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM
                        + "/users?exact=true&username=" + URLEncoder.encode(USER, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken())
                .GET());
        return Json.createReader(new StringReader(response.body()))
                .readArray()
                .getJsonObject(0)
                .getString("id");
    }

    /** The realm's issuer, for OpenID Connect discovery. */
    String issuer() {
        return url + "/realms/" + REALM;
    }

    /**
     * Adds a confidential OpenID Connect client for a Gatehouse provider, with Entra's claims: {@code tid} (the test
     * tenant), {@code oid} (Keycloak's user ID, the same value the SAML client sends as objectidentifier) and
     * {@code groups}. PKCE S256 is required; the implicit flow is on for the legacy hybrid and implicit modes.
     */
    void addOidcClient(String clientId, String secret, String redirectUri, String postLogoutRedirects) {
        JsonArrayBuilder mappers = Json.createArrayBuilder()
                .add(oidcMapper(
                        "tid",
                        "oidc-hardcoded-claim-mapper",
                        Json.createObjectBuilder().add("claim.name", "tid").add("claim.value", TENANT)))
                .add(oidcMapper(
                        "oid",
                        "oidc-usermodel-property-mapper",
                        Json.createObjectBuilder().add("user.attribute", "id").add("claim.name", "oid")))
                .add(oidcMapper(
                        "groups",
                        "oidc-group-membership-mapper",
                        Json.createObjectBuilder().add("claim.name", "groups").add("full.path", "false")));
        JsonObject client = Json.createObjectBuilder()
                .add("clientId", clientId)
                .add("protocol", "openid-connect")
                .add("enabled", true)
                .add("publicClient", false)
                .add("secret", secret)
                .add("standardFlowEnabled", true)
                .add("implicitFlowEnabled", true)
                .add("directAccessGrantsEnabled", false)
                .add("redirectUris", Json.createArrayBuilder().add(redirectUri))
                .add(
                        "attributes",
                        Json.createObjectBuilder()
                                .add("pkce.code.challenge.method", "S256")
                                .add("post.logout.redirect.uris", postLogoutRedirects))
                .add("protocolMappers", mappers)
                .build();
        createClient(client);
    }

    private static JsonObject oidcMapper(String name, String type, jakarta.json.JsonObjectBuilder config) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("protocol", "openid-connect")
                .add("protocolMapper", type)
                .add(
                        "config",
                        config.add("jsonType.label", "String")
                                .add("id.token.claim", "true")
                                .add("access.token.claim", "false")
                                .add("userinfo.token.claim", "false"))
                .build();
    }

    private static JsonObject property(String name, String property, String claim) {
        return mapper(
                name,
                "saml-user-property-mapper",
                Json.createObjectBuilder().add("user.attribute", property).add("attribute.name", claim));
    }

    private static JsonObject mapper(String name, String type, jakarta.json.JsonObjectBuilder config) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("protocol", "saml")
                .add("protocolMapper", type)
                .add("config", config.add("attribute.nameformat", "URI Reference"))
                .build();
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin sign-in failed: HTTP " + response.statusCode());
        }
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + url + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
