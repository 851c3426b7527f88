package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.ScimResource;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.ScimRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Users and groups as a provisioning client (SCIM) creates, changes and removes them. Users enter through the one
 * {@link IdentityUpsert} with SCIM links: a new user gets the {@code scim-id} link its id names, and, when the site
 * maps Entra's {@code objectId}, the same {@code entra:<tenant>:<object id>} link SAML and OpenID Connect sign-ins make,
 * so a provisioned user who signs in by SSO is one user. Call inside a transaction; the caller invalidates the site's
 * storage decisions after it commits.
 *
 * <p><b>What a provisioning client sees.</b> Users it created or took over (they have a {@code scim-id} link) and users
 * of a non-local method (SSO, directory), which it may take over after matching them by {@code userName}; never a
 * local-password user it did not create (the break-glass administrators), never a deprovisioned one. Every group of the
 * site. Its ids are the users' and groups' own ids.
 *
 * <p><b>Rules.</b> {@code userName}, {@code externalId} and a group's {@code displayName} are unique per site
 * ({@link UniquenessException}). A user set inactive is disabled at once and, through
 * {@link UserService#onAccessEnded}, loses every credential that acts as them (app passwords, API tokens); reactivated,
 * they sign in again but get no credential back.
 */
public class Provisioning {
    /** Who the audit log names for what a provisioning client did. */
    public static final Actor ACTOR = new Actor(null, "scim");

    private final UserRepository users;
    private final IdentityLinkRepository links;
    private final GroupRepository groups;
    private final GroupLinkRepository groupLinks;
    private final ScimRepository scim;
    private final IdentityUpsert upsert;
    private final UserService userService;
    private final GroupService groupService;
    private final Audit audit;
    private final Clock clock;

    public Provisioning(
            UserRepository users,
            IdentityLinkRepository links,
            GroupRepository groups,
            GroupLinkRepository groupLinks,
            ScimRepository scim,
            IdentityUpsert upsert,
            UserService userService,
            GroupService groupService,
            AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.groups = groups;
        this.groupLinks = groupLinks;
        this.scim = scim;
        this.upsert = upsert;
        this.userService = userService;
        this.groupService = groupService;
        this.audit = new Audit(auditLog, clock);
        this.clock = clock;
    }

    /**
     * A user as the client writes it.
     *
     * @param objectId the value of the attribute the site maps Entra's {@code objectId} to, or {@code null}
     * @param attributes everything else the client sent, as JSON, returned to it as sent
     */
    public record UserData(
            String userName,
            String externalId,
            boolean active,
            String displayName,
            String email,
            String objectId,
            String attributes) {}

    /** A user and what SCIM wrote about it ({@code resource} is empty for a user SCIM has not written yet). */
    public record ProvisionedUser(User user, Optional<ScimResource> resource) {}

    public record GroupData(String displayName, String externalId, String attributes) {}

    public record ProvisionedGroup(Group group, Optional<ScimResource> resource) {}

    // ---- settings

    public ScimSettings settings(SiteId site) {
        return scim.settings(site).orElseGet(() -> ScimSettings.defaults(site, clock.instant()));
    }

    public ScimSettings saveSettings(
            SiteId site,
            String newUserMethod,
            String tenant,
            String objectIdAttribute,
            String deletePolicy,
            String tokenScheme,
            String displayNameFrom,
            String emailFrom,
            Actor actor) {
        dev.gatehouse.identity.validation.Checks checks = new dev.gatehouse.identity.validation.Checks();
        AuthMethod method = checks.attempt(() -> userService.authMethod(site, "newUserMethod", newUserMethod));
        dev.gatehouse.identity.domain.EntraTenantId tenantId = tenant == null || tenant.isBlank()
                ? null
                : checks.attempt(() -> dev.gatehouse.identity.domain.EntraTenantId.parse("tenantId", tenant.strip()));
        checks.optional("objectIdAttribute", objectIdAttribute, 200);
        if (objectIdAttribute != null && !objectIdAttribute.isBlank() && tenantId == null) {
            checks.fail("tenantId", "required with objectIdAttribute: the Entra tenant whose object IDs it holds");
        }
        ScimSettings.DeletePolicy policy = checks.attempt(() -> choice(
                ScimSettings.DeletePolicy.class, "deletePolicy", deletePolicy, ScimSettings.DeletePolicy.DISABLE));
        ScimSettings.TokenScheme scheme = checks.attempt(() ->
                choice(ScimSettings.TokenScheme.class, "tokenScheme", tokenScheme, ScimSettings.TokenScheme.BEARER));
        ScimSettings.DisplayNameSource nameSource = checks.attempt(() -> choice(
                ScimSettings.DisplayNameSource.class,
                "displayNameFrom",
                displayNameFrom,
                ScimSettings.DisplayNameSource.NAME));
        ScimSettings.EmailSource emailSource = checks.attempt(
                () -> choice(ScimSettings.EmailSource.class, "emailFrom", emailFrom, ScimSettings.EmailSource.EMAILS));
        checks.throwIfAny();
        ScimSettings settings = new ScimSettings(
                site,
                method,
                tenantId,
                objectIdAttribute == null || objectIdAttribute.isBlank() ? null : objectIdAttribute.strip(),
                policy,
                scheme,
                nameSource,
                emailSource,
                clock.instant());
        scim.save(settings);
        audit.success(
                site,
                actor,
                AuditType.SITE_UPDATED,
                "scim",
                "SCIM settings: new users " + method.code() + ", delete " + policy + ", " + scheme);
        return settings;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace("_", "").equalsIgnoreCase(value.strip().replace("_", ""))) {
                return constant;
            }
        }
        throw ValidationException.of(
                field,
                "'" + dev.gatehouse.identity.validation.Texts.printable(value) + "' is not one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                                .map(Provisioning::camel)
                                .collect(Collectors.joining(", ")));
    }

    /** An option as the API names it: {@code DISPLAY_NAME} is {@code displayName}. */
    public static String camel(Enum<?> option) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : option.name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    // ---- users

    public Optional<ProvisionedUser> user(SiteId site, String id) {
        if (!Uuids.isCanonical(id)) {
            return Optional.empty();
        }
        return users.find(new UserId(UUID.fromString(id)))
                .filter(u -> u.site().equals(site))
                .filter(u -> visible(u, links.find(site, scimKey(u.id())).isPresent()))
                .map(u -> new ProvisionedUser(u, scim.find(u.id().value())));
    }

    public Optional<ProvisionedUser> userByName(SiteId site, String userName) {
        Login login;
        try {
            login = new Login(userName);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return users.findByLogin(site, login).flatMap(u -> user(site, u.id().toString()));
    }

    public Optional<ProvisionedUser> userByExternalId(SiteId site, String externalId) {
        return scim.findByExternalId(site, ScimResource.Type.USER, externalId)
                .flatMap(resource -> user(site, resource.subject().toString()));
    }

    /** Every user the client sees, in creation order of their pages; for filters no index answers. */
    public List<ProvisionedUser> users(SiteId site) {
        Set<UserId> scimLinked = links.links(site).stream()
                .filter(l -> l.key() instanceof LinkKey.ScimId)
                .map(IdentityLink::user)
                .collect(Collectors.toSet());
        List<User> visible = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<User> items = users.list(site, new PageRequest(page, PageRequest.MAX_SIZE))
                    .items();
            items.stream().filter(u -> visible(u, scimLinked.contains(u.id()))).forEach(visible::add);
            if (items.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        Map<UUID, ScimResource> resources =
                scim.findAll(visible.stream().map(u -> u.id().value()).toList());
        return visible.stream()
                .map(u -> new ProvisionedUser(u, Optional.ofNullable(resources.get(u.id().value()))))
                .toList();
    }

    public ProvisionedUser createUser(SiteId site, ScimSettings settings, UserData data) {
        Login login = login(data.userName());
        String externalId = externalId(data.externalId());
        if (externalId != null
                && scim.findByExternalId(site, ScimResource.Type.USER, externalId)
                        .isPresent()) {
            throw new UniquenessException("externalId", "another user has externalId '" + externalId + "'");
        }
        Optional<LinkKey.Entra> entra = entraKey(settings, data);
        Optional<User> holder = users.findByLogin(site, login);
        if (holder.isPresent()) {
            boolean sameEntraUser = entra.isPresent()
                    && links.find(site, entra.get())
                            .map(IdentityLink::user)
                            .filter(holder.get().id()::equals)
                            .isPresent();
            if (!sameEntraUser || scim.find(holder.get().id().value()).isPresent()) {
                throw new UniquenessException("userName", "a user with userName '" + login + "' exists");
            }
        }
        LinkKey key = entra.isPresent()
                ? entra.get()
                : new LinkKey.ScimId(UUID.randomUUID().toString());
        IdentityOutcome outcome =
                upsert.upsert(site, source(settings), IdentityUpsert.Purpose.PROVISIONING, identity(key, login, data));
        User user = success(outcome, "userName");
        if (!((IdentityOutcome.Success) outcome).created()
                && scim.find(user.id().value()).isPresent()) {
            throw new UniquenessException(
                    settings.objectIdAttribute(), "another user is linked to Entra object '" + data.objectId() + "'");
        }
        linkScimId(site, user);
        user = applyActive(site, user, data.active());
        Instant now = clock.instant();
        ScimResource resource = new ScimResource(
                user.id().value(), site, ScimResource.Type.USER, externalId, data.attributes(), now, now);
        scim.save(resource);
        return new ProvisionedUser(user, Optional.of(resource));
    }

    public ProvisionedUser replaceUser(SiteId site, ScimSettings settings, String id, UserData data) {
        ProvisionedUser current = user(site, id).orElseThrow(() -> new NotFoundException("user", id));
        User user = current.user();
        Login login = login(data.userName());
        if (!login.equals(user.login()) && users.findByLogin(site, login).isPresent()) {
            throw new UniquenessException("userName", "a user with userName '" + login + "' exists");
        }
        String externalId = externalId(data.externalId());
        if (externalId != null) {
            Optional<ScimResource> holder = scim.findByExternalId(site, ScimResource.Type.USER, externalId);
            if (holder.isPresent() && !holder.get().subject().equals(user.id().value())) {
                throw new UniquenessException("externalId", "another user has externalId '" + externalId + "'");
            }
        }
        Optional<LinkKey.Entra> entra = entraKey(settings, data);
        if (entra.isPresent()) {
            Optional<IdentityLink> link = links.find(site, entra.get());
            if (link.isPresent() && !link.get().user().equals(user.id())) {
                throw new UniquenessException(
                        settings.objectIdAttribute(),
                        "another user is linked to Entra object '" + data.objectId() + "'");
            }
            if (link.isEmpty()) {
                links.save(new IdentityLink(site, entra.get(), user.id(), clock.instant()));
            }
        }
        linkScimId(site, user);
        IdentityOutcome outcome = upsert.upsert(
                site, source(settings), IdentityUpsert.Purpose.PROVISIONING, identity(scimKey(user.id()), login, data));
        user = applyActive(site, success(outcome, "userName"), data.active());
        Instant now = clock.instant();
        ScimResource resource = current.resource()
                .map(r -> r.with(externalId, data.attributes(), now))
                .orElseGet(() -> new ScimResource(
                        current.user().id().value(),
                        site,
                        ScimResource.Type.USER,
                        externalId,
                        data.attributes(),
                        now,
                        now));
        scim.save(resource);
        return new ProvisionedUser(user, Optional.of(resource));
    }

    /** Removes a user as the site's {@link ScimSettings#deletePolicy()} says. */
    public void deleteUser(SiteId site, ScimSettings settings, String id) {
        User user = user(site, id)
                .orElseThrow(() -> new NotFoundException("user", id))
                .user();
        scim.delete(user.id().value());
        if (settings.deletePolicy() == ScimSettings.DeletePolicy.DELETE) {
            userService.delete(site, user.id(), ACTOR);
            return;
        }
        links.deleteAllOf(user.id());
        Login freed = deprovisionedLogin(user);
        users.save(user.withState(UserState.DEPROVISIONED, clock.instant()).withLogin(freed, clock.instant()));
        userService.accessEnded(site, user.id(), "the provisioning client deleted the user");
        audit.success(
                site,
                ACTOR,
                AuditType.USER_UPDATED,
                "user:" + user.id(),
                "deprovisioned and unlinked: the provisioning client deleted the user; login " + user.login()
                        + " freed, the record keeps " + freed);
    }

    /**
     * The login a deprovisioned user keeps, so that their old login is free: the same user name may come back for
     * another person (UPNs are reused), who must get a new user, never the old one's folders.
     */
    static Login deprovisionedLogin(User user) {
        String suffix = "+deprovisioned-" + user.id().toString().substring(0, 8);
        String login = user.login().value();
        return new Login(login.substring(0, Math.min(login.length(), 256 - suffix.length())) + suffix);
    }

    private User applyActive(SiteId site, User user, boolean active) {
        if (active && user.state() == UserState.DISABLED) {
            return userService.changeState(site, user, UserState.ENABLED, ACTOR, "active=true");
        }
        if (!active && user.state() == UserState.ENABLED) {
            return userService.changeState(
                    site,
                    user,
                    UserState.DISABLED,
                    ACTOR,
                    "active=false: the provisioning client set the user inactive");
        }
        return user;
    }

    private void linkScimId(SiteId site, User user) {
        LinkKey key = scimKey(user.id());
        if (links.find(site, key).isEmpty()) {
            links.save(new IdentityLink(site, key, user.id(), clock.instant()));
        }
    }

    private static LinkKey scimKey(UserId user) {
        return new LinkKey.ScimId(user.toString());
    }

    private static boolean visible(User user, boolean scimLinked) {
        return user.state() != UserState.DEPROVISIONED
                && (scimLinked || !(user.authMethod() instanceof AuthMethod.LocalPassword));
    }

    private static IdentitySource source(ScimSettings settings) {
        Set<String> authorities = new HashSet<>(Set.of(LinkKey.SCIM_AUTHORITY));
        settings.entraTenant().map(LinkKey::entraAuthority).ifPresent(authorities::add);
        return new IdentitySource(settings.newUserMethod(), authorities, true);
    }

    /** Provisioned memberships come from group requests: the user's own groups are left as they are (overage). */
    private static ExternalIdentity identity(LinkKey key, Login login, UserData data) {
        String name = data.displayName() == null || data.displayName().isBlank() ? login.value() : data.displayName();
        return new ExternalIdentity(key, login.value(), name, data.email(), List.of(), true);
    }

    private static Optional<LinkKey.Entra> entraKey(ScimSettings settings, UserData data) {
        if (settings.tenant() == null
                || data.objectId() == null
                || data.objectId().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkKey.Entra(
                    settings.tenant(),
                    EntraObjectId.parse(
                            settings.objectIdAttribute(), data.objectId().strip())));
        } catch (ValidationException e) {
            throw ValidationException.of(
                    settings.objectIdAttribute(),
                    "holds '" + dev.gatehouse.identity.validation.Texts.printable(data.objectId())
                            + "', not an Entra object ID; map Entra's objectId to this attribute, or clear"
                            + " objectIdAttribute in the site's SCIM settings");
        }
    }

    private static User success(IdentityOutcome outcome, String field) {
        if (outcome instanceof IdentityOutcome.Success success) {
            return success.user();
        }
        IdentityOutcome.Refused refused = (IdentityOutcome.Refused) outcome;
        if (refused.refusal() == IdentityOutcome.Refusal.UNKNOWN_USER) {
            throw new UniquenessException(field, refused.reason());
        }
        throw ValidationException.of(field, refused.reason());
    }

    private static Login login(String userName) {
        if (userName == null || userName.isBlank()) {
            throw ValidationException.of("userName", "required: the user's sign-in name, such as jane@contoso.com");
        }
        try {
            return Login.assignable(userName.strip());
        } catch (ValidationException e) {
            throw ValidationException.of("userName", e.errors().get(0).message());
        }
    }

    private static String externalId(String externalId) {
        if (externalId == null || externalId.isEmpty()) {
            return null;
        }
        if (externalId.length() > 512) {
            throw ValidationException.of("externalId", "at most 512 characters");
        }
        return externalId;
    }

    // ---- groups

    public Optional<ProvisionedGroup> group(SiteId site, String id) {
        if (!Uuids.isCanonical(id)) {
            return Optional.empty();
        }
        return groups.find(new GroupId(UUID.fromString(id)))
                .filter(g -> g.site().equals(site))
                .map(g -> new ProvisionedGroup(g, scim.find(g.id().value())));
    }

    public Optional<ProvisionedGroup> groupByName(SiteId site, String displayName) {
        GroupName name;
        try {
            name = new GroupName(displayName);
        } catch (ValidationException e) {
            return Optional.empty();
        }
        return groups.findByName(site, name).flatMap(g -> group(site, g.id().toString()));
    }

    public Optional<ProvisionedGroup> groupByExternalId(SiteId site, String externalId) {
        return scim.findByExternalId(site, ScimResource.Type.GROUP, externalId)
                .flatMap(resource -> group(site, resource.subject().toString()));
    }

    public List<ProvisionedGroup> groups(SiteId site) {
        List<Group> all = groups.all(site);
        Map<UUID, ScimResource> resources =
                scim.findAll(all.stream().map(g -> g.id().value()).toList());
        return all.stream()
                .map(g -> new ProvisionedGroup(g, Optional.ofNullable(resources.get(g.id().value()))))
                .toList();
    }

    /** The ids of a group's direct members, users and groups. */
    public List<String> members(GroupId group) {
        return groups.members(group).stream().map(PrincipalId::toString).toList();
    }

    public ProvisionedGroup createGroup(SiteId site, GroupData data) {
        GroupName name = groupName(data.displayName());
        if (groups.findByName(site, name).isPresent()) {
            throw new UniquenessException("displayName", "a group named '" + name + "' exists");
        }
        String externalId = externalId(data.externalId());
        if (externalId != null
                && scim.findByExternalId(site, ScimResource.Type.GROUP, externalId)
                        .isPresent()) {
            throw new UniquenessException("externalId", "another group has externalId '" + externalId + "'");
        }
        Group group = groupService.create(site, name.value(), "", ACTOR);
        groupLinks.link(site, new GroupKey.ScimGroup(group.id().toString()), group.id());
        Instant now = clock.instant();
        ScimResource resource = new ScimResource(
                group.id().value(), site, ScimResource.Type.GROUP, externalId, data.attributes(), now, now);
        scim.save(resource);
        return new ProvisionedGroup(group, Optional.of(resource));
    }

    public ProvisionedGroup replaceGroup(SiteId site, String id, GroupData data) {
        ProvisionedGroup current = group(site, id).orElseThrow(() -> new NotFoundException("group", id));
        GroupName name = groupName(data.displayName());
        Group group = current.group();
        if (!name.value().equalsIgnoreCase(group.name().value())) {
            if (groups.findByName(site, name).isPresent()) {
                throw new UniquenessException("displayName", "a group named '" + name + "' exists");
            }
            group = groupService.update(site, group.id(), name.value(), null, ACTOR);
        } else if (!name.value().equals(group.name().value())) {
            group = groupService.update(site, group.id(), name.value(), null, ACTOR);
        }
        String externalId = externalId(data.externalId());
        if (externalId != null) {
            Optional<ScimResource> holder = scim.findByExternalId(site, ScimResource.Type.GROUP, externalId);
            if (holder.isPresent() && !holder.get().subject().equals(group.id().value())) {
                throw new UniquenessException("externalId", "another group has externalId '" + externalId + "'");
            }
        }
        if (groupLinks.find(site, new GroupKey.ScimGroup(group.id().toString())).isEmpty()) {
            groupLinks.link(site, new GroupKey.ScimGroup(group.id().toString()), group.id());
        }
        Instant now = clock.instant();
        Group saved = group;
        ScimResource resource = current.resource()
                .map(r -> r.with(externalId, data.attributes(), now))
                .orElseGet(() -> new ScimResource(
                        saved.id().value(), site, ScimResource.Type.GROUP, externalId, data.attributes(), now, now));
        scim.save(resource);
        return new ProvisionedGroup(group, Optional.of(resource));
    }

    /**
     * Changes a group's members in one pass however many there are: the ids are resolved in a few queries, members
     * already there (or already gone) are skipped, and one audit event records the counts.
     *
     * @param replace the members become exactly {@code add}
     * @return whether anything changed
     */
    public boolean changeMembers(
            SiteId site, String groupId, Collection<String> add, Collection<String> remove, boolean replace) {
        Group group = group(site, groupId)
                .orElseThrow(() -> new NotFoundException("group", groupId))
                .group();
        Set<PrincipalId> current = new HashSet<>(groups.members(group.id()));
        Set<PrincipalId> toAdd = principals(site, group.id(), add);
        Set<PrincipalId> toRemove = new LinkedHashSet<>();
        if (replace) {
            current.stream().filter(m -> !toAdd.contains(m)).forEach(toRemove::add);
        } else {
            for (String id : remove) {
                if (Uuids.isCanonical(id)) {
                    UUID uuid = UUID.fromString(id);
                    current.stream().filter(m -> m.value().equals(uuid)).forEach(toRemove::add);
                }
            }
        }
        int added = 0;
        for (PrincipalId member : toAdd) {
            if (!current.contains(member)) {
                if (member instanceof GroupId nested) {
                    groupService.addMember(site, group.id(), nested, ACTOR); // refuses a cycle
                } else {
                    groups.addMember(new Membership(group.id(), member));
                }
                added++;
            }
        }
        for (PrincipalId member : toRemove) {
            groups.removeMember(new Membership(group.id(), member));
        }
        if (added > 0 || !toRemove.isEmpty()) {
            audit.success(
                    site,
                    ACTOR,
                    AuditType.MEMBERSHIP_ADDED,
                    "group:" + group.id(),
                    "members +" + added + " -" + toRemove.size());
            return true;
        }
        return false;
    }

    public void deleteGroup(SiteId site, String id) {
        Group group = group(site, id)
                .orElseThrow(() -> new NotFoundException("group", id))
                .group();
        scim.delete(group.id().value());
        groupService.delete(site, group.id(), ACTOR);
    }

    /** The users and groups {@code ids} name; an id that names neither is refused with the field {@code members}. */
    private Set<PrincipalId> principals(SiteId site, GroupId into, Collection<String> ids) {
        Set<PrincipalId> found = new LinkedHashSet<>();
        List<UserId> userIds = new ArrayList<>();
        for (String id : ids) {
            if (!Uuids.isCanonical(id)) {
                throw ValidationException.of(
                        "members",
                        "'" + dev.gatehouse.identity.validation.Texts.printable(id)
                                + "' is not the id of a user or group of this site");
            }
            userIds.add(new UserId(UUID.fromString(id)));
        }
        Map<UserId, User> known = users.findAll(userIds);
        for (UserId id : userIds) {
            User user = known.get(id);
            if (user != null && user.site().equals(site)) {
                found.add(id);
                continue;
            }
            GroupId group = new GroupId(id.value());
            if (!group.equals(into)
                    && groups.find(group).filter(g -> g.site().equals(site)).isPresent()) {
                found.add(group);
                continue;
            }
            throw ValidationException.of("members", "'" + id + "' is not the id of a user or group of this site");
        }
        return found;
    }

    private static GroupName groupName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw ValidationException.of("displayName", "required: the group's name");
        }
        try {
            return new GroupName(displayName.strip());
        } catch (ValidationException e) {
            throw ValidationException.of("displayName", e.errors().get(0).message());
        }
    }
}
