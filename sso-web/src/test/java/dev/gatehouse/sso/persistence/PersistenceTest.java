package dev.gatehouse.sso.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.application.BreakGlassException;
import dev.gatehouse.identity.application.FirstStart;
import dev.gatehouse.identity.application.GroupService;
import dev.gatehouse.identity.application.NewUser;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.application.UserService;
import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.persistence.JpaAuditLog;
import dev.gatehouse.identity.persistence.JpaDirectoryRepository;
import dev.gatehouse.identity.persistence.JpaGroupRepository;
import dev.gatehouse.identity.persistence.JpaIdentityLinkRepository;
import dev.gatehouse.identity.persistence.JpaLeases;
import dev.gatehouse.identity.persistence.JpaProviderRepository;
import dev.gatehouse.identity.persistence.JpaSiteRepository;
import dev.gatehouse.identity.persistence.JpaUserRepository;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.oidc.config.OidcFlow;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.config.OidcSettingsFormat;
import dev.gatehouse.sso.saml.config.SamlSettingsFormat;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mappings, migrations and queries on a real (in-memory H2) database. */
class PersistenceTest {
    private final Database database = Database.open(GatehouseSettings.read(key ->
            Optional.ofNullable(Map.of("gatehouse.db.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                    .get(key))));
    private final Transactions tx = new Transactions(database);
    private final JpaSiteRepository sites = new JpaSiteRepository(tx::entityManager);
    private final JpaUserRepository users = new JpaUserRepository(tx::entityManager);
    private final JpaGroupRepository groups = new JpaGroupRepository(tx::entityManager);
    private final JpaAuditLog audit = new JpaAuditLog(tx::entityManager);
    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final JpaProviderRepository providers = new JpaProviderRepository(
            tx::entityManager, cipher, List.of(new SamlSettingsFormat(), new OidcSettingsFormat(OidcSettings.KIND)));
    private final Clock clock = Clock.systemUTC();
    private final SiteService siteService = new SiteService(sites, audit, clock);
    private final UserService userService = new UserService(
            sites,
            users,
            groups,
            new JpaIdentityLinkRepository(tx::entityManager),
            providers,
            new PasswordHasher(10_000),
            audit,
            clock);
    private final GroupService groupService = new GroupService(sites, groups, users, audit, clock);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void firstStartCreatesTheDefaultSiteAndAnAdministratorOnce() {
        FirstStart firstStart = new FirstStart(sites, siteService, userService, audit, clock);

        Optional<char[]> generated = tx.inTransaction(() -> firstStart.prepare(Optional.empty()));
        Optional<char[]> second = tx.inTransaction(() -> firstStart.prepare(Optional.empty()));

        assertThat(generated).isPresent();
        assertThat(generated.get()).hasSize(20);
        assertThat(second).isEmpty();
        tx.run(() -> {
            Site site = sites.findBySlug(new SiteSlug("default")).orElseThrow();
            assertThat(users.countBreakGlassAdministrators(site.id())).isEqualTo(1);
        });
    }

    @Test
    void aRefusedChangeLeavesNothingWritten() {
        Site site = tx.inTransaction(() -> siteService.create("acme", "Acme", null, Actor.SYSTEM));
        User admin = tx.inTransaction(() -> userService.create(
                site.id(),
                new NewUser("admin", "Admin", null, "local", true, "correct horse battery".toCharArray()),
                Actor.SYSTEM));
        long eventsBefore = tx.inTransaction(() -> audit.query(query()).total());

        assertThatThrownBy(() -> tx.run(() -> userService.delete(site.id(), admin.id(), Actor.SYSTEM)))
                .isInstanceOf(BreakGlassException.class);

        tx.run(() -> {
            assertThat(users.find(admin.id())).isPresent();
            assertThat(audit.query(query()).total()).isEqualTo(eventsBefore);
        });
    }

    @Test
    void membershipsAndGroupsRoundTrip() {
        Site site = tx.inTransaction(() -> siteService.create("acme", "Acme", null, Actor.SYSTEM));
        var staff = tx.inTransaction(() -> groupService.create(site.id(), "Staff", "everyone", Actor.SYSTEM));
        var finance = tx.inTransaction(() -> groupService.create(site.id(), "Finance", "", Actor.SYSTEM));
        tx.run(() -> groupService.addMember(site.id(), staff.id(), finance.id(), Actor.SYSTEM));

        assertThatThrownBy(
                        () -> tx.run(() -> groupService.addMember(site.id(), finance.id(), staff.id(), Actor.SYSTEM)))
                .hasMessageEndingWith("adding it would make a cycle");
        tx.run(() -> {
            assertThat(groups.members(staff.id())).containsExactly(finance.id());
            assertThat(groups.groupsOf(finance.id())).containsExactly(staff.id());
            assertThat(groups.list(site.id(), new PageRequest(0, 10)).items())
                    .extractingResultOf("name")
                    .extracting(Object::toString)
                    .containsExactly("Finance", "Staff");
        });
        tx.run(() -> groupService.delete(site.id(), finance.id(), Actor.SYSTEM));
        tx.run(() -> assertThat(groups.members(staff.id())).isEmpty());
    }

    @Test
    void providerSecretsAreStoredEncrypted() {
        Site site = tx.inTransaction(() -> siteService.create("acme", "Acme", null, Actor.SYSTEM));
        Provider provider = new Provider(
                ProviderId.random(),
                site.id(),
                "Entra ID",
                true,
                new OidcSettings(
                        OidcSettings.KIND,
                        "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                        "9a0c4f89-4f89-41d3-9a0c-0305e82c3301",
                        new Secret("super-secret-value"),
                        java.time.LocalDate.of(2027, 6, 30),
                        OidcFlow.CODE_PKCE,
                        null,
                        false,
                        List.of(),
                        List.of(),
                        120,
                        false),
                clock.instant());
        tx.run(() -> providers.save(provider));

        tx.run(() -> {
            String stored = (String) tx.entityManager()
                    .createNativeQuery("select secret from providers where id = ?1")
                    .setParameter(1, provider.id().value())
                    .getSingleResult();
            assertThat(stored).startsWith("v1:").doesNotContain("super-secret");
            assertThat(providers.find(provider.id()).orElseThrow().settings()).isEqualTo(provider.settings());
        });
    }

    @Test
    void theAuditLogFiltersByTypeAndPagesNewestFirst() {
        Site site = tx.inTransaction(() -> siteService.create("acme", "Acme", null, Actor.SYSTEM));
        for (int i = 0; i < 3; i++) {
            String name = "G" + i;
            tx.run(() -> groupService.create(site.id(), name, "", Actor.SYSTEM));
        }

        var page = tx.inTransaction(() -> audit.query(
                new AuditQuery(site.id(), null, null, null, AuditType.GROUP_CREATED, new PageRequest(0, 2))));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).at())
                .isAfterOrEqualTo(page.items().get(1).at());
    }

    @Test
    void groupLinksOfEveryKindAreFoundByKeyAndByGroup() {
        Site site = tx.inTransaction(() -> siteService.create("acme", "Acme", null, Actor.SYSTEM));
        var sales = tx.inTransaction(() -> groupService.create(site.id(), "Sales", "", Actor.SYSTEM));
        var entra = new dev.gatehouse.identity.domain.GroupKey.Entra(
                dev.gatehouse.identity.domain.EntraTenantId.parse("t", "72f988bf-86f1-41af-91ab-2d7cd011db47"),
                dev.gatehouse.identity.domain.EntraObjectId.parse("o", "6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f"));
        var directory = new dev.gatehouse.identity.domain.GroupKey.DirectoryGroup(UUID.randomUUID());
        var links = new dev.gatehouse.identity.persistence.JpaGroupLinkRepository(tx::entityManager);
        tx.run(() -> {
            links.link(site.id(), entra, sales.id());
            links.link(site.id(), directory, sales.id());
        });

        tx.run(() -> {
            assertThat(links.findAll(site.id(), List.of(entra, directory)))
                    .containsEntry(entra, sales.id())
                    .containsEntry(directory, sales.id());
            assertThat(links.keysOf(site.id(), List.of(sales.id())).get(sales.id()))
                    .containsExactlyInAnyOrder(entra, directory);
            assertThat(links.findEntraObject(site.id(), entra.object())).containsExactly(sales.id());
        });
    }

    @Test
    void auditEventsOlderThanACutoffAreDeleted() {
        Site site = tx.inTransaction(() -> siteService.create("acme", "Acme", null, Actor.SYSTEM));
        java.time.Instant now = clock.instant();
        tx.run(() -> audit.append(dev.gatehouse.identity.domain.AuditEvent.of(
                now.minus(java.time.Duration.ofDays(500)),
                site.id(),
                Actor.SYSTEM,
                AuditType.LOGIN_FAILED,
                "",
                false,
                "old")));
        long total = tx.inTransaction(() -> audit.query(query()).total());

        assertThat(tx.inTransaction(() -> audit.deleteOlderThan(now.minus(java.time.Duration.ofDays(400)))))
                .isEqualTo(1);
        assertThat(tx.inTransaction(() -> audit.query(query()).total())).isEqualTo(total - 1);
    }

    private static AuditQuery query() {
        return new AuditQuery(null, null, null, null, null, new PageRequest(0, 500));
    }

    @Test
    void aLeaseHasOneHolderAtATimeAcrossTwoNodesAndExpires() throws Exception {
        // two nodes sharing one database: two lease repositories, each with its own transactions
        Transactions otherNode = new Transactions(database);
        JpaLeases a = new JpaLeases(tx::entityManager, tx);
        JpaLeases b = new JpaLeases(otherNode::entityManager, otherNode);
        java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        java.time.Duration ttl = java.time.Duration.ofMinutes(10);

        assertThat(a.acquire("directory-sync:x", "node-a/1", ttl, now)).isTrue();
        assertThat(b.acquire("directory-sync:x", "node-b/1", ttl, now.plusSeconds(60)))
                .isFalse();
        assertThat(b.acquire("directory-sync:y", "node-b/1", ttl, now)).isTrue();
        assertThat(b.acquire("directory-sync:x", "node-b/1", ttl, now.plus(ttl)))
                .as("expired")
                .isTrue();
        assertThat(a.acquire("directory-sync:x", "node-a/2", ttl, now.plus(ttl).plusSeconds(1)))
                .isFalse();
        a.release("directory-sync:x", "node-a/2"); // not its lease: nothing happens
        assertThat(a.acquire("directory-sync:x", "node-a/3", ttl, now.plus(ttl).plusSeconds(2)))
                .isFalse();
        b.release("directory-sync:x", "node-b/1");
        assertThat(a.acquire("directory-sync:x", "node-a/4", ttl, now.plus(ttl).plusSeconds(3)))
                .isTrue();

        // many holders racing for a free lease: exactly one wins
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JpaLeases leases = i % 2 == 0 ? a : b;
                String holder = "racer-" + i;
                attempts.add(pool.submit(() -> {
                    try {
                        return leases.acquire("race", holder, ttl, now);
                    } catch (dev.gatehouse.identity.application.ConflictException collided) {
                        return false;
                    }
                }));
            }
            int winners = 0;
            for (java.util.concurrent.Future<Boolean> attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDirectoryServicePasswordIsStoredEncryptedAndReadBack() {
        Site site = tx.inTransaction(() -> siteService.create("dirsite", "Directory site", null, Actor.SYSTEM));
        JpaDirectoryRepository directories = new JpaDirectoryRepository(tx::entityManager, cipher);
        dev.gatehouse.identity.domain.DirectorySettings settings = new dev.gatehouse.identity.domain.DirectorySettings(
                site.id(),
                "corp.example.com",
                List.of("dc1", "dc2:636"),
                dev.gatehouse.identity.domain.DirectorySettings.Transport.LDAPS,
                "pem",
                true,
                new dev.gatehouse.identity.domain.DirectorySettings.ServiceAccount(
                        "svc@corp.example.com", new Secret("sync-password-1")),
                "OU=Staff,DC=corp,DC=example,DC=com",
                null,
                60,
                "OU=Servers,DC=corp,DC=example,DC=com",
                "GATEHOUSE01",
                java.time.Instant.parse("2026-12-01T10:00:00Z"));
        tx.run(() -> directories.save(settings));

        assertThat(tx.inTransaction(() -> directories.find(site.id()))).contains(settings);
        String stored = tx.inTransaction(() -> (String) tx.entityManager()
                .createNativeQuery("select service_password from directory_settings")
                .getSingleResult());
        assertThat(stored).startsWith("v1:").doesNotContain("sync-password-1");
    }
}
