package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import org.junit.jupiter.api.Test;

class UserServiceTest {
    private final ServicesFixture f = new ServicesFixture();

    @Test
    void theLastBreakGlassAdministratorCannotBeDisabled() {
        User admin = f.admin("admin");

        assertThatThrownBy(() -> f.users.update(f.site.id(), admin.id(), changes("DISABLED", null, null), Actor.SYSTEM))
                .isInstanceOf(BreakGlassException.class)
                .hasMessage("Refused to disable 'admin': it is the last enabled administrator of site 'default' with a"
                        + " local password (the break-glass account). Give another administrator a local password"
                        + " first, then try again.");
        assertThat(f.store.users.get(admin.id()).state()).isEqualTo(UserState.ENABLED);
        assertThat(f.store.locks).isEqualTo(1);
    }

    @Test
    void theLastBreakGlassAdministratorCannotBeDeletedOrSwitchedOrDemoted() {
        User admin = f.admin("admin");

        assertThatThrownBy(() -> f.users.delete(f.site.id(), admin.id(), Actor.SYSTEM))
                .isInstanceOf(BreakGlassException.class)
                .hasMessageStartingWith("Refused to delete 'admin'");
        assertThatThrownBy(
                        () -> f.users.update(f.site.id(), admin.id(), changes(null, "directory", null), Actor.SYSTEM))
                .hasMessageStartingWith("Refused to switch to the directory 'admin'");
        assertThatThrownBy(() -> f.users.update(f.site.id(), admin.id(), changes(null, null, false), Actor.SYSTEM))
                .hasMessageStartingWith("Refused to remove the administrator role from 'admin'");
        assertThatThrownBy(() ->
                        f.users.update(f.site.id(), admin.id(), changes("DEPROVISIONED", null, null), Actor.SYSTEM))
                .hasMessageStartingWith("Refused to deprovision 'admin'");
        assertThat(f.store.users).containsKey(admin.id());
    }

    @Test
    void anAdministratorMayBeDisabledWhileAnotherBreakGlassAdministratorRemains() {
        User first = f.admin("first");
        f.admin("second");

        User disabled = f.users.update(f.site.id(), first.id(), changes("DISABLED", null, null), Actor.SYSTEM);

        assertThat(disabled.state()).isEqualTo(UserState.DISABLED);
        assertThat(f.store.audit).extracting(e -> e.type()).contains(AuditType.USER_UPDATED);
    }

    @Test
    void anAdministratorWithoutLocalPasswordDoesNotCountAsBreakGlass() {
        User admin = f.admin("admin");
        User noPassword = f.users.create(
                f.site.id(), new NewUser("nopass", "No password", null, "local", true, null), Actor.SYSTEM);

        assertThat(noPassword.isBreakGlassAdministrator()).isFalse();
        assertThatThrownBy(() -> f.users.delete(f.site.id(), admin.id(), Actor.SYSTEM))
                .isInstanceOf(BreakGlassException.class);
    }

    @Test
    void creationReportsEveryInvalidFieldWithItsFix() {
        assertThatThrownBy(() -> f.users.create(
                        f.site.id(),
                        new NewUser("bad login!", " ", "not-an-email", "sso:42", false, "short".toCharArray()),
                        Actor.SYSTEM))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("login", "displayName", "email", "authMethod", "password"))
                .hasMessageContaining(
                        "login: 'bad login!' is not a valid login; use 1 to 256 letters, digits and . _ @ + -")
                .hasMessageContaining("displayName: is required and must not be blank")
                .hasMessageContaining("email: 'not-an-email' is not an e-mail address; use the form name@example.com")
                .hasMessageContaining("authMethod: '42' is not an identifier")
                .hasMessageContaining("password: is too short (5 characters); use at least 12 characters");
        assertThat(f.store.users).isEmpty();
    }

    @Test
    void anSsoMethodMustNameAProviderOfTheSite() {
        ProviderId unknown = ProviderId.random();
        assertThatThrownBy(() -> f.users.create(
                        f.site.id(), new NewUser("jane", "Jane", null, "sso:" + unknown, false, null), Actor.SYSTEM))
                .hasMessage("authMethod: provider '" + unknown + "' is not a provider of this site or of a site above"
                        + " it; pick one from the providers its sign-in page offers");
    }

    @Test
    void aChildSitesUserMayNameAProviderOfASiteAboveButNotOfASibling() {
        var child = f.sites.create("child", "Child", f.site.id(), Actor.SYSTEM);
        var sibling = f.sites.create("sibling", "Sibling", f.site.id(), Actor.SYSTEM);
        ProviderId parents = ProviderId.random();
        ProviderId siblings = ProviderId.random();
        f.store.providers.put(parents, provider(parents, f.site.id()));
        f.store.providers.put(siblings, provider(siblings, sibling.id()));

        User user = f.users.create(
                child.id(), new NewUser("jane", "Jane", null, "sso:" + parents, false, null), Actor.SYSTEM);
        assertThat(user.authMethod().code()).isEqualTo("sso:" + parents);
        assertThatThrownBy(() -> f.users.create(
                        child.id(), new NewUser("john", "John", null, "sso:" + siblings, false, null), Actor.SYSTEM))
                .hasMessageContaining("is not a provider of this site or of a site above it");
    }

    private static dev.gatehouse.identity.domain.Provider provider(
            ProviderId id, dev.gatehouse.identity.domain.SiteId site) {
        return new dev.gatehouse.identity.domain.Provider(
                id, site, "Entra", true, new ProviderAdministrationTest.TestSettings(false), java.time.Instant.EPOCH);
    }

    @Test
    void loginsAreUniquePerSiteIgnoringCase() {
        f.admin("Jane.Doe");

        assertThatThrownBy(() -> f.admin("jane.doe"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("login"))
                .hasMessage("login 'jane.doe' is already taken in site 'default'; choose another login");
    }

    @Test
    void theSameLoginMayExistInAnotherSite() {
        f.admin("jane");
        var child = f.sites.create("child", "Child", f.site.id(), Actor.SYSTEM);

        User other = f.users.create(child.id(), new NewUser("jane", "Jane", null, null, false, null), Actor.SYSTEM);

        assertThat(other.site()).isEqualTo(child.id());
    }

    @Test
    void aUserOfAnotherSiteIsNotFound() {
        User admin = f.admin("admin");
        var child = f.sites.create("child", "Child", f.site.id(), Actor.SYSTEM);

        assertThatThrownBy(() -> f.users.get(child.id(), admin.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void passwordsAreStoredHashed() {
        User admin = f.admin("admin");

        assertThat(admin.passwordHash().encoded())
                .startsWith("pbkdf2-sha256$10000$")
                .doesNotContain("correct horse");
        assertThat(admin.toString()).doesNotContain(admin.passwordHash().encoded());
    }

    private static UserChanges changes(String state, String method, Boolean administrator) {
        return new UserChanges(null, null, null, false, state, method, administrator);
    }
}
