package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * End to end with a real IdP: Keycloak configured like Entra (signed assertions, Entra claim URIs, group object IDs,
 * metadata URL) and Chromium clicking through Gatehouse's pages. SP-initiated login from the login page, IdP-initiated
 * login with a RelayState to a child site, and single logout through Gatehouse's sign-out button.
 */
abstract class KeycloakSamlChecks {
    private final Keycloak keycloak = new Keycloak().awaitReady();
    private final Http admin = Http.admin();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String child = "kc-" + suffix;
    private ChromeDriver browser;
    private String providerId;
    private String displayName;

    @BeforeEach
    void configure() {
        SsoFixture.childSite(admin, child, "Keycloak child " + suffix);
        displayName = "Keycloak " + suffix;
        JsonObject provider = SsoFixture.keycloakSamlProvider(admin, keycloak, displayName, suffix);
        providerId = provider.getString("id");
        keycloak.addSamlClient(
                provider.getString("entityId"),
                provider.getString("acsUrl"),
                provider.getString("sloUrl"),
                "gatehouse-" + suffix,
                child);
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void spInitiatedIdpInitiatedToAChildSiteAndSingleLogout() {
        // SP-initiated: the button on the child site's login page, Keycloak's login form, back to the child site
        browser.get(It.baseUrl() + "/login?site=" + child);
        navigate(By.linkText("Sign in with " + displayName));
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.url());
        Keycloak.signIn(browser);
        awaitUrl(It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).contains("You are signed in as").contains(Keycloak.USER);

        JsonObject user = userOf(child);
        assertThat(user.getString("authMethod")).isEqualTo("sso:" + providerId);
        String groups = admin.get("/api/v1/sites/" + child + "/groups?size=500").body();
        assertThat(groups).contains(Keycloak.GROUPS[0]).contains(Keycloak.GROUPS[1]);

        // IdP-initiated: Keycloak's SSO session posts an unsolicited response with the RelayState of the child site
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.get(keycloak.idpInitiatedUrl("gatehouse-" + suffix));
        awaitUrl(It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).contains("You are signed in as");
        assertThat(userOf(child).getString("id")).isEqualTo(user.getString("id"));

        // single logout: Gatehouse's sign-out sends a LogoutRequest; Keycloak answers to Gatehouse's SLO endpoint
        navigate(By.cssSelector("form[action$='/logout'] button"));
        awaitUrl(It.baseUrl() + "/?site=" + child);
        assertThat(browser.getPageSource()).doesNotContain("You are signed in as");
        browser.get(It.baseUrl() + "/login?site=" + child);
        navigate(By.linkText("Sign in with " + displayName));
        assertThat(browser.findElements(By.id("username")))
                .as("the Keycloak session ended too, so Keycloak asks for the password again")
                .isNotEmpty();
    }

    private JsonObject userOf(String site) {
        return SsoFixture.userOf(admin, site, Keycloak.USER);
    }

    private void awaitUrl(String url) {
        SsoFixture.awaitUrl(browser, url);
    }

    private void navigate(By target) {
        Chromium.navigate(browser, target);
    }
}
