package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.EmailAddress;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an identity asserted by an SSO provider into a Gatehouse user: the one place where that happens, for every
 * protocol.
 *
 * <p><b>Rules.</b> The user is found by the identity link (Entra tenant + object ID) only, never by login or e-mail. A
 * linked user must be assigned to this provider; anyone else is refused with {@link SsoSignInResult.WrongMethod}. A
 * changed UPN, name or e-mail updates the user (a UPN that another user holds is kept as it was and audited). With
 * just-in-time provisioning on, an unknown identity becomes a new user of the provider; a login already held by an
 * unlinked user is never taken over.
 *
 * <p><b>Groups.</b> Entra sends group object IDs. Each is resolved to the Gatehouse group linked to it; failing that, to
 * the group named in the administrator's mapping table (created and linked if needed); failing that, a group named by
 * the object ID is created and linked, to be renamed when a mapping arrives. The user's memberships in Entra-linked
 * groups then follow the sign-in: added and removed. When the provider signals a groups overage, memberships are only
 * added, never removed, until a resolver supplies the full list.
 */
public class SsoSignIn {
    private final UserRepository users;
    private final IdentityLinkRepository links;
    private final GroupRepository groups;
    private final GroupLinkRepository groupLinks;
    private final Audit audit;
    private final Clock clock;

    public SsoSignIn(
            UserRepository users,
            IdentityLinkRepository links,
            GroupRepository groups,
            GroupLinkRepository groupLinks,
            AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.groups = groups;
        this.groupLinks = groupLinks;
        this.audit = new Audit(auditLog, clock);
        this.clock = clock;
    }

    public SsoSignInResult signIn(SiteId site, ProviderId provider, boolean justInTime, ExternalIdentity identity) {
        Actor actor = new Actor(null, "sso:" + provider);
        String who = "entra:" + identity.key().value();
        Optional<IdentityLink> link = links.find(site, identity.key());
        if (link.isPresent()) {
            return signInLinked(site, provider, identity, link.get(), actor, who);
        }
        if (!justInTime) {
            audit.failure(site, actor, AuditType.LOGIN_FAILED, "", who + " is linked to no user; just-in-time is off");
            return new SsoSignInResult.UnknownUser("no account is linked to this identity");
        }
        Login login;
        try {
            login = new Login(identity.login());
        } catch (ValidationException e) {
            audit.failure(site, actor, AuditType.LOGIN_FAILED, "", who + ": " + e.getMessage());
            return new SsoSignInResult.UnknownUser("the identity provider sent no usable user name");
        }
        if (users.findByLogin(site, login).isPresent()) {
            Optional<IdentityLink> late = links.find(site, identity.key());
            if (late.isPresent()) {
                // a simultaneous first sign-in of the same identity created the user since the lookup above
                return signInLinked(site, provider, identity, late.get(), actor, who);
            }
            audit.failure(
                    site,
                    actor,
                    AuditType.LOGIN_FAILED,
                    "",
                    who + ": login " + login + " belongs to a user not linked to this identity; link them first");
            return new SsoSignInResult.UnknownUser("an account with this name exists but is not linked to you");
        }
        Instant now = clock.instant();
        User user = new User(
                UserId.random(),
                site,
                login,
                displayName(identity),
                email(identity),
                UserState.ENABLED,
                new AuthMethod.Sso(provider),
                false,
                null,
                now,
                now);
        users.save(user);
        links.save(new IdentityLink(site, identity.key(), user.id(), now));
        audit.success(site, actor, AuditType.SSO_USER_PROVISIONED, target(user), "login=" + login + " " + who);
        syncGroups(site, actor, user, identity);
        audit.success(site, actor, AuditType.LOGIN_SUCCEEDED, target(user), signedInDetail(provider, identity));
        return new SsoSignInResult.Success(user, true, true);
    }

    private SsoSignInResult signInLinked(
            SiteId site, ProviderId provider, ExternalIdentity identity, IdentityLink link, Actor actor, String who) {
        User user = users.find(link.user()).orElseThrow();
        if (!(user.authMethod() instanceof AuthMethod.Sso sso)
                || !sso.provider().equals(provider)) {
            audit.failure(
                    site,
                    actor,
                    AuditType.LOGIN_FAILED,
                    target(user),
                    who + " is assigned to " + user.authMethod().code() + ", not sso:" + provider);
            return new SsoSignInResult.WrongMethod(user);
        }
        if (user.state() != UserState.ENABLED) {
            audit.failure(site, actor, AuditType.LOGIN_FAILED, target(user), who + " is disabled");
            return new SsoSignInResult.Disabled(user);
        }
        User refreshed = refresh(site, actor, user, identity);
        boolean groupsChanged = syncGroups(site, actor, refreshed, identity);
        audit.success(site, actor, AuditType.LOGIN_SUCCEEDED, target(user), signedInDetail(provider, identity));
        return new SsoSignInResult.Success(refreshed, false, refreshed != user || groupsChanged);
    }

    private User refresh(SiteId site, Actor actor, User user, ExternalIdentity identity) {
        Instant now = clock.instant();
        User after = user;
        List<String> changed = new ArrayList<>();
        try {
            Login login = new Login(identity.login());
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

    /** @return whether a membership was added or removed */
    private boolean syncGroups(SiteId site, Actor actor, User user, ExternalIdentity identity) {
        boolean changed = false;
        Set<GroupId> wanted = new HashSet<>();
        for (EntraObjectId object : identity.groups()) {
            wanted.add(resolve(site, actor, object));
        }
        Map<GroupId, EntraObjectId> linked = groupLinks.entraGroups(site);
        Set<GroupId> current = new HashSet<>(groups.groupsOf(user.id()));
        for (GroupId group : wanted) {
            if (!current.contains(group) && groups.addMember(new Membership(group, user.id()))) {
                audit.success(site, actor, AuditType.MEMBERSHIP_ADDED, "group:" + group, "user:" + user.id());
                changed = true;
            }
        }
        if (identity.groupsOverage()) {
            return changed;
        }
        for (GroupId group : current) {
            if (linked.containsKey(group)
                    && !wanted.contains(group)
                    && groups.removeMember(new Membership(group, user.id()))) {
                audit.success(site, actor, AuditType.MEMBERSHIP_REMOVED, "group:" + group, "user:" + user.id());
                changed = true;
            }
        }
        return changed;
    }

    private GroupId resolve(SiteId site, Actor actor, EntraObjectId object) {
        Optional<GroupId> linked = groupLinks.findEntraGroup(site, object);
        if (linked.isPresent()) {
            return linked.get();
        }
        GroupName name = new GroupName(groupLinks.mappedName(site, object).orElse(object.toString()));
        Group group = groups.findByName(site, name).orElseGet(() -> {
            Group created = new Group(
                    GroupId.random(), site, name, "Entra group " + object + ", created at sign-in", clock.instant());
            groups.save(created);
            audit.success(site, actor, AuditType.GROUP_CREATED, "group:" + created.id(), "name=" + name + " entra");
            return created;
        });
        groupLinks.linkEntraGroup(site, object, group.id());
        return group.id();
    }

    private static String signedInDetail(ProviderId provider, ExternalIdentity identity) {
        return "via sso:" + provider
                + (identity.groupsOverage()
                        ? "; groups overage: the provider left groups out, memberships were only added, none removed"
                        : "");
    }

    private static String displayName(ExternalIdentity identity) {
        String name = identity.displayName().strip();
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
