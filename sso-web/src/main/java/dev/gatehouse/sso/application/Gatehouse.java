package dev.gatehouse.sso.application;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.EntraGroupNames;
import dev.gatehouse.identity.application.FirstStart;
import dev.gatehouse.identity.application.GroupService;
import dev.gatehouse.identity.application.IdentityUpsert;
import dev.gatehouse.identity.application.PasswordLogin;
import dev.gatehouse.identity.application.ProviderAdministration;
import dev.gatehouse.identity.application.SignInCompletion;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.application.UserService;
import dev.gatehouse.identity.credential.LoginThrottle;
import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.persistence.JpaAuditLog;
import dev.gatehouse.identity.persistence.JpaGroupLinkRepository;
import dev.gatehouse.identity.persistence.JpaGroupRepository;
import dev.gatehouse.identity.persistence.JpaIdentityLinkRepository;
import dev.gatehouse.identity.persistence.JpaProviderRepository;
import dev.gatehouse.identity.persistence.JpaSiteRepository;
import dev.gatehouse.identity.persistence.JpaUserRepository;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.ProviderProtocols;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.SiteRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.config.MasterKey;
import dev.gatehouse.sso.persistence.Database;
import dev.gatehouse.sso.persistence.PersistentFeature;
import dev.gatehouse.sso.persistence.Transactions;
import dev.gatehouse.storage.application.DecisionService;
import dev.gatehouse.storage.application.DenialRecorder;
import dev.gatehouse.storage.application.PolicySnapshots;
import dev.gatehouse.storage.application.StorageClients;
import dev.gatehouse.storage.application.StoragePolicyService;
import dev.gatehouse.storage.persistence.JpaStoragePolicyRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's composition root: reads the settings, opens the database, builds every service with its
 * adapters and prepares a fresh installation (default site, first administrator). Started eagerly when the
 * application starts, so a bad setting or an unreachable database stops the deployment with a clear message.
 */
@ApplicationScoped
public class Gatehouse {
    private static final Logger LOG = Logger.getLogger(Gatehouse.class.getName());

    private GatehouseSettings settings;
    private Database database;
    private Transactions transactions;
    private SiteRepository siteRepository;
    private UserRepository userRepository;
    private ProviderRepository providerRepository;
    private AuditLog auditLog;
    private SiteService sites;
    private UserService users;
    private GroupService groups;
    private PasswordLogin passwordLogin;
    private StoragePolicyService storagePolicy;
    private StorageClients storageClients;
    private DecisionService decisions;
    private DatabaseProbe databaseProbe;
    private DenialRecorder denials;
    private SignInCompletion signInCompletion;
    private AdminChanges adminChanges;
    private EntraGroupNames entraGroupNames;
    private ProviderAdministration providerAdministration;

    @Inject
    ProviderProtocols protocols;

    @Inject
    @Any
    Instance<PersistentFeature> features;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        start();
    }

    public synchronized void start() {
        if (database != null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        settings = GatehouseSettings.read(key -> config.getOptionalValue(key, String.class));
        LOG.info(() -> "Starting Gatehouse with " + settings);
        database = Database.open(
                settings,
                features.stream()
                        .flatMap(feature -> feature.entities().stream())
                        .toList());
        transactions = new Transactions(database);
        Clock clock = Clock.systemUTC();
        Supplier<EntityManager> em = transactions::entityManager;
        siteRepository = new JpaSiteRepository(em);
        userRepository = new JpaUserRepository(em);
        JpaGroupRepository groupRepository = new JpaGroupRepository(em);
        JpaIdentityLinkRepository linkRepository = new JpaIdentityLinkRepository(em);
        JpaGroupLinkRepository groupLinkRepository = new JpaGroupLinkRepository(em);
        providerRepository =
                new JpaProviderRepository(em, new SecretCipher(MasterKey.resolve(settings)), protocols.formats());
        auditLog = new JpaAuditLog(em);
        PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
        sites = new SiteService(siteRepository, auditLog, clock);
        users = new UserService(
                siteRepository,
                userRepository,
                groupRepository,
                linkRepository,
                providerRepository,
                hasher,
                auditLog,
                clock);
        groups = new GroupService(siteRepository, groupRepository, userRepository, auditLog, clock);
        JpaStoragePolicyRepository policyRepository = new JpaStoragePolicyRepository(em);
        storagePolicy = new StoragePolicyService(policyRepository, userRepository, groupRepository, auditLog, clock);
        storageClients = new StorageClients(policyRepository, auditLog, clock);
        users.onRemoval(storagePolicy);
        groups.onRemoval(storagePolicy);
        PolicySnapshots snapshots =
                new PolicySnapshots(userRepository, groupRepository, linkRepository, policyRepository);
        databaseProbe = new DatabaseProbe(database);
        denials = new DenialRecorder(transactions, auditLog);
        decisions = new DecisionService(
                site -> transactions.inTransaction(() -> snapshots.read(site)), databaseProbe::isUp);
        adminChanges = new AdminChanges(transactions, decisions::invalidate, auditLog, clock);
        passwordLogin = new PasswordLogin(
                userRepository,
                hasher,
                LoginThrottle.withDefaults(clock),
                LoginThrottle.forAddresses(clock),
                auditLog,
                clock);
        signInCompletion = new SignInCompletion(
                transactions,
                new IdentityUpsert(
                        userRepository, linkRepository, groupRepository, groupLinkRepository, auditLog, clock),
                decisions::invalidate,
                auditLog,
                clock);
        providerAdministration =
                new ProviderAdministration(adminChanges, providerRepository, protocols, auditLog, clock);
        entraGroupNames = new EntraGroupNames(groupLinkRepository, groups);
        prepareFirstStart(clock);
    }

    private void prepareFirstStart(Clock clock) {
        FirstStart firstStart = new FirstStart(siteRepository, sites, users, auditLog, clock);
        Optional<char[]> configured =
                settings.adminPassword().map(secret -> secret.value().toCharArray());
        Optional<char[]> generated = transactions.inTransaction(() -> firstStart.prepare(configured));
        generated.ifPresent(password -> System.out.println(FirstStartNotice.text(password)));
    }

    @PreDestroy
    void stop() {
        if (databaseProbe != null) {
            databaseProbe.close();
            denials.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * Runs an admin change in one transaction and, once it is committed, makes the site's next storage decision see it.
     * When the change is refused (conflict, break-glass, not found), the
     * refusal is audited in a transaction of its own, since the change's own transaction is rolled back.
     */
    public <T> T change(SiteId site, Actor actor, Supplier<T> work) {
        return adminChanges.change(site, actor, work);
    }

    /** {@link #change(SiteId, Actor, Supplier)} for work without a result. */
    public void change(SiteId site, Actor actor, Runnable work) {
        adminChanges.change(site, actor, work);
    }

    public <T> T read(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    public GatehouseSettings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public Transactions transactions() {
        return transactions;
    }

    public SiteService sites() {
        return sites;
    }

    public UserService users() {
        return users;
    }

    public GroupService groups() {
        return groups;
    }

    public UserRepository userRepository() {
        return userRepository;
    }

    public ProviderRepository providers() {
        return providerRepository;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public PasswordLogin passwordLogin() {
        return passwordLogin;
    }

    public StoragePolicyService storagePolicy() {
        return storagePolicy;
    }

    public StorageClients storageClients() {
        return storageClients;
    }

    public SignInCompletion signInCompletion() {
        return signInCompletion;
    }

    public ProviderAdministration providerAdministration() {
        return providerAdministration;
    }

    public EntraGroupNames entraGroupNames() {
        return entraGroupNames;
    }

    public DecisionService decisions() {
        return decisions;
    }

    /** Audits a denied storage decision, asynchronously; target and detail are built only when it is itemized. */
    public void recordDenial(SiteId site, String client, Supplier<String> target, Supplier<String> detail) {
        denials.record(site, client, target, detail);
    }
}
