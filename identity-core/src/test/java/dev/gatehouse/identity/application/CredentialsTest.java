package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private final ServicesFixture f = new ServicesFixture();
    private final InMemoryCredentials repository = new InMemoryCredentials();
    private final InMemoryCredentials.MovableClock clock =
            new InMemoryCredentials.MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Credentials credentials =
            new Credentials(repository, f.store, new IssuedSecrets(), f.store, f.store, clock);

    private Optional<Credential> bearer(String secret) {
        return credentials.authenticate(
                CredentialKind.SCIM_TOKEN, IssuedSecrets.parse(CredentialKind.SCIM_TOKEN, secret));
    }

    @Test
    void aScimTokenIsShownOnceStoredHashedAndExpiresAfterAYearByDefault() {
        Credentials.Issued issued =
                credentials.issue(f.site.id(), CredentialKind.SCIM_TOKEN, null, "Entra", null, Actor.SYSTEM);
        String secret = issued.secret().value();

        assertThat(secret).startsWith("ghs_").hasSize(IssuedSecrets.LENGTH);
        assertThat(issued.credential().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(365)));
        Credential stored = repository.credentials.get(issued.credential().id());
        assertThat(stored.secretHash()).doesNotContain(secret.substring(26)).hasSize(64);
        assertThat(stored.toString() + issued.toString() + issued.secret()).doesNotContain(secret.substring(26));
        assertThat(f.store.audit.stream().map(AuditEvent::detail)).noneMatch(d -> d.contains(secret.substring(26)));
        assertThat(bearer(secret)).isPresent();
    }

    @Test
    void aWrongTruncatedOrForeignKindSecretAuthenticatesNothing() {
        String secret = credentials
                .issue(f.site.id(), CredentialKind.SCIM_TOKEN, null, "Entra", null, Actor.SYSTEM)
                .secret()
                .value();
        char last = secret.charAt(secret.length() - 1);
        String wrong = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(bearer(wrong)).isEmpty();
        assertThat(bearer(secret.substring(1))).isEmpty();
        assertThat(bearer(null)).isEmpty();
        assertThat(credentials.authenticate(
                        CredentialKind.APP_PASSWORD,
                        IssuedSecrets.parse(CredentialKind.APP_PASSWORD, "ghp_" + secret.substring(4))))
                .isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedUntilExtended() {
        Credentials.Issued issued = credentials.issue(
                f.site.id(),
                CredentialKind.SCIM_TOKEN,
                null,
                "Entra",
                clock.instant().plus(Duration.ofDays(2)),
                Actor.SYSTEM);
        clock.advance(Duration.ofDays(3));

        assertThat(bearer(issued.secret().value())).isEmpty();
        assertThat(repository.credentials.get(issued.credential().id()).status(clock.instant()))
                .isEqualTo(Credential.Status.EXPIRED);

        credentials.extend(
                f.site.id(), issued.credential().id(), clock.instant().plus(Duration.ofDays(30)), Actor.SYSTEM);
        assertThat(bearer(issued.secret().value())).isPresent();
    }

    @Test
    void aResetKillsTheOldSecretAtOnceAndARevokeKillsTheToken() {
        Credentials.Issued issued =
                credentials.issue(f.site.id(), CredentialKind.SCIM_TOKEN, null, "Entra", null, Actor.SYSTEM);
        Credentials.Issued reset =
                credentials.reset(f.site.id(), issued.credential().id(), Actor.SYSTEM);

        assertThat(bearer(issued.secret().value())).isEmpty();
        assertThat(bearer(reset.secret().value())).isPresent();
        assertThat(reset.credential().expiresAt()).isEqualTo(issued.credential().expiresAt());

        credentials.revoke(f.site.id(), issued.credential().id(), Actor.SYSTEM);
        assertThat(bearer(reset.secret().value())).isEmpty();
        assertThatThrownBy(
                        () -> credentials.reset(f.site.id(), issued.credential().id(), Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void anExpiryInThePastOrBeyondThreeYearsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> credentials.issue(
                        f.site.id(),
                        CredentialKind.SCIM_TOKEN,
                        null,
                        "x",
                        clock.instant().minusSeconds(1),
                        Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expiresAt");
        assertThatThrownBy(() -> credentials.issue(
                        f.site.id(),
                        CredentialKind.SCIM_TOKEN,
                        null,
                        "x",
                        clock.instant().plus(Duration.ofDays(4 * 365)),
                        Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expiresAt");
        assertThatThrownBy(
                        () -> credentials.issue(f.site.id(), CredentialKind.SCIM_TOKEN, null, " ", null, Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("name");
    }

    @Test
    void alertsAreRaisedOnceAtThirtySevenAndOneDaysAndOnExpiry() {
        credentials.issue(
                f.site.id(),
                CredentialKind.SCIM_TOKEN,
                null,
                "Entra",
                clock.instant().plus(Duration.ofDays(40)),
                Actor.SYSTEM);

        assertThat(credentials.raiseAlerts()).isZero();
        clock.advance(Duration.ofDays(11)); // 29 days left
        assertThat(credentials.raiseAlerts()).isOne();
        assertThat(credentials.raiseAlerts()).isZero();
        clock.advance(Duration.ofDays(20)); // 9 days left
        assertThat(credentials.raiseAlerts()).isZero();
        clock.advance(Duration.ofDays(3)); // 6 days left
        assertThat(credentials.raiseAlerts()).isOne();
        clock.advance(Duration.ofDays(5).plusHours(12)); // half a day left
        assertThat(credentials.raiseAlerts()).isOne();
        clock.advance(Duration.ofDays(1)); // expired
        assertThat(credentials.raiseAlerts()).isOne();
        assertThat(credentials.raiseAlerts()).isZero();

        assertThat(f.store.audit.stream()
                        .filter(e -> e.type() == AuditType.CREDENTIAL_EXPIRING)
                        .map(AuditEvent::detail))
                .hasSize(4)
                .allMatch(d -> d.contains("Entra provisioning app"))
                .last()
                .asString()
                .contains("expired");
    }

    @Test
    void anAppPasswordDiesWithItsUserAndCannotBeIssuedToADisabledOne() {
        User user = f.admin("jane");
        Credentials.Issued issued =
                credentials.issue(f.site.id(), CredentialKind.APP_PASSWORD, user.id(), "WinSCP", null, Actor.SYSTEM);
        Optional<IssuedSecrets.Presented> presented = IssuedSecrets.parse(
                CredentialKind.APP_PASSWORD,
                issued.secret().value().substring(0, 26),
                issued.secret().value().substring(26));
        assertThat(credentials.authenticate(CredentialKind.APP_PASSWORD, presented))
                .isPresent();

        f.store.save(user.withState(UserState.DISABLED, clock.instant()));
        assertThat(credentials.authenticate(CredentialKind.APP_PASSWORD, presented))
                .isEmpty();

        assertThat(credentials.revokeAllOf(f.site.id(), user.id(), Actor.SYSTEM, "disabled"))
                .isOne();
        f.store.save(user);
        assertThat(credentials.authenticate(CredentialKind.APP_PASSWORD, presented))
                .isEmpty();
        f.store.save(user.withState(UserState.DISABLED, clock.instant()));
        assertThatThrownBy(() -> credentials.issue(
                        f.site.id(), CredentialKind.APP_PASSWORD, user.id(), "again", null, Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("disabled");
    }
}
