package dev.gatehouse.identity.application;

import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.credential.LoginThrottle;
import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.DirectoryLogins;
import dev.gatehouse.identity.port.DirectoryRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a local password, throttled so that guessing stays slow while nobody can lock the owner out. Unknown logins
 * cost the same hashing time as known ones. Every attempt is audited with its exact reason.
 *
 * <p><b>Throttling rule.</b> Failures are counted per account at one client address, per address, and per account over
 * all addresses (see {@link LoginThrottle}). An attempt waits for the first two; the per-account count is a slow
 * ceiling that applies only to an address that has failed before. So an attacker guessing from one address slows only
 * that address, many addresses guessing one account each get one free guess and then the ceiling, and the owner
 * signing in from an address without failures always gets in.
 */
public class PasswordLogin {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle accountsAtAddress;
    private final LoginThrottle addresses;
    private final LoginThrottle accounts;
    private final AuditLog auditLog;
    private final Clock clock;

    /**
     * @param accountsAtAddress throttles failures per account at one address
     * @param addresses throttles failures per client address; a success does not clear it, so an attacker cannot
     *     reset it by signing in to an account of their own between guesses
     * @param accounts the slow per-account ceiling over all addresses, applied to addresses with failures only
     */
    public PasswordLogin(
            UserRepository users,
            PasswordHasher hasher,
            LoginThrottle accountsAtAddress,
            LoginThrottle addresses,
            LoginThrottle accounts,
            AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.accountsAtAddress = accountsAtAddress;
        this.addresses = addresses;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    private Credentials appPasswords;

    /** Lets file clients sign in with app passwords too ({@link #authenticateFileClient}). */
    public PasswordLogin acceptingAppPasswords(Credentials credentials) {
        this.appPasswords = credentials;
        return this;
    }

    private DirectoryRepository directories;
    private DirectoryLogins directoryLogins;
    private SignInCompletion signInCompletion;

    /**
     * Lets users of the directory sign in with their domain password: a user whose method is {@code directory}, or a
     * login no local user has on a site with directory settings. The directory's answer ends in the identity pipeline
     * (the user found by the {@code objectGUID} link, created just in time when the site allows it).
     */
    public PasswordLogin acceptingDirectoryPasswords(
            DirectoryRepository directories, DirectoryLogins directoryLogins, SignInCompletion signInCompletion) {
        this.directories = directories;
        this.directoryLogins = directoryLogins;
        this.signInCompletion = signInCompletion;
        return this;
    }

    /** A browser's password sign-in: local passwords only. */
    public LoginResult authenticate(Site site, String loginText, char[] password, String clientAddress) {
        return attempt(site, loginText, password, clientAddress, false);
    }

    /**
     * A file client's sign-in (SFTP, WebDAV, SMB, asked by a storage server): a local password, or one of the user's
     * app passwords, which is how users who sign in by SSO reach their files from such clients. An app password is
     * checked without a password hash (it holds 256 random bits), but under the same throttle; a secret shaped like
     * one is never tried as a local password, so both paths take about the same time whether the login exists or not.
     */
    public LoginResult authenticateFileClient(Site site, String loginText, char[] password, String clientAddress) {
        return attempt(site, loginText, password, clientAddress, true);
    }

    private LoginResult attempt(
            Site site, String loginText, char[] password, String clientAddress, boolean fileClient) {
        String accountKey =
                "account:" + site.id() + ":" + String.valueOf(loginText).toLowerCase(Locale.ROOT);
        String addressKey = "address:" + clientAddress;
        String pairKey = accountKey + "|" + addressKey;
        Duration wait = max(accountsAtAddress.waitFor(pairKey), addresses.waitFor(addressKey));
        if (addresses.hasFailures(addressKey)) {
            wait = max(wait, accounts.waitFor(accountKey));
        }
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
        String via = "password login";
        Optional<IssuedSecrets.Presented> appPassword = fileClient && appPasswords != null
                ? IssuedSecrets.parse(CredentialKind.APP_PASSWORD, new String(password))
                : Optional.empty();
        if (appPassword.isPresent()) {
            Optional<Credential> credential = appPasswords.authenticate(CredentialKind.APP_PASSWORD, appPassword);
            if (found.isEmpty()) {
                reason = "unknown login";
            } else if (credential.isEmpty()
                    || !found.get().id().equals(credential.get().user())) {
                reason = "wrong, expired or revoked app password";
            } else if (!found.get().isEnabled()) {
                reason = "account is " + found.get().state().name().toLowerCase(Locale.ROOT);
            } else {
                via = "app password '" + credential.get().name() + "'";
            }
        } else if (byDirectory(site, found)) {
            DirectoryAnswer answer = directory(site, loginText, password);
            if (answer.unavailable()) {
                audit(site, who, AuditType.LOGIN_FAILED, false, answer.reason() + " (from " + clientAddress + ")");
                return new LoginResult.Unavailable();
            }
            if (answer.user() == null) {
                reason = answer.reason();
            } else {
                found = Optional.of(answer.user());
                via = "directory password";
            }
        } else if (found.isEmpty()) {
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
            accountsAtAddress.recordFailure(pairKey);
            addresses.recordFailure(addressKey);
            accounts.recordFailure(accountKey);
            audit(site, who, AuditType.LOGIN_FAILED, false, reason + " (from " + clientAddress + ")");
            return new LoginResult.Failure();
        }
        accountsAtAddress.recordSuccess(pairKey);
        User user = found.get();
        auditLog.append(AuditEvent.of(
                clock.instant(),
                site.id(),
                Actor.of(user, site),
                AuditType.LOGIN_SUCCEEDED,
                "user:" + user.id(),
                true,
                via + (fileClient ? " of a file client" : "") + " from " + clientAddress));
        return new LoginResult.Success(user);
    }

    /** Whether the password is the directory's to check: a directory user's, or a login unknown here on a site with a directory. */
    private boolean byDirectory(Site site, Optional<User> found) {
        if (directoryLogins == null) {
            return false;
        }
        if (found.isPresent()) {
            return found.get().authMethod() instanceof AuthMethod.Directory;
        }
        return directories.find(site.id()).isPresent();
    }

    /** The user the directory vouches for, or the precise reason it does not (for the audit log). */
    private record DirectoryAnswer(User user, String reason, boolean unavailable) {
        DirectoryAnswer(User user, String reason) {
            this(user, reason, false);
        }
    }

    private DirectoryAnswer directory(Site site, String loginText, char[] password) {
        Optional<DirectorySettings> settings = directories.find(site.id());
        if (settings.isEmpty()) {
            return new DirectoryAnswer(null, "the account signs in with the directory, but the site has none set up");
        }
        DirectoryLogins.Outcome outcome = directoryLogins.login(settings.get(), loginText, password);
        if (outcome instanceof DirectoryLogins.Outcome.Refused refused) {
            return new DirectoryAnswer(
                    null,
                    "directory: "
                            + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ("
                            + refused.detail() + ")",
                    refused.reason() == DirectoryLogins.Reason.UNAVAILABLE);
        }
        IdentitySource source = new IdentitySource(
                new AuthMethod.Directory(),
                Set.of(LinkKey.DIRECTORY_AUTHORITY),
                settings.get().justInTime());
        IdentityOutcome signedIn = signInCompletion.complete(
                site.id(), source, ((DirectoryLogins.Outcome.Authenticated) outcome).identity());
        if (signedIn instanceof IdentityOutcome.Success success) {
            return new DirectoryAnswer(success.user(), null);
        }
        return new DirectoryAnswer(
                null, "directory: the password is right, but " + ((IdentityOutcome.Refused) signedIn).reason());
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
