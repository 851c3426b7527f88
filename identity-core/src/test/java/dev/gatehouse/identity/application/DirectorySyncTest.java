package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.DirectorySyncRun.Mode;
import dev.gatehouse.identity.domain.DirectorySyncRun.Outcome;
import dev.gatehouse.identity.domain.DirectorySyncRun.Trigger;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.port.DirectoryEntries;
import dev.gatehouse.identity.port.DirectoryRepository;
import dev.gatehouse.identity.port.DirectorySyncRepository;
import dev.gatehouse.identity.port.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sync's rules, against a scripted directory: what it creates, updates, disables, re-enables and nests. */
class DirectorySyncTest {
    static final EntraTenantId TENANT = EntraTenantId.parse("t", "6f1a9b7e-0000-4000-8000-000000000001");
    static final UUID ALICE = UUID.fromString("a1ce0000-0000-4000-8000-000000000001");
    static final UUID BOB = UUID.fromString("b0b00000-0000-4000-8000-000000000002");
    static final UUID STAFF = UUID.fromString("57aff000-0000-4000-8000-000000000003");
    static final UUID FINANCE = UUID.fromString("f1aa0000-0000-4000-8000-000000000004");
    static final UUID ALICE_OID = UUID.fromString("0a1ce000-0000-4000-8000-00000000000a");

    final ServicesFixture f = new ServicesFixture();
    final SiteId site = f.site.id();
    final Map<UUID, DirectoryEntries.User> users = new LinkedHashMap<>();
    final Map<UUID, DirectoryEntries.Group> groups = new LinkedHashMap<>();
    final Set<String> leasesHeld = new HashSet<>();
    final List<DirectorySyncRun> runs = new ArrayList<>();
    final Set<UserId> disabledBySync = new HashSet<>();
    final List<DirectoryEntries.Cursor> cursors = new ArrayList<>();

    final DirectorySettings settings = new DirectorySettings(
            site,
            "corp.example.com",
            List.of("dc1"),
            DirectorySettings.Transport.LDAPS,
            "pem",
            true,
            new DirectorySettings.ServiceAccount("svc@corp.example.com", new Secret("pw")),
            null,
            TENANT,
            60,
            null,
            null,
            Instant.parse("2026-11-22T09:00:00Z"));

    final DirectoryRepository directories = new DirectoryRepository() {
        @Override
        public Optional<DirectorySettings> find(SiteId id) {
            return Optional.of(settings);
        }

        @Override
        public void save(DirectorySettings saved) {}

        @Override
        public List<DirectorySettings> all() {
            return List.of(settings);
        }
    };

    /** Reads everything, always. */
    final DirectoryEntries entries = (settings, since) -> new DirectoryEntries.Snapshot(
            "dc1",
            true,
            new DirectoryEntries.Cursor("dc1", "inv", 100),
            List.copyOf(users.values()),
            List.copyOf(groups.values()),
            Set.of(),
            List.of());

    final DirectorySyncRepository repository = new DirectorySyncRepository() {
        @Override
        public List<DirectoryEntries.Cursor> cursors(SiteId id) {
            return cursors;
        }

        @Override
        public void saveCursor(SiteId id, DirectoryEntries.Cursor cursor, Instant at) {
            cursors.clear();
            cursors.add(cursor);
        }

        @Override
        public Set<UserId> disabledBySync(SiteId id) {
            return Set.copyOf(disabledBySync);
        }

        @Override
        public void markDisabledBySync(SiteId id, UserId user, Instant at) {
            disabledBySync.add(user);
        }

        @Override
        public void unmarkDisabledBySync(SiteId id, UserId user) {
            disabledBySync.remove(user);
        }

        @Override
        public void saveRun(DirectorySyncRun run) {
            runs.add(run);
        }

        @Override
        public List<DirectorySyncRun> runs(SiteId id, int limit) {
            return runs;
        }

        @Override
        public Optional<Instant> lastRunStarted(SiteId id) {
            return runs.stream()
                    .filter(run -> !run.dryRun())
                    .map(DirectorySyncRun::startedAt)
                    .max(Instant::compareTo);
        }
    };

    final Leases leases = new Leases() {
        @Override
        public boolean acquire(String name, String holder, Duration ttl, Instant now) {
            return leasesHeld.add(name);
        }

        @Override
        public void release(String name, String holder) {
            leasesHeld.remove(name);
        }

        @Override
        public List<String> held(String prefix, Instant now) {
            return leasesHeld.stream().filter(name -> name.startsWith(prefix)).toList();
        }
    };

    final List<SiteId> changed = new ArrayList<>();

    final DirectorySync sync = syncWith(entries);

    /** The sync under test, reading {@code directory}. */
    DirectorySync syncWith(DirectoryEntries directory) {
        return new DirectorySync(
                directories,
                directory,
                repository,
                leases,
                f.store,
                new IdentityUpsert(
                        f.store, f.store, f.store.groupRepository, f.store.groupLinkRepository, f.store, f.clock),
                f.store,
                f.store,
                f.store.groupRepository,
                f.store.groupLinkRepository,
                f.groups,
                f.users,
                changed::add,
                f.store,
                "node-a",
                f.clock);
    }

    void user(UUID guid, String upn, String name, boolean enabled) {
        users.put(guid, new DirectoryEntries.User(guid, upn, null, name, upn, enabled, null));
    }

    void group(UUID guid, String name, UUID... members) {
        groups.put(guid, new DirectoryEntries.Group(guid, name, Set.of(members)));
    }

    User linked(UUID guid) {
        UserId id = f.store
                .find(site, new LinkKey.DirectoryObject(guid))
                .orElseThrow()
                .user();
        return f.store.find(id).orElseThrow();
    }

    GroupId groupOf(UUID guid) {
        return f.store
                .groupLinkRepository
                .find(site, new dev.gatehouse.identity.domain.GroupKey.DirectoryGroup(guid))
                .orElseThrow();
    }

    DirectorySyncRun run() {
        return sync.run(site, Mode.INCREMENTAL, false, Trigger.ADMINISTRATOR);
    }

    @Test
    void usersAndNestedGroupsAreCreatedLinkedByObjectGuidAndTheRunIsLogged() {
        user(ALICE, "alice@corp.example.com", "Alice Smith", true);
        user(BOB, "bob@corp.example.com", "Bob", true);
        group(FINANCE, "finance", BOB);
        group(STAFF, "staff", ALICE, FINANCE);

        DirectorySyncRun first = run();

        assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(first.counts().usersCreated()).isEqualTo(2);
        assertThat(first.counts().groupsCreated()).isEqualTo(2);
        assertThat(linked(ALICE).authMethod()).isEqualTo(new AuthMethod.Directory());
        assertThat(linked(ALICE).login().value()).isEqualTo("alice@corp.example.com");
        assertThat(f.store.groupRepository.members(groupOf(STAFF)))
                .containsExactlyInAnyOrder(linked(ALICE).id(), groupOf(FINANCE));
        assertThat(f.groups.effectiveGroupsOf(site, linked(BOB).id()))
                .extracting(Group::name)
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("finance", "staff");
        assertThat(runs).containsExactly(first);
        assertThat(changed).containsExactly(site);
        assertThat(cursors).containsExactly(new DirectoryEntries.Cursor("dc1", "inv", 100));

        DirectorySyncRun again = run();
        assertThat(again.counts().any()).as("nothing changed in the directory").isFalse();
    }

    @Test
    void aRenameKeepsTheUserAndAGroupRenameKeepsTheGroup() {
        user(ALICE, "alice@corp.example.com", "Alice Smith", true);
        group(STAFF, "staff", ALICE);
        run();
        UserId alice = linked(ALICE).id();
        GroupId staff = groupOf(STAFF);

        user(ALICE, "alice.jones@corp.example.com", "Alice Jones", true);
        group(STAFF, "all-staff", ALICE);
        DirectorySyncRun renamed = run();

        assertThat(linked(ALICE).id()).isEqualTo(alice);
        assertThat(linked(ALICE).login().value()).isEqualTo("alice.jones@corp.example.com");
        assertThat(linked(ALICE).displayName()).isEqualTo("Alice Jones");
        assertThat(groupOf(STAFF)).isEqualTo(staff);
        assertThat(f.store.groupRepository.find(staff).orElseThrow().name().value())
                .isEqualTo("all-staff");
        assertThat(renamed.counts().usersUpdated()).isEqualTo(1);
        assertThat(renamed.counts().groupsUpdated()).isEqualTo(1);
    }

    @Test
    void aUserGoneFromTheDirectoryIsDisabledNotDeletedAndEnabledAgainWhenBack() {
        user(ALICE, "alice@corp.example.com", "Alice", true);
        user(BOB, "bob@corp.example.com", "Bob", true);
        group(STAFF, "staff", ALICE, BOB);
        run();
        DirectoryEntries.User bob = users.remove(BOB);
        group(STAFF, "staff", ALICE);

        DirectorySyncRun gone = run();

        assertThat(gone.counts().usersDisabled()).isEqualTo(1);
        assertThat(linked(BOB).state()).isEqualTo(UserState.DISABLED);
        assertThat(f.store.groupRepository.members(groupOf(STAFF)))
                .containsExactly(linked(ALICE).id());

        users.put(BOB, bob);
        DirectorySyncRun back = run();
        assertThat(back.counts().usersEnabled()).isEqualTo(1);
        assertThat(linked(BOB).state()).isEqualTo(UserState.ENABLED);
    }

    @Test
    void aUserAnAdministratorDisabledStaysDisabledThoughTheDirectoryHasThemEnabled() {
        user(ALICE, "alice@corp.example.com", "Alice", true);
        run();
        f.users.update(
                site,
                linked(ALICE).id(),
                new UserChanges(null, null, null, false, "disabled", null, null),
                Actor.SYSTEM);

        run();

        assertThat(linked(ALICE).state()).isEqualTo(UserState.DISABLED);
    }

    @Test
    void aUserDisabledInTheDirectoryIsDisabledAndAGroupGoneIsDeleted() {
        user(ALICE, "alice@corp.example.com", "Alice", true);
        group(STAFF, "staff", ALICE);
        run();
        user(ALICE, "alice@corp.example.com", "Alice", false);
        groups.clear();

        DirectorySyncRun run = run();

        assertThat(linked(ALICE).state()).isEqualTo(UserState.DISABLED);
        assertThat(run.counts().groupsDeleted()).isEqualTo(1);
        assertThat(f.store.groupRepository.findByName(site, new dev.gatehouse.identity.domain.GroupName("staff")))
                .isEmpty();
    }

    @Test
    void aUserWhoSignedInByEntraFirstIsTheSameUserThroughMsDsAadObjectId() {
        LinkKey.Entra entra = new LinkKey.Entra(TENANT, new EntraObjectId(ALICE_OID));
        User signedIn = f.users.create(
                site, new NewUser("alice@corp.example.com", "Alice", null, "directory", false, null), Actor.SYSTEM);
        f.store.save(new IdentityLink(site, entra, signedIn.id(), Instant.now()));
        users.put(
                ALICE,
                new DirectoryEntries.User(ALICE, "alice@corp.example.com", "alice", "Alice", null, true, ALICE_OID));

        DirectorySyncRun run = run();

        assertThat(run.counts().usersCreated()).isZero();
        assertThat(linked(ALICE).id()).isEqualTo(signedIn.id());
    }

    @Test
    void aRefusedEntryIsNamedInTheLogAndTheRestIsApplied() {
        f.users.create(
                site,
                new NewUser(
                        "bob@corp.example.com",
                        "Local Bob",
                        null,
                        "local",
                        false,
                        "correct horse battery".toCharArray()),
                Actor.SYSTEM);
        user(ALICE, "alice@corp.example.com", "Alice", true);
        user(BOB, "bob@corp.example.com", "Bob", true);

        DirectorySyncRun run = run();

        assertThat(run.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.detail()).singleElement().asString().contains("bob@corp.example.com");
        assertThat(linked(ALICE).state()).isEqualTo(UserState.ENABLED);
    }

    @Test
    void aSecondRunOfTheSameSiteIsRefusedWhileTheFirstHoldsTheLease() {
        leasesHeld.add("directory-sync:" + site);

        assertThatThrownBy(this::run).isInstanceOf(ConflictException.class).hasMessageContaining("running");
        assertThat(runs).isEmpty();
    }

    @Test
    void anUnreachableDirectoryIsAFailedRunInTheLog() {
        DirectorySync failing = syncWith((s, since) -> {
            throw new DirectoryEntries.DirectoryUnavailableException("no domain controller answered: dc1: timeout");
        });

        DirectorySyncRun run = failing.run(site, Mode.FULL, false, Trigger.SCHEDULE);

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.detail()).singleElement().asString().contains("dc1: timeout");
        assertThat(runs).containsExactly(run);
        assertThat(leasesHeld).isEmpty();
        assertThat(sync.due()).isEmpty(); // it ran within the interval
    }
}
