package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.SiteRepository;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.port.UserRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Map-backed ports for unit tests of the services. */
final class InMemoryStore
        implements SiteRepository, UserRepository, IdentityLinkRepository, ProviderRepository, AuditLog, UnitOfWork {
    final Map<SiteId, Site> sites = new LinkedHashMap<>();
    final Map<UserId, User> users = new LinkedHashMap<>();
    final Map<GroupId, Group> groups = new LinkedHashMap<>();
    final Set<Membership> memberships = new LinkedHashSet<>();
    final List<IdentityLink> links = new ArrayList<>();
    final Map<ProviderId, Provider> providers = new LinkedHashMap<>();
    final List<AuditEvent> audit = new ArrayList<>();
    final Map<String, GroupId> groupLinks = new LinkedHashMap<>();
    final Map<String, String> entraGroupNames = new LinkedHashMap<>();

    final GroupLinkRepository groupLinkRepository = new GroupLinkRepository() {
        @Override
        public Optional<GroupId> find(SiteId site, GroupKey key) {
            return Optional.ofNullable(groupLinks.get(site + "/" + key.kind() + "/" + key.value()));
        }

        @Override
        public Map<GroupKey, GroupId> findAll(SiteId site, Collection<GroupKey> keys) {
            Map<GroupKey, GroupId> found = new LinkedHashMap<>();
            keys.forEach(key -> find(site, key).ifPresent(group -> found.put(key, group)));
            return found;
        }

        @Override
        public void link(SiteId site, GroupKey key, GroupId group) {
            groupLinks.put(site + "/" + key.kind() + "/" + key.value(), group);
        }

        @Override
        public Map<GroupKey, GroupId> findKind(SiteId site, String kind) {
            Map<GroupKey, GroupId> found = new LinkedHashMap<>();
            String prefix = site + "/" + kind + "/";
            groupLinks.forEach((text, group) -> {
                if (text.startsWith(prefix)) {
                    found.put(GroupKey.of(kind, text.substring(prefix.length())), group);
                }
            });
            return found;
        }

        @Override
        public Map<GroupId, List<GroupKey>> keysOf(SiteId site, Collection<GroupId> wanted) {
            Map<GroupId, List<GroupKey>> result = new LinkedHashMap<>();
            linkedGroups(site).forEach((group, keys) -> {
                if (wanted.contains(group)) {
                    result.put(group, keys);
                }
            });
            return result;
        }

        Map<GroupId, List<GroupKey>> linkedGroups(SiteId site) {
            Map<GroupId, List<GroupKey>> result = new LinkedHashMap<>();
            groupLinks.forEach((key, group) -> {
                String[] parts = key.split("/", 3);
                if (parts[0].equals(site.toString())) {
                    result.computeIfAbsent(group, g -> new ArrayList<>()).add(GroupKey.of(parts[1], parts[2]));
                }
            });
            return result;
        }

        @Override
        public List<GroupId> findEntraObject(SiteId site, EntraObjectId object) {
            return linkedGroups(site).entrySet().stream()
                    .filter(e -> e.getValue().stream()
                            .anyMatch(k -> k instanceof GroupKey.Entra entra
                                    && entra.object().equals(object)))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public Optional<String> mappedName(SiteId site, EntraObjectId object) {
            return Optional.ofNullable(entraGroupNames.get(site + "/" + object));
        }

        @Override
        public void mapName(SiteId site, EntraObjectId object, String name) {
            entraGroupNames.put(site + "/" + object, name);
        }
    };
    int locks;

    @Override
    public Optional<Site> find(SiteId id) {
        return Optional.ofNullable(sites.get(id));
    }

    @Override
    public Optional<Site> findBySlug(SiteSlug slug) {
        return sites.values().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Site> findAll() {
        return List.copyOf(sites.values());
    }

    @Override
    public void save(Site site) {
        sites.put(site.id(), site);
    }

    @Override
    public void lock(SiteId id) {
        locks++;
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByLogin(SiteId site, Login login) {
        return users.values().stream()
                .filter(u -> u.site().equals(site) && u.login().equals(login))
                .findFirst();
    }

    @Override
    public Page<User> list(SiteId site, PageRequest page) {
        List<User> all =
                users.values().stream().filter(u -> u.site().equals(site)).toList();
        return new Page<>(all, page.page(), page.size(), all.size());
    }

    @Override
    public void save(User user) {
        users.put(user.id(), user);
    }

    @Override
    public void delete(UserId id) {
        users.remove(id);
    }

    @Override
    public Map<UserId, Login> enabledUsers(SiteId site) {
        return users.values().stream()
                .filter(u -> u.site().equals(site) && u.isEnabled())
                .collect(java.util.stream.Collectors.toMap(User::id, User::login));
    }

    @Override
    public long countBreakGlassAdministrators(SiteId site) {
        return users.values().stream()
                .filter(u -> u.site().equals(site) && u.isBreakGlassAdministrator())
                .count();
    }

    final GroupRepository groupRepository = new GroupRepository() {
        @Override
        public Optional<Group> find(GroupId id) {
            return Optional.ofNullable(groups.get(id));
        }

        @Override
        public Optional<Group> findByName(SiteId site, GroupName name) {
            return groups.values().stream()
                    .filter(g -> g.site().equals(site) && g.name().value().equalsIgnoreCase(name.value()))
                    .findFirst();
        }

        @Override
        public Page<Group> list(SiteId site, PageRequest page) {
            List<Group> all =
                    groups.values().stream().filter(g -> g.site().equals(site)).toList();
            return new Page<>(all, page.page(), page.size(), all.size());
        }

        @Override
        public void save(Group group) {
            groups.put(group.id(), group);
        }

        @Override
        public void delete(GroupId id) {
            groups.remove(id);
            memberships.removeIf(m -> m.group().equals(id) || m.member().equals(id));
        }

        @Override
        public List<PrincipalId> members(GroupId group) {
            return memberships.stream()
                    .filter(m -> m.group().equals(group))
                    .map(Membership::member)
                    .toList();
        }

        @Override
        public List<GroupId> groupsOf(PrincipalId member) {
            return memberships.stream()
                    .filter(m -> m.member().equals(member))
                    .map(Membership::group)
                    .toList();
        }

        @Override
        public boolean addMember(Membership membership) {
            return memberships.add(membership);
        }

        @Override
        public boolean removeMember(Membership membership) {
            return memberships.remove(membership);
        }

        @Override
        public List<Group> all(SiteId site) {
            return groups.values().stream().filter(g -> g.site().equals(site)).toList();
        }

        @Override
        public List<Membership> memberships(SiteId site) {
            return memberships.stream()
                    .filter(m -> groups.get(m.group()).site().equals(site))
                    .toList();
        }

        @Override
        public void removeAllMembershipsOf(PrincipalId member) {
            memberships.removeIf(m -> m.member().equals(member));
        }
    };

    @Override
    public Optional<IdentityLink> find(SiteId site, LinkKey key) {
        return links.stream()
                .filter(l -> l.site().equals(site) && l.key().equals(key))
                .findFirst();
    }

    @Override
    public Map<LinkKey, IdentityLink> findAll(SiteId site, Collection<LinkKey> keys) {
        Map<LinkKey, IdentityLink> found = new LinkedHashMap<>();
        keys.forEach(key -> find(site, key).ifPresent(link -> found.put(key, link)));
        return found;
    }

    @Override
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        ids.forEach(id -> find(id).ifPresent(user -> found.put(id, user)));
        return found;
    }

    /** How many units of work are open on this store (tests check that network work happens outside them). */
    int openUnitsOfWork;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        openUnitsOfWork++;
        try {
            return work.get();
        } finally {
            openUnitsOfWork--;
        }
    }

    @Override
    public List<IdentityLink> linksOf(UserId user) {
        return links.stream().filter(l -> l.user().equals(user)).toList();
    }

    @Override
    public List<IdentityLink> links(SiteId site) {
        return links.stream().filter(l -> l.site().equals(site)).toList();
    }

    @Override
    public void save(IdentityLink link) {
        links.add(link);
    }

    @Override
    public void deleteAllOf(UserId user) {
        links.removeIf(l -> l.user().equals(user));
    }

    @Override
    public Optional<Provider> find(ProviderId id) {
        return Optional.ofNullable(providers.get(id));
    }

    @Override
    public List<Provider> listBySite(SiteId site) {
        return providers.values().stream().filter(p -> p.site().equals(site)).toList();
    }

    @Override
    public List<Provider> listAll() {
        return List.copyOf(providers.values());
    }

    @Override
    public void save(Provider provider) {
        providers.put(provider.id(), provider);
    }

    @Override
    public void delete(ProviderId id) {
        providers.remove(id);
    }

    @Override
    public void append(AuditEvent event) {
        audit.add(event);
    }

    @Override
    public long deleteOlderThan(java.time.Instant cutoff) {
        int before = audit.size();
        audit.removeIf(event -> event.at().isBefore(cutoff));
        return before - audit.size();
    }

    @Override
    public Page<AuditEvent> query(AuditQuery query) {
        return new Page<>(audit, 0, audit.size(), audit.size());
    }
}
