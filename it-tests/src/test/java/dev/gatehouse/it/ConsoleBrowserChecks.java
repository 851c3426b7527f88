package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** An administrator signs in through the login page in Chromium and creates a user and a group in the console. */
abstract class ConsoleBrowserChecks {
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theFirstAdministratorCreatesAUserAndAGroupThroughTheConsole() {
        String login = "console." + AdminApiChecks.suffix();
        String group = "Console group " + AdminApiChecks.suffix();

        signIn();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Users of Default site");

        browser.findElement(By.cssSelector("#new-user #login")).sendKeys(login);
        browser.findElement(By.cssSelector("#new-user #displayName")).sendKeys("Console User");
        browser.findElement(By.cssSelector("#new-user #password")).sendKeys("console user password");
        navigate(By.id("create-user"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("User " + login);

        navigate(By.linkText("Groups"));
        browser.findElement(By.cssSelector("#new-group #name")).sendKeys(group);
        navigate(By.id("create-group"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Group " + group);

        browser.findElement(By.id("member-login")).sendKeys(login);
        navigate(By.id("add-user-button"));
        assertThat(browser.findElement(By.id("members")).getText()).contains(login, "Console User");

        navigate(By.linkText("Users"));
        assertThat(browser.findElement(By.id("users")).getText()).contains(login);
        assertThat(Http.admin().get("/api/v1/sites/default/groups?size=500").body())
                .contains(group);
    }

    @Test
    void aRefusedChangeIsExplainedOnThePage() {
        signIn();

        browser.findElement(By.cssSelector("#new-user #login")).sendKeys("admin");
        browser.findElement(By.cssSelector("#new-user #displayName")).sendKeys("Second admin");
        navigate(By.id("create-user"));

        assertThat(browser.findElement(By.cssSelector(".errors")).getText())
                .contains("login 'admin' is already taken in site 'default'; choose another login");
    }

    @Test
    void editingAnEntryInTheConsoleChangesTheExplainedRight() {
        StorageFixture f = new StorageFixture().create();
        signIn();
        navigate(By.linkText("Storage"));
        browser.findElement(By.id("explainUser")).sendKeys("alice." + f.suffix);
        browser.findElement(By.id("explainPath")).sendKeys(f.folder + "/reports");
        navigate(By.id("explain-button"));
        assertThat(browser.findElement(By.id("explained-right")).getText()).isEqualTo("NONE");

        browser.findElement(By.id("entry-path")).sendKeys(f.folder);
        browser.findElement(By.id("entry-grantee")).sendKeys("group:Finance " + f.suffix);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("entry-right")))
                .selectByValue("READ_WRITE");
        navigate(By.id("set-entry-button"));

        assertThat(browser.findElement(By.id("explained-right")).getText()).isEqualTo("READ_WRITE");
        assertThat(browser.findElement(By.id("explanation")).getText())
                .contains("group Finance " + f.suffix, "Interns " + f.suffix + " → Finance " + f.suffix);
        assertThat(browser.findElement(By.id("entries")).getText()).contains(f.folder, "READ_WRITE");
    }

    /** Clicks a link or submit button and waits until the next page has replaced this one. */
    @Test
    void anAdministratorAddsASamlProviderAndSeesWhatToCopyIntoEntra() {
        String name = "Entra console " + AdminApiChecks.suffix();
        signIn();
        navigate(By.linkText("Sign-in providers"));
        browser.findElement(By.id("displayName")).sendKeys(name);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("trust"))).selectByValue("METADATA_XML");
        browser.findElement(By.id("metadataXml")).sendKeys("<html/>");
        navigate(By.id("create-provider"));
        assertThat(browser.findElement(By.className("errors")).getText())
                .contains("settings.metadataXml")
                .contains("not SAML 2.0 metadata");

        browser.findElement(By.id("metadataXml")).clear();
        browser.findElement(By.id("metadataXml"))
                .sendKeys(dev.gatehouse.sso.saml.TestMetadata.xml(
                        java.util.List.of("idp", "idp-rollover"), "https://login.example/sso"));
        browser.findElement(By.id("justInTime")).click();
        navigate(By.id("create-provider"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Provider " + name);
        assertThat(browser.findElement(By.id("entity-id")).getText()).startsWith(It.baseUrl() + "/saml/");
        assertThat(browser.findElement(By.id("acs-url")).getText()).endsWith("/acs");

        assertThat(Http.anonymous().get("/login?site=default").body()).contains("Sign in with " + name);
    }

    @Test
    void anAdministratorAddsAnOpenIdConnectProviderWithQnapsIdRulesAndSeesTheRedirectUri() {
        String name = "Entra OIDC console " + AdminApiChecks.suffix();
        try (EntraDouble entra = new EntraDouble()) {
            entra.app("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "console-client-secret");
            signIn();
            navigate(By.linkText("Sign-in providers"));
            browser.findElement(By.id("oidc-displayName")).sendKeys(name);
            browser.findElement(By.id("oidc-tenantId")).sendKeys("72f988bf-86f1-41af-91ab-2d7cd011db4");
            browser.findElement(By.id("oidc-clientId")).sendKeys("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
            browser.findElement(By.id("oidc-clientSecret")).sendKeys("console-client-secret");
            date("oidc-secretExpiresOn", "2027-06-30");
            navigate(By.id("create-oidc-provider"));
            assertThat(browser.findElement(By.className("errors")).getText())
                    .contains("settings.tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db4' is not allowed; copy it from"
                            + " the Entra app registration's Overview page: 36 letters, digits and hyphens");

            browser.findElement(By.id("oidc-tenantId")).clear();
            browser.findElement(By.id("oidc-tenantId")).sendKeys("72f988bf-86f1-41af-91ab-2d7cd011db47");
            browser.findElement(By.id("oidc-clientSecret")).sendKeys("console-client-secret");
            navigate(By.id("create-oidc-provider"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Provider " + name);
            assertThat(browser.findElement(By.id("redirect-uri")).getText())
                    .startsWith(It.baseUrl() + "/oidc/")
                    .endsWith("/callback");
            assertThat(browser.findElement(By.id("flow")).getText()).contains("Authorization code + PKCE");
            assertThat(browser.findElement(By.id("secret-expires")).getText()).isEqualTo("2027-06-30");
            assertThat(browser.getPageSource()).doesNotContain("console-client-secret");
        }
        assertThat(Http.anonymous().get("/login?site=default").body()).contains("Sign in with " + name);
    }

    /** Sets a date input the way a person's date picker would (typing into one depends on the browser's locale). */
    private void date(String id, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), isoDate);
    }

    @Test
    void anAdministratorCreatesAScimTokenSeesItOnceAndFindsItAmongTheExpiringCredentials() {
        String name = "Entra console " + AdminApiChecks.suffix();
        signIn();
        navigate(By.linkText("Provisioning"));
        assertThat(browser.findElement(By.id("tenant-url")).getText()).isEqualTo(It.baseUrl() + "/scim/v2/default");

        browser.findElement(By.id("token-name")).sendKeys(name);
        navigate(By.id("create-scim-token"));
        String secret =
                It.secret(browser.findElement(By.id("shown-secret-value")).getText());
        assertThat(secret).startsWith("ghs_").hasSize(69);
        assertThat(Http.authorized("Bearer " + secret)
                        .get("/scim/v2/default/ServiceProviderConfig")
                        .status())
                .isEqualTo(200);

        navigate(By.linkText("Provisioning"));
        assertThat(browser.findElements(By.id("shown-secret"))).as("shown once").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret.substring(26));
        assertThat(browser.findElement(By.id("scim-tokens")).getText()).contains(name);

        navigate(By.linkText("Credentials"));
        assertThat(browser.findElement(By.id("credentials")).getText())
                .contains(name, "SCIM_TOKEN", "VALID", "provisioning stops");
        assertThat(browser.getPageSource()).doesNotContain(secret.substring(26));
    }

    @Test
    void anAdministratorSetsUpTheDirectoryAndRunsItsPreflight() throws Exception {
        java.nio.file.Path ca = java.nio.file.Path.of(It.property("gatehouse.it.samba.ca"));
        DirectoryChecks.awaitDomainController(ca, java.time.Duration.ofSeconds(90));
        String site = "dirui-" + AdminApiChecks.suffix();
        SsoFixture.childSite(Http.admin(), site, "Directory console " + site);
        signIn();
        browser.get(It.baseUrl() + "/console/directory?site=" + site);
        browser.findElement(By.id("domain")).sendKeys(DirectoryChecks.DOMAIN);
        browser.findElement(By.id("controllers")).sendKeys("127.0.0.1");
        browser.findElement(By.id("trustedCertificates")).sendKeys(java.nio.file.Files.readString(ca));
        navigate(By.id("save-directory"));
        assertThat(browser.findElement(By.id("domain")).getAttribute("value")).isEqualTo(DirectoryChecks.DOMAIN);

        navigate(By.id("run-preflight"));
        assertThat(browser.findElement(By.id("preflight-result")).getText()).isEqualTo("Every check passed.");
        assertThat(browser.findElement(By.id("preflight")).getText())
                .contains("certificate chain", "certificate host name", "clock", "passed")
                .doesNotContain("FAILED");
    }

    @Test
    void anAdministratorJoinsTheDomainFromTheConsoleAndSeesEachStep() throws Exception {
        java.nio.file.Path ca = java.nio.file.Path.of(It.property("gatehouse.it.samba.ca"));
        DirectoryChecks.awaitDomainController(ca, java.time.Duration.ofSeconds(90));
        String sfx = AdminApiChecks.suffix();
        String site = "joinui-" + sfx;
        String machine = ("GC" + sfx).toUpperCase(java.util.Locale.ROOT);
        SsoFixture.childSite(Http.admin(), site, "Join console " + site);
        signIn();
        browser.get(It.baseUrl() + "/console/directory?site=" + site);
        browser.findElement(By.id("domain")).sendKeys(DirectoryChecks.DOMAIN);
        browser.findElement(By.id("controllers")).sendKeys("127.0.0.1");
        browser.findElement(By.id("trustedCertificates")).sendKeys(java.nio.file.Files.readString(ca));
        browser.findElement(By.id("serviceAccount")).sendKeys("administrator@" + DirectoryChecks.DOMAIN);
        browser.findElement(By.id("servicePassword"))
                .sendKeys(It.secret(It.property("gatehouse.it.samba.admin-password")));
        browser.findElement(By.id("syncIntervalMinutes")).sendKeys("0");
        browser.findElement(By.id("machineName")).sendKeys(machine);
        navigate(By.id("save-directory"));
        navigate(By.id("run-preflight"));
        assertThat(browser.findElement(By.id("preflight")).getText())
                .contains("kerberos")
                .doesNotContain("FAILED");

        navigate(By.id("join-domain"));
        // the page refreshes itself while the job runs
        awaitJob();
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("SUCCEEDED");
        assertThat(browser.findElement(By.id("job-steps")).getText())
                .contains(
                        "create the computer account",
                        "write the keytab",
                        "prove the keytab with a Kerberos login",
                        "the KDC issued a ticket-granting ticket to " + machine + "$@CORP.GATEHOUSE.TEST");
        assertThat(browser.findElement(By.id("membership")).getText()).contains(machine);

        navigate(By.id("check-health"));
        assertThat(browser.findElement(By.id("health-result")).getText()).isEqualTo("The membership works.");
        String console = browser.getCurrentUrl();

        // a directory user signs in on the site's login page with the domain password
        browser.manage().deleteAllCookies();
        browser.get(It.baseUrl() + "/login?site=" + site);
        browser.findElement(By.id("login")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(It.secret(It.property("gatehouse.it.samba.password")));
        navigate(By.id("sign-in"));
        assertThat(browser.getPageSource()).contains("alice@" + DirectoryChecks.DOMAIN);
        browser.manage().deleteAllCookies();
        signIn();
        browser.get(console);

        navigate(By.id("leave-domain"));
        awaitJob();
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("SUCCEEDED");
        assertThat(browser.findElements(By.id("join-domain"))).hasSize(1);
    }

    /** Waits while the page, refreshing itself, shows the latest job running. */
    private void awaitJob() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.id("job-state")).stream()
                        .anyMatch(state -> !state.getText().equals("RUNNING")));
    }

    private void navigate(By target) {
        Chromium.navigate(browser, target);
    }

    private void signIn() {
        browser.get(It.baseUrl() + "/");
        browser.findElement(By.id("login")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(It.adminPassword());
        navigate(By.id("sign-in"));
        assertThat(browser.getCurrentUrl()).as(browser.getPageSource()).endsWith("/console/users");
    }
}
