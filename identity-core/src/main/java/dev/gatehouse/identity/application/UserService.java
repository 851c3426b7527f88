package dev.gatehouse.identity.application;

import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.credential.PasswordPolicy;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.EmailAddress;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.SiteRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates, changes and deletes users of a site.
 *
 * <p><b>The break-glass rule.</b> A site always keeps at least one enabled administrator who signs in with a local
 * password ({@link User#isBreakGlassAdministrator()}), so that an administrator can still get in when Entra or the
 * directory is unreachable or misconfigured. Any change that would take that status from the last such user —
 * disabling or deprovisioning, deleting, switching to SSO or the directory, removing the administrator role — is
 * refused with a {@link BreakGlassException}. The site is locked while the rule is checked, so two concurrent changes
 * cannot each remove "one of two" and leave none.
 */
public class UserService {
    private final SiteRepository sites;
    private final UserRepository users;
    private final GroupRepository groups;
    private final IdentityLinkRepository links;
    private final ProviderRepository providers;
    private final PasswordHasher hasher;
    private final Audit audit;
    private final Clock clock;
    private final java.util.List<dev.gatehouse.identity.port.PrincipalRemovalListener> removalListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<dev.gatehouse.identity.port.UserAccessListener> accessListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public UserService(
            SiteRepository sites,
            UserRepository users,
            GroupRepository groups,
            IdentityLinkRepository links,
            ProviderRepository providers,
            PasswordHasher hasher,
            AuditLog auditLog,
            Clock clock) {
        this.sites = sites;
        this.users = users;
        this.groups = groups;
        this.links = links;
        this.providers = providers;
        this.hasher = hasher;
        this.audit = new Audit(auditLog, clock);
        this.clock = clock;
    }

    public User create(SiteId siteId, NewUser input, Actor actor) {
        Site site = site(siteId);
        Checks checks = new Checks();
        Login login = checks.attempt(() -> Login.assignable(input.login()));
        checks.required("displayName", input.displayName(), 256);
        EmailAddress email = input.email() == null || input.email().isBlank()
                ? null
                : checks.attempt(() -> new EmailAddress(input.email()));
        AuthMethod method = input.authMethod() == null
                ? new AuthMethod.LocalPassword()
                : checks.attempt(() -> authMethod(siteId, "authMethod", input.authMethod()));
        if (input.password() != null && input.password().length > 0) {
            checks.attempt(() -> {
                PasswordPolicy.check("password", input.password());
                return null;
            });
        }
        checks.throwIfAny();
        requireFreeLogin(site, login);
        Instant now = clock.instant();
        User user = new User(
                UserId.random(),
                siteId,
                login,
                input.displayName().strip(),
                email,
                UserState.ENABLED,
                method,
                input.administrator(),
                input.password() == null || input.password().length == 0 ? null : hasher.hash(input.password()),
                now,
                now);
        users.save(user);
        audit.success(
                siteId,
                actor,
                AuditType.USER_CREATED,
                target(user),
                "login=" + login + " method=" + method.code() + (user.administrator() ? " administrator" : ""));
        return user;
    }

    public User update(SiteId siteId, UserId id, UserChanges changes, Actor actor) {
        Site site = site(siteId);
        User before = user(siteId, id);
        Checks checks = new Checks();
        Instant now = clock.instant();
        User after = before;
        List<String> changed = new ArrayList<>();
        if (changes.login() != null) {
            Login login = checks.attempt(() -> Login.assignable(changes.login()));
            if (login != null && !login.equals(before.login())) {
                requireFreeLogin(site, login);
                after = after.withLogin(login, now);
                changed.add("login");
            }
        }
        if (changes.displayName() != null || changes.email() != null || changes.clearEmail()) {
            String name = changes.displayName() == null
                    ? after.displayName()
                    : changes.displayName().strip();
            if (changes.displayName() != null) {
                checks.required("displayName", changes.displayName(), 256);
                changed.add("displayName");
            }
            EmailAddress email = after.email();
            if (changes.clearEmail()) {
                email = null;
                changed.add("email");
            } else if (changes.email() != null) {
                email = checks.attempt(() -> new EmailAddress(changes.email()));
                changed.add("email");
            }
            after = after.withProfile(name, email, now);
        }
        if (changes.state() != null) {
            UserState state = checks.attempt(() -> state(changes.state()));
            if (state != null) {
                after = after.withState(state, now);
                changed.add("state");
            }
        }
        if (changes.authMethod() != null) {
            AuthMethod method = checks.attempt(() -> authMethod(siteId, "authMethod", changes.authMethod()));
            if (method != null) {
                after = after.withAuthMethod(method, now);
                changed.add("authMethod");
            }
        }
        if (changes.administrator() != null) {
            after = after.withAdministrator(changes.administrator(), now);
            changed.add("administrator");
        }
        checks.throwIfAny();
        if (after.equals(before)) {
            return before;
        }
        keepBreakGlass(site, before, after, describe(before, after));
        users.save(after);
        audit.success(siteId, actor, AuditType.USER_UPDATED, target(after), "changed " + String.join(", ", changed));
        if (before.isEnabled() && !after.isEnabled()) {
            accessEnded(siteId, id, "the user was " + after.state().name().toLowerCase(java.util.Locale.ROOT));
        } else if (!before.authMethod().equals(after.authMethod())) {
            accessEnded(
                    siteId,
                    id,
                    "the user now signs in with " + after.authMethod().code());
        }
        return after;
    }

    /**
     * Registers what must end when a user loses access (disabled, deprovisioned, deleted, moved to another method):
     * told inside the changing transaction.
     */
    public void onAccessEnded(dev.gatehouse.identity.port.UserAccessListener listener) {
        accessListeners.add(listener);
    }

    /**
     * Enables or disables a user for a source that manages users itself (provisioning, the directory sync), ending
     * their access when disabled. Returns the user as saved, or {@code user} when the state was already {@code state}.
     */
    User changeState(SiteId siteId, User user, UserState state, Actor actor, String why) {
        if (user.state() == state) {
            return user;
        }
        User changed = user.withState(state, clock.instant());
        users.save(changed);
        audit.success(
                siteId,
                actor,
                AuditType.USER_UPDATED,
                target(user),
                state.name().toLowerCase(java.util.Locale.ROOT) + ": " + why);
        if (user.isEnabled() && !changed.isEnabled()) {
            accessEnded(siteId, user.id(), why);
        }
        return changed;
    }

    /** Tells the listeners that {@code user} lost access; for services that change users themselves (provisioning). */
    void accessEnded(SiteId siteId, UserId user, String why) {
        accessListeners.forEach(l -> l.accessEnded(siteId, user, why));
    }

    public void setPassword(SiteId siteId, UserId id, char[] password, Actor actor) {
        User user = user(siteId, id);
        PasswordPolicy.check("password", password);
        users.save(user.withPasswordHash(hasher.hash(password), clock.instant()));
        audit.success(siteId, actor, AuditType.USER_PASSWORD_SET, target(user), "");
    }

    /** Registers a module that keeps data about users; it is told of each deletion inside the deleting transaction. */
    public void onRemoval(dev.gatehouse.identity.port.PrincipalRemovalListener listener) {
        removalListeners.add(listener);
    }

    public void delete(SiteId siteId, UserId id, Actor actor) {
        Site site = site(siteId);
        User user = user(siteId, id);
        keepBreakGlass(site, user, null, "delete");
        removalListeners.forEach(l -> l.removed(siteId, id));
        accessEnded(siteId, id, "the user was deleted");
        groups.removeAllMembershipsOf(id);
        links.deleteAllOf(id);
        users.delete(id);
        audit.success(siteId, actor, AuditType.USER_DELETED, target(user), "login=" + user.login());
    }

    public User get(SiteId siteId, UserId id) {
        return user(siteId, id);
    }

    public Page<User> list(SiteId siteId, PageRequest page) {
        site(siteId);
        return users.list(siteId, page);
    }

    private void keepBreakGlass(Site site, User before, User after, String change) {
        if (!before.isBreakGlassAdministrator() || (after != null && after.isBreakGlassAdministrator())) {
            return;
        }
        sites.lock(site.id());
        if (users.countBreakGlassAdministrators(site.id()) <= 1) {
            throw new BreakGlassException(site.slug(), before.login(), change);
        }
    }

    private static String describe(User before, User after) {
        if (after.state() != UserState.ENABLED && before.state() == UserState.ENABLED) {
            return after.state() == UserState.DISABLED ? "disable" : "deprovision";
        }
        if (!(after.authMethod() instanceof AuthMethod.LocalPassword)) {
            return "switch to " + (after.authMethod() instanceof AuthMethod.Sso ? "SSO" : "the directory");
        }
        return "remove the administrator role from";
    }

    /**
     * The method named by {@code code}; an SSO method must name a provider of the site or of a site above it: the
     * providers its sign-in page offers (a child site signs in with its parent's providers).
     */
    /**
     * The authentication method {@code code} names, when users of the site may have it (an SSO method must name a
     * provider of the site or of a site above it); otherwise a {@link ValidationException} on {@code field}.
     */
    public AuthMethod authMethod(SiteId siteId, String field, String code) {
        AuthMethod method = AuthMethod.parse(field, code);
        if (method instanceof AuthMethod.Sso sso
                && providers
                        .find(sso.provider())
                        .filter(p -> isSelfOrAncestor(p.site(), siteId))
                        .isEmpty()) {
            throw ValidationException.of(
                    field,
                    "provider '" + sso.provider() + "' is not a provider of this site or of a site above it; pick"
                            + " one from the providers its sign-in page offers");
        }
        return method;
    }

    private boolean isSelfOrAncestor(SiteId candidate, SiteId site) {
        java.util.Optional<SiteId> current = java.util.Optional.of(site);
        for (int depth = 0; current.isPresent() && depth < 64; depth++) {
            if (current.get().equals(candidate)) {
                return true;
            }
            current = sites.find(current.get()).flatMap(dev.gatehouse.identity.domain.Site::parentId);
        }
        return false;
    }

    private static UserState state(String text) {
        try {
            return UserState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "state", "'" + Texts.printable(text) + "' is not a state; use ENABLED, DISABLED or DEPROVISIONED");
        }
    }

    private void requireFreeLogin(Site site, Login login) {
        if (users.findByLogin(site.id(), login).isPresent()) {
            throw new ConflictException(
                    "login",
                    "login '" + login + "' is already taken in site '" + site.slug() + "'; choose another login");
        }
    }

    private Site site(SiteId id) {
        return sites.find(id).orElseThrow(() -> new NotFoundException("site", id));
    }

    private User user(SiteId siteId, UserId id) {
        return users.find(id).filter(u -> u.site().equals(siteId)).orElseThrow(() -> new NotFoundException("user", id));
    }

    private static String target(User user) {
        return "user:" + user.id();
    }
}
