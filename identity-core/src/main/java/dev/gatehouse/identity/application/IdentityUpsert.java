package dev.gatehouse.identity.application;

import dev.gatehouse.identity.application.IdentityOutcome.Refusal;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.EmailAddress;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns identities from any source into Gatehouse users: the one place where that happens, for a sign-in (SAML, OIDC,
 * a directory password), a batch of a directory sync and a SCIM request alike. Call inside a transaction.
 *
 * <p><b>Rules.</b> A user is found by an {@link IdentityLink} only, never by login or e-mail. A source asserts only keys
 * it {@linkplain IdentitySource#vouchesFor vouches for}; anything else is refused and audited. For a sign-in the linked
 * user must have the source's authentication method and be enabled. A changed login, name or e-mail updates the user (a
 * login that another user holds is kept as it was and audited). With just-in-time on, an unknown identity becomes a new
 * user of the source's method; a login already held by an unlinked user is never taken over. Groups follow
 * {@link GroupReconciliation}.
 *
 * <p><b>Batches.</b> {@link #upsertAll} reads the links, users and named group keys of the whole batch in a few
 * queries, and the keys of the groups users are in once per group, so a sync of thousands of users does not issue a
 * query per user and field.
 */
public class IdentityUpsert {
    /** Whether the identities sign in (method and state are checked, logins audited) or are provisioned. */
    public enum Purpose {
        SIGN_IN,
        PROVISIONING
    }

    private final UserRepository users;
    private final IdentityLinkRepository links;
    private final GroupReconciliation groups;
    private final Audit audit;
    private final Clock clock;

    public IdentityUpsert(
            UserRepository users,
            IdentityLinkRepository links,
            GroupRepository groups,
            GroupLinkRepository groupLinks,
            AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.audit = new Audit(auditLog, clock);
        this.groups = new GroupReconciliation(groups, groupLinks, audit, clock);
        this.clock = clock;
    }

    public IdentityOutcome upsert(SiteId site, IdentitySource source, Purpose purpose, ExternalIdentity identity) {
        return upsertAll(site, source, purpose, List.of(identity)).get(0);
    }

    /** The outcomes in the order of {@code identities}. */
    public List<IdentityOutcome> upsertAll(
            SiteId site, IdentitySource source, Purpose purpose, List<ExternalIdentity> identities) {
        Map<LinkKey, IdentityLink> linked = links.findAll(
                site, identities.stream().map(ExternalIdentity::key).toList());
        Map<UserId, User> linkedUsers =
                users.findAll(linked.values().stream().map(IdentityLink::user).toList());
        GroupReconciliation.Batch batch = groups.batch(
                site, identities.stream().flatMap(i -> i.groups().stream()).toList());
        // the logins new users would take, read at once: which are held already
        List<Login> wanted = identities.stream()
                .filter(identity -> !linked.containsKey(identity.key()))
                .map(identity -> assignable(identity.login()))
                .flatMap(Optional::stream)
                .toList();
        Map<Login, User> held =
                new java.util.HashMap<>(wanted.isEmpty() ? Map.of() : users.findAllByLogin(site, wanted));
        List<IdentityOutcome> outcomes = new ArrayList<>(identities.size());
        for (ExternalIdentity identity : identities) {
            IdentityLink link = linked.get(identity.key());
            User user = link == null ? null : linkedUsers.get(link.user());
            IdentityOutcome outcome = one(site, source, purpose, identity, user, batch, held);
            if (outcome instanceof IdentityOutcome.Success success && success.created()) {
                held.put(success.user().login(), success.user());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Optional<Login> assignable(String login) {
        try {
            return Optional.of(Login.assignable(login));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    private IdentityOutcome one(
            SiteId site,
            IdentitySource source,
            Purpose purpose,
            ExternalIdentity identity,
            User linked,
            GroupReconciliation.Batch batch,
            Map<Login, User> held) {
        Actor actor = source.actor();
        String who = identity.key().kind() + ":" + identity.key().value();
        Optional<String> untrusted = untrusted(source, identity);
        if (untrusted.isPresent()) {
            return refused(
                    site, actor, purpose, null, Refusal.UNTRUSTED, untrusted.get(), who + ": " + untrusted.get());
        }
        if (linked != null) {
            return existing(site, source, purpose, identity, linked, batch, who);
        }
        if (!source.justInTime()) {
            return refused(
                    site,
                    actor,
                    purpose,
                    null,
                    Refusal.UNKNOWN_USER,
                    "no account is linked to this identity",
                    who + " is linked to no user; just-in-time is off");
        }
        Login login;
        try {
            login = Login.assignable(identity.login());
        } catch (ValidationException e) {
            return refused(
                    site,
                    actor,
                    purpose,
                    null,
                    Refusal.UNKNOWN_USER,
                    "the identity provider sent no usable user name",
                    who + ": " + e.getMessage());
        }
        if (held.containsKey(login)) {
            Optional<IdentityLink> late = links.find(site, identity.key());
            if (late.isPresent()) {
                // a simultaneous first sign-in of the same identity created the user since the batch was read
                return existing(
                        site,
                        source,
                        purpose,
                        identity,
                        users.find(late.get().user()).orElseThrow(),
                        batch,
                        who);
            }
            return refused(
                    site,
                    actor,
                    purpose,
                    null,
                    Refusal.UNKNOWN_USER,
                    "an account with this name exists but is not linked to you",
                    who + ": login " + login + " belongs to a user not linked to this identity; link them first");
        }
        return created(site, source, purpose, identity, login, batch, who);
    }

    private IdentityOutcome created(
            SiteId site,
            IdentitySource source,
            Purpose purpose,
            ExternalIdentity identity,
            Login login,
            GroupReconciliation.Batch batch,
            String who) {
        Instant now = clock.instant();
        User user = new User(
                newUserId(identity.key()),
                site,
                login,
                displayName(identity),
                email(identity),
                UserState.ENABLED,
                source.method(),
                false,
                null,
                now,
                now);
        users.save(user);
        links.save(new IdentityLink(site, identity.key(), user.id(), now));
        Actor actor = source.actor();
        audit.success(site, actor, AuditType.SSO_USER_PROVISIONED, target(user), "login=" + login + " " + who);
        groups.reconcile(site, source, user, identity, batch);
        signedIn(site, source, purpose, identity, user);
        return new IdentityOutcome.Success(user, true, true);
    }

    private IdentityOutcome existing(
            SiteId site,
            IdentitySource source,
            Purpose purpose,
            ExternalIdentity identity,
            User user,
            GroupReconciliation.Batch batch,
            String who) {
        Actor actor = source.actor();
        if (purpose == Purpose.SIGN_IN) {
            if (!user.authMethod().equals(source.method())) {
                return refused(
                        site,
                        actor,
                        purpose,
                        user,
                        Refusal.WRONG_METHOD,
                        "this account signs in another way",
                        who + " is assigned to " + user.authMethod().code() + ", not "
                                + source.method().code());
            }
            if (user.state() != UserState.ENABLED) {
                return refused(
                        site, actor, purpose, user, Refusal.DISABLED, "this account is disabled", who + " is disabled");
            }
        }
        User refreshed = refresh(site, actor, user, identity);
        boolean groupsChanged = groups.reconcile(site, source, refreshed, identity, batch);
        signedIn(site, source, purpose, identity, user);
        return new IdentityOutcome.Success(refreshed, false, refreshed != user || groupsChanged);
    }

    private User refresh(SiteId site, Actor actor, User user, ExternalIdentity identity) {
        Instant now = clock.instant();
        User after = user;
        List<String> changed = new ArrayList<>();
        try {
            Login login = Login.assignable(identity.login());
            if (!login.equals(user.login())) {
                if (users.findByLogin(site, login).isPresent()) {
                    changed.add("login kept: " + login + " is held by another user");
                } else {
                    after = after.withLogin(login, now);
                    changed.add("login " + user.login() + " -> " + login);
                }
            }
        } catch (ValidationException e) {
            changed.add("login kept: the new one is not valid");
        }
        String name = displayName(identity);
        EmailAddress email = email(identity);
        if (!name.equals(user.displayName()) || (email != null && !email.equals(user.email()))) {
            after = after.withProfile(name, email == null ? user.email() : email, now);
            changed.add("profile");
        }
        if (after != user) {
            users.save(after);
        }
        if (!changed.isEmpty()) {
            audit.success(site, actor, AuditType.SSO_USER_UPDATED, target(user), String.join("; ", changed));
        }
        return after;
    }

    /** A SCIM id is issued by Gatehouse as the user's own id, so the user created for it takes that id. */
    private static UserId newUserId(LinkKey key) {
        return key instanceof LinkKey.ScimId scim && Uuids.isCanonical(scim.value())
                ? new UserId(java.util.UUID.fromString(scim.value()))
                : UserId.random();
    }

    private static Optional<String> untrusted(IdentitySource source, ExternalIdentity identity) {
        if (!source.vouchesFor(identity.key())) {
            return Optional.of("the source may not vouch for " + identity.key().authority() + " identities");
        }
        return identity.groups().stream()
                .map(ExternalGroup::key)
                .filter(key -> !source.vouchesFor(key))
                .findFirst()
                .map(key -> "the source may not vouch for " + key.authority() + " groups");
    }

    private void signedIn(SiteId site, IdentitySource source, Purpose purpose, ExternalIdentity identity, User user) {
        if (purpose == Purpose.SIGN_IN) {
            audit.success(
                    site,
                    source.actor(),
                    AuditType.LOGIN_SUCCEEDED,
                    target(user),
                    "via " + source.method().code()
                            + (identity.groupsOverage()
                                    ? "; groups overage: the provider left groups out, memberships were only added,"
                                            + " none removed"
                                    : ""));
        }
    }

    private IdentityOutcome refused(
            SiteId site, Actor actor, Purpose purpose, User user, Refusal refusal, String reason, String detail) {
        audit.failure(
                site,
                actor,
                purpose == Purpose.SIGN_IN ? AuditType.LOGIN_FAILED : AuditType.PROVISIONING_REFUSED,
                user == null ? "" : target(user),
                detail);
        return new IdentityOutcome.Refused(refusal, user, reason);
    }

    private static String displayName(ExternalIdentity identity) {
        String name = Texts.withoutUnsafeCharacters(identity.displayName()).strip();
        return name.isEmpty() ? identity.login() : name.length() > 256 ? name.substring(0, 256) : name;
    }

    private static EmailAddress email(ExternalIdentity identity) {
        try {
            return identity.email() == null || identity.email().isBlank() ? null : new EmailAddress(identity.email());
        } catch (ValidationException e) {
            return null;
        }
    }

    private static String target(User user) {
        return "user:" + user.id();
    }
}
