package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.credential.LoginThrottle;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.DirectoryLogins;
import dev.gatehouse.identity.port.DirectoryRepository;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Directory passwords through PasswordLogin: the directory's answer ends in the identity pipeline. */
class DirectoryLoginTest {
    static final UUID ALICE = UUID.fromString("3f9ba705-fdb9-4a9d-8682-afa5a975eea2");

    final ServicesFixture f = new ServicesFixture();
    final Map<SiteId, DirectorySettings> saved = new HashMap<>();
    final DirectoryRepository directories = new DirectoryRepository() {
        @Override
        public Optional<DirectorySettings> find(SiteId site) {
            return Optional.ofNullable(saved.get(site));
        }

        @Override
        public void save(DirectorySettings settings) {
            saved.put(settings.site(), settings);
        }

        @Override
        public List<DirectorySettings> all() {
            return List.copyOf(saved.values());
        }
    };
    final List<String> asked = new ArrayList<>();
    /** The directory: alice's password is "domain password"; dave is disabled. */
    final DirectoryLogins directory = (settings, login, password) -> {
        String upn = settings.userPrincipalName(login);
        asked.add(upn);
        if (upn.equals("down@corp.example.com")) {
            return new DirectoryLogins.Outcome.Refused(
                    DirectoryLogins.Reason.UNAVAILABLE, "no domain controller answered: dc1: connect timed out");
        }
        if (upn.equals("dave@corp.example.com")) {
            return new DirectoryLogins.Outcome.Refused(DirectoryLogins.Reason.DISABLED, "dc1: data 533");
        }
        if (!upn.equals("alice@corp.example.com") || !new String(password).equals("domain password")) {
            return new DirectoryLogins.Outcome.Refused(DirectoryLogins.Reason.WRONG_PASSWORD, "dc1: data 52e");
        }
        return new DirectoryLogins.Outcome.Authenticated(
                new ExternalIdentity(new LinkKey.DirectoryObject(ALICE), upn, "Alice Smith", upn, List.of(), true));
    };

    final PasswordLogin login = new PasswordLogin(
                    f.store,
                    ServicesFixture.HASHER,
                    LoginThrottle.withDefaults(f.clock),
                    LoginThrottle.forAddresses(f.clock),
                    LoginThrottle.accountCeiling(f.clock),
                    f.store,
                    f.clock)
            .acceptingDirectoryPasswords(
                    directories,
                    directory,
                    new SignInCompletion(
                            f.store,
                            new IdentityUpsert(
                                    f.store,
                                    f.store,
                                    f.store.groupRepository,
                                    f.store.groupLinkRepository,
                                    f.store,
                                    f.clock),
                            site -> {},
                            new BoundedAuditWriter(f.store, f.store, AuditType.LOGIN_FAILED, "refused", 20, f.clock)));
    final DirectoryAdministration administration = new DirectoryAdministration(directories, f.store, f.clock);

    void directory(boolean justInTime) {
        administration.save(
                f.site.id(),
                DirectoryAdministration.DirectoryInput.logins(
                        "Corp.Example.com",
                        List.of("dc1.corp.example.com", "10.0.1.5:636"),
                        "ldaps",
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                        justInTime),
                Actor.SYSTEM);
    }

    String lastDetail() {
        return f.store.audit.get(f.store.audit.size() - 1).detail();
    }

    @Test
    void aDirectoryUserIsCreatedAtTheFirstSignInAndFoundByObjectGuidAfterwards() {
        directory(true);

        LoginResult first = login.authenticate(f.site, "alice", "domain password".toCharArray(), "192.0.2.1");
        assertThat(first).isInstanceOf(LoginResult.Success.class);
        User alice = ((LoginResult.Success) first).user();
        assertThat(alice.authMethod()).isEqualTo(new AuthMethod.Directory());
        assertThat(alice.login().value()).isEqualTo("alice@corp.example.com");
        assertThat(f.store.linksOf(alice.id())).extracting(l -> l.key().value()).containsExactly(ALICE.toString());

        LoginResult again =
                login.authenticate(f.site, "alice@corp.example.com", "domain password".toCharArray(), "192.0.2.1");
        assertThat(((LoginResult.Success) again).user().id()).isEqualTo(alice.id());
        assertThat(f.store.users).hasSize(1);
    }

    @Test
    void theDirectorysReasonIsAuditedAndWithoutJustInTimeNobodyIsCreated() {
        directory(false);

        assertThat(login.authenticate(f.site, "dave", "domain password".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(lastDetail()).startsWith("directory: disabled (dc1: data 533)");
        assertThat(login.authenticate(f.site, "alice", "guess".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(lastDetail()).startsWith("directory: wrong password");
        assertThat(login.authenticate(f.site, "alice", "domain password".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(lastDetail()).contains("no account is linked").doesNotContain("domain password");
        assertThat(f.store.users).isEmpty();
    }

    @Test
    void localUsersKeepTheirPasswordsAndAreNeverAskedOfTheDirectory() {
        directory(true);
        f.admin("admin");

        assertThat(login.authenticate(f.site, "admin", "correct horse battery".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(login.authenticate(f.site, "admin", "domain password".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutDirectorySettingsAnUnknownLoginIsJustUnknown() {
        assertThat(login.authenticate(f.site, "alice", "domain password".toCharArray(), "a"))
                .isInstanceOf(LoginResult.Failure.class);
        assertThat(lastDetail()).startsWith("unknown login");
        assertThat(asked).isEmpty();
    }

    @Test
    void settingsAreRefusedFieldByField() {
        assertThatThrownBy(() -> administration.save(
                        f.site.id(),
                        DirectoryAdministration.DirectoryInput.logins(
                                "not a domain", List.of("dc1;rm"), "ldap", "cert", null),
                        Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(error -> error.field())
                        .containsExactly("domain", "controllers", "transport", "trustedCertificates"));
        assertThat(saved).isEmpty();
        assertThat(f.store.audit).noneMatch(e -> e.type() == AuditType.SITE_UPDATED);
    }

    @Test
    void theSyncSettingsAreRefusedFieldByFieldAndThePasswordIsKeptWhenOmitted() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        assertThatThrownBy(() -> administration.save(
                        f.site.id(),
                        new DirectoryAdministration.DirectoryInput(
                                "corp.example.com",
                                List.of("dc1"),
                                "ldaps",
                                pem,
                                true,
                                "svc gatehouse",
                                null,
                                "OU=Staff,DC=other,DC=com",
                                "not-a-tenant",
                                3,
                                null,
                                null),
                        Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(error -> error.field())
                        .containsExactly("serviceAccount", "searchBase", "tenantId", "syncIntervalMinutes"));
        assertThatThrownBy(() -> administration.save(
                        f.site.id(),
                        new DirectoryAdministration.DirectoryInput(
                                "corp.example.com",
                                List.of("dc1"),
                                "ldaps",
                                pem,
                                true,
                                "svc@corp.example.com",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        Actor.SYSTEM))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("servicePassword");
        administration.save(
                f.site.id(),
                new DirectoryAdministration.DirectoryInput(
                        "corp.example.com",
                        List.of("dc1"),
                        "ldaps",
                        pem,
                        true,
                        "svc@corp.example.com",
                        new dev.gatehouse.identity.domain.Secret("s3cret"),
                        "OU=Staff, DC=corp, DC=example, DC=com",
                        null,
                        null,
                        null,
                        null),
                Actor.SYSTEM);
        DirectorySettings kept = administration.save(
                f.site.id(),
                new DirectoryAdministration.DirectoryInput(
                        "corp.example.com",
                        List.of("dc2"),
                        "ldaps",
                        pem,
                        true,
                        "svc@corp.example.com",
                        null,
                        null,
                        null,
                        0,
                        null,
                        null),
                Actor.SYSTEM);
        assertThat(kept.service().orElseThrow().password().value()).isEqualTo("s3cret");
        assertThat(kept.syncIntervalMinutes()).isZero();
        assertThat(kept.syncBase()).isEqualTo("DC=corp,DC=example,DC=com");
        assertThat(saved.get(f.site.id()).toString()).doesNotContain("s3cret");
        assertThat(f.store.audit).noneMatch(e -> e.detail().contains("s3cret"));
    }

    @Test
    void anUnreachableDirectoryIsUnavailableNotAFailureOfTheUser() {
        directory(true);

        for (int i = 0; i < 10; i++) {
            assertThat(login.authenticate(f.site, "down", "domain password".toCharArray(), "192.0.2.9"))
                    .as("attempt " + i + ": never throttled, never a wrong password")
                    .isInstanceOf(LoginResult.Unavailable.class);
        }
        assertThat(lastDetail()).contains("unavailable", "dc1: connect timed out");
    }
}
