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

        browser.get(It.baseUrl() + "/");
        browser.findElement(By.id("login")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(It.adminPassword());
        browser.findElement(By.id("sign-in")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/console/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Users of Default site");

        browser.findElement(By.cssSelector("#new-user #login")).sendKeys(login);
        browser.findElement(By.cssSelector("#new-user #displayName")).sendKeys("Console User");
        browser.findElement(By.cssSelector("#new-user #password")).sendKeys("console user password");
        browser.findElement(By.id("create-user")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("User " + login);

        browser.findElement(By.linkText("Groups")).click();
        browser.findElement(By.cssSelector("#new-group #name")).sendKeys(group);
        browser.findElement(By.id("create-group")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Group " + group);

        browser.findElement(By.id("member-login")).sendKeys(login);
        browser.findElement(By.id("add-user-button")).click();
        assertThat(browser.findElement(By.id("members")).getText()).contains(login, "Console User");

        browser.findElement(By.linkText("Users")).click();
        assertThat(browser.findElement(By.id("users")).getText()).contains(login);
        assertThat(Http.admin().get("/api/v1/sites/default/groups?size=500").body())
                .contains(group);
    }

    @Test
    void aRefusedChangeIsExplainedOnThePage() {
        browser.get(It.baseUrl() + "/login");
        browser.findElement(By.id("login")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(It.adminPassword());
        browser.findElement(By.id("sign-in")).click();

        browser.findElement(By.cssSelector("#new-user #login")).sendKeys("admin");
        browser.findElement(By.cssSelector("#new-user #displayName")).sendKeys("Second admin");
        browser.findElement(By.id("create-user")).click();

        assertThat(browser.findElement(By.cssSelector(".errors")).getText())
                .contains("login 'admin' is already taken in site 'default'; choose another login");
    }
}
