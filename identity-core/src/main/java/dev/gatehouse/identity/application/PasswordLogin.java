package dev.gatehouse.identity.application;

import dev.gatehouse.identity.credential.LoginThrottle;
import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a local password, throttled per account and per client address (see {@link LoginThrottle}). Unknown logins
 * cost the same hashing time as known ones. Every attempt is audited with its exact reason.
 */
public class PasswordLogin {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle accounts;
    private final LoginThrottle addresses;
    private final AuditLog auditLog;
    private final Clock clock;

    /**
     * @param accounts throttles failures per account
     * @param addresses throttles failures per client address; a success does not clear it, so an attacker cannot
     *     reset it by signing in to an account of their own between guesses
     */
    public PasswordLogin(
            UserRepository users,
            PasswordHasher hasher,
            LoginThrottle accounts,
            LoginThrottle addresses,
            AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.accounts = accounts;
        this.addresses = addresses;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public LoginResult authenticate(Site site, String loginText, char[] password, String clientAddress) {
        String accountKey =
                "account:" + site.id() + ":" + String.valueOf(loginText).toLowerCase(Locale.ROOT);
        String addressKey = "address:" + clientAddress;
        Duration wait = max(accounts.waitFor(accountKey), addresses.waitFor(addressKey));
        String who = Texts.printable(loginText) + "@" + site.slug();
        if (!wait.isZero()) {
            audit(
                    site,
                    who,
                    AuditType.LOGIN_THROTTLED,
                    false,
                    "from " + clientAddress + ", retry after " + wait.toSeconds() + " s");
            return new LoginResult.Throttled(wait);
        }
        Optional<User> found = login(loginText).flatMap(login -> users.findByLogin(site.id(), login));
        String reason = null;
        if (found.isEmpty()) {
            hasher.verifyNobody(password);
            reason = "unknown login";
        } else {
            User user = found.get();
            boolean passwordOk = user.password()
                    .map(hash -> hasher.verify(password, hash))
                    .orElseGet(() -> {
                        hasher.verifyNobody(password);
                        return false;
                    });
            if (!passwordOk) {
                reason = user.password().isEmpty() ? "no local password set" : "wrong password";
            } else if (!user.isEnabled()) {
                reason = "account is " + user.state().name().toLowerCase(Locale.ROOT);
            } else if (!(user.authMethod() instanceof AuthMethod.LocalPassword) && !user.administrator()) {
                reason = "account signs in with " + user.authMethod().code() + ", not a local password";
            }
        }
        if (reason != null) {
            accounts.recordFailure(accountKey);
            addresses.recordFailure(addressKey);
            audit(site, who, AuditType.LOGIN_FAILED, false, reason + " (from " + clientAddress + ")");
            return new LoginResult.Failure();
        }
        accounts.recordSuccess(accountKey);
        User user = found.get();
        auditLog.append(AuditEvent.of(
                clock.instant(),
                site.id(),
                Actor.of(user, site),
                AuditType.LOGIN_SUCCEEDED,
                "user:" + user.id(),
                true,
                "password login from " + clientAddress));
        return new LoginResult.Success(user);
    }

    private void audit(Site site, String who, AuditType type, boolean success, String detail) {
        auditLog.append(AuditEvent.of(clock.instant(), site.id(), new Actor(null, who), type, "", success, detail));
    }

    private static Optional<Login> login(String text) {
        try {
            return Optional.of(new Login(text));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
