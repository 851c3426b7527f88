package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.credential.LoginThrottle;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.UserChangesFixture;
import org.junit.jupiter.api.Test;

class PasswordLoginTest {
    private final ServicesFixture f = new ServicesFixture();
    private final PasswordLogin login = new PasswordLogin(
            f.store,
            ServicesFixture.HASHER,
            LoginThrottle.withDefaults(f.clock),
            LoginThrottle.forAddresses(f.clock),
            LoginThrottle.accountCeiling(f.clock),
            f.store,
            f.clock);

    @Test
    void theRightPasswordSignsInAndIsAudited() {
        f.admin("admin");

        assertThat(login.authenticate(f.site, "ADMIN", "correct horse battery".toCharArray(), "192.0.2.1"))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(last().type()).isEqualTo(AuditType.LOGIN_SUCCEEDED);
        assertThat(last().actor()).isEqualTo("admin@default");
    }

    @Test
    void everyFailureLooksTheSameButTheAuditLogKnowsWhy() {
        f.admin("admin");
        f.users.create(
                f.site.id(),
                new NewUser("off", "Off", null, "local", false, "another long password".toCharArray()),
                Actor.SYSTEM);
        f.users.update(
                f.site.id(),
                f.store
                        .findByLogin(f.site.id(), new dev.gatehouse.identity.domain.Login("off"))
                        .orElseThrow()
                        .id(),
                UserChangesFixture.state("DISABLED"),
                Actor.SYSTEM);

        assertThat(login.authenticate(f.site, "admin", "wrong password here".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(last().detail()).startsWith("wrong password");
        assertThat(login.authenticate(f.site, "nobody", "wrong password here".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(last().detail()).startsWith("unknown login");
        assertThat(login.authenticate(f.site, "off", "another long password".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(last().detail()).startsWith("account is disabled");
        assertThat(f.store.audit).noneMatch(e -> e.detail().contains("wrong password here"));
    }

    @Test
    void failuresForOneAccountThrottleTheGuessingAddressButNeverTheOwnerElsewhere() {
        f.admin("admin");
        for (int i = 0; i < 14; i++) {
            login.authenticate(f.site, "admin", ("guess " + i).toCharArray(), "198.51.100.7");
        }

        assertThat(login.authenticate(f.site, "admin", "guess 15".toCharArray(), "198.51.100.7"))
                .isInstanceOf(LoginResult.Throttled.class);
        assertThat(last().type()).isEqualTo(AuditType.LOGIN_THROTTLED);
        assertThat(login.authenticate(f.site, "admin", "correct horse battery".toCharArray(), "203.0.113.9"))
                .as("the owner from an address without failures is not throttled by the attacker's guesses")
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void manyAddressesGuessingOneAccountMeetTheCeilingButTheOwnerStillGetsIn() {
        f.admin("admin");
        for (int i = 0; i < 25; i++) {
            assertThat(login.authenticate(f.site, "admin", "wrong".toCharArray(), "198.51.100." + i))
                    .isInstanceOf(LoginResult.Failure.class);
        }

        assertThat(login.authenticate(f.site, "admin", "wrong".toCharArray(), "198.51.100.3"))
                .as("an address that failed before meets the account's ceiling")
                .isInstanceOf(LoginResult.Throttled.class);
        assertThat(login.authenticate(f.site, "admin", "correct horse battery".toCharArray(), "203.0.113.9"))
                .isInstanceOf(LoginResult.Success.class);
    }

    private AuditEvent last() {
        return f.store.audit.get(f.store.audit.size() - 1);
    }
}
