package dev.gatehouse.sso.application;

import dev.gatehouse.directory.ldap.LdapDirectoryEntries;
import dev.gatehouse.directory.ldap.LdapDirectoryLogins;
import dev.gatehouse.directory.ldap.LdapDomainJoin;
import dev.gatehouse.directory.ldap.LdapPreflight;
import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.AuditRetention;
import dev.gatehouse.identity.application.BoundedAuditWriter;
import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.application.DirectoryAdministration;
import dev.gatehouse.identity.application.DirectorySync;
import dev.gatehouse.identity.application.DomainJoins;
import dev.gatehouse.identity.application.EntraGroupNames;
import dev.gatehouse.identity.application.FirstStart;
import dev.gatehouse.identity.application.GroupService;
import dev.gatehouse.identity.application.IdentityUpsert;
import dev.gatehouse.identity.application.PasswordLogin;
import dev.gatehouse.identity.application.ProviderAdministration;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.application.SignInCompletion;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.application.UserService;
import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.credential.LoginThrottle;
import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.persistence.JpaAuditLog;
import dev.gatehouse.identity.persistence.JpaCredentialRepository;
import dev.gatehouse.identity.persistence.JpaDirectoryRepository;
import dev.gatehouse.identity.persistence.JpaDirectorySyncRepository;
import dev.gatehouse.identity.persistence.JpaDomainMembershipRepository;
import dev.gatehouse.identity.persistence.JpaGroupLinkRepository;
import dev.gatehouse.identity.persistence.JpaGroupRepository;
import dev.gatehouse.identity.persistence.JpaIdentityLinkRepository;
import dev.gatehouse.identity.persistence.JpaLeases;
import dev.gatehouse.identity.persistence.JpaProviderRepository;
import dev.gatehouse.identity.persistence.JpaProvisioningLog;
import dev.gatehouse.identity.persistence.JpaScimRepository;
import dev.gatehouse.identity.persistence.JpaSiteRepository;
import dev.gatehouse.identity.persistence.JpaUserRepository;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityChangeListener;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.ProviderProtocols;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.ProvisioningLog;
import dev.gatehouse.identity.port.SiteRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.config.MasterKey;
import dev.gatehouse.sso.persistence.Transactions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The identity feature: the identity ports with their JPA adapters and the services on them (sites, users, groups,
 * password logins, the sign-in pipeline, provider administration). Changes it commits are reported to the storage
 * feature, which drops the decisions they invalidate. Produces each service for injection.
 */
@ApplicationScoped
public class IdentityFeature {
    private static final Logger LOG = Logger.getLogger(IdentityFeature.class.getName());

    @Inject
    PlatformFeature platform;

    @Inject
    StorageFeature storage;

    @Inject
    ClusterFeature cluster;

    @Inject
    ProviderProtocols protocols;

    private SiteRepository siteRepository;
    private UserRepository userRepository;
    private GroupRepository groupRepository;
    private IdentityLinkRepository linkRepository;
    private ProviderRepository providerRepository;
    private AuditLog auditLog;
    private SiteService sites;
    private UserService users;
    private GroupService groups;
    private PasswordLogin passwordLogin;
    private AdminChanges adminChanges;
    private SignInCompletion signInCompletion;
    private ProviderAdministration providerAdministration;
    private EntraGroupNames entraGroupNames;
    private Credentials credentials;
    private Provisioning provisioning;
    private ProvisioningLog provisioningLog;
    private DirectoryAdministration directoryAdministration;
    private dev.gatehouse.identity.port.DirectoryDiagnostics directoryDiagnostics;
    private final ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gatehouse-audit-retention");
        thread.setDaemon(true);
        return thread;
    });

    private DirectoryRunner directoryWork;
    private DirectorySync directorySync;
    private DomainJoins domainJoins;

    synchronized IdentityFeature started() {
        if (sites != null) {
            return this;
        }
        GatehouseSettings settings = platform.settings();
        Transactions transactions = platform.transactions();
        Clock clock = Clock.systemUTC();
        Supplier<EntityManager> em = transactions::entityManager;
        siteRepository = new JpaSiteRepository(em);
        userRepository = new JpaUserRepository(em);
        groupRepository = new JpaGroupRepository(em);
        linkRepository = new JpaIdentityLinkRepository(em);
        JpaGroupLinkRepository groupLinkRepository = new JpaGroupLinkRepository(em);
        providerRepository =
                new JpaProviderRepository(em, new SecretCipher(MasterKey.resolve(settings)), protocols.formats());
        auditLog = new JpaAuditLog(em);
        PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
        // on every node of the cluster, before the change is answered
        IdentityChangeListener changes = site -> cluster.changed(dev.gatehouse.sso.cluster.Change.site(site));
        dev.gatehouse.sso.cluster.Cluster nodes = cluster.started();
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
        passwordLogin = new PasswordLogin(
                userRepository,
                hasher,
                LoginThrottle.withDefaults(nodes.failureCounts("account-address"), clock),
                LoginThrottle.forAddresses(nodes.failureCounts("address"), clock),
                LoginThrottle.accountCeiling(nodes.failureCounts("account"), clock),
                auditLog,
                clock);
        adminChanges = new AdminChanges(transactions, changes, auditLog, clock);
        IdentityUpsert upsert = new IdentityUpsert(
                userRepository, linkRepository, groupRepository, groupLinkRepository, auditLog, clock);
        signInCompletion = new SignInCompletion(
                transactions,
                upsert,
                changes,
                new BoundedAuditWriter(
                        transactions, auditLog, AuditType.LOGIN_FAILED, "refused sign-in messages", 20, clock));
        providerAdministration =
                new ProviderAdministration(adminChanges, providerRepository, protocols, auditLog, clock);
        entraGroupNames = new EntraGroupNames(groupLinkRepository, groups);
        credentials = new Credentials(
                new JpaCredentialRepository(em), userRepository, new IssuedSecrets(), auditLog, transactions, clock);
        provisioning = new Provisioning(
                userRepository,
                linkRepository,
                groupRepository,
                groupLinkRepository,
                new JpaScimRepository(em),
                upsert,
                users,
                groups,
                auditLog,
                clock);
        users.onAccessEnded((site, user, why) -> credentials.revokeAllOf(site, user, Actor.SYSTEM, why));
        passwordLogin.acceptingAppPasswords(credentials);
        SecretCipher cipher = new SecretCipher(MasterKey.resolve(settings));
        JpaDirectoryRepository directories = new JpaDirectoryRepository(em, cipher);
        directoryAdministration = new DirectoryAdministration(directories, auditLog, clock);
        LdapDirectoryLogins ldap = new LdapDirectoryLogins(
                settings.outbound().connectTimeoutMillis(), settings.outbound().deadlineMillis());
        passwordLogin.acceptingDirectoryPasswords(directories, ldap, signInCompletion);
        directoryDiagnostics = new LdapPreflight(ldap, settings.outbound().connectTimeoutMillis(), clock);
        JpaLeases leases = new JpaLeases(em, transactions);
        directorySync = new DirectorySync(
                directories,
                new LdapDirectoryEntries(ldap),
                new JpaDirectorySyncRepository(em),
                leases,
                transactions,
                upsert,
                userRepository,
                linkRepository,
                groupRepository,
                groupLinkRepository,
                groups,
                users,
                changes,
                auditLog,
                Nodes.name(),
                clock);
        directoryWork = DirectoryRunner.find();
        directoryWork.everyMinute(this::runDueSyncs);
        int timeout = settings.outbound().deadlineMillis();
        domainJoins = new DomainJoins(
                directories,
                new JpaDomainMembershipRepository(em, cipher),
                new LdapDomainJoin(ldap, timeout, clock),
                directoryDiagnostics,
                leases,
                transactions,
                auditLog,
                directoryWork::run,
                Nodes.name(),
                clock);
        directoryWork.hourly(cluster.oncePerCluster("domain-health", Duration.ofHours(1), this::checkMemberships));
        provisioningLog = new JpaProvisioningLog(em);
        int provisioningLogDays = settings.provisioningLogRetentionDays();
        Duration day = Duration.ofDays(1);
        daily.scheduleWithFixedDelay(
                cluster.oncePerCluster(
                        "provisioning-log-retention",
                        day,
                        () -> purgeProvisioningLog(transactions, clock, provisioningLogDays)),
                2,
                24 * 60,
                TimeUnit.MINUTES);
        daily.scheduleWithFixedDelay(
                cluster.oncePerCluster("credential-alerts", Duration.ofHours(1), this::raiseCredentialAlerts),
                3,
                60,
                TimeUnit.MINUTES);
        AuditRetention retention = new AuditRetention(transactions, auditLog, settings.auditRetentionDays(), clock);
        daily.scheduleWithFixedDelay(
                cluster.oncePerCluster("audit-retention", day, () -> purge(retention)), 1, 24 * 60, TimeUnit.MINUTES);
        sites = new SiteService(siteRepository, auditLog, clock);
        return this;
    }

    private static void purge(AuditRetention retention) {
        try {
            retention.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The audit retention could not run: " + e.getMessage(), e);
        }
    }

    private void purgeProvisioningLog(Transactions transactions, Clock clock, int days) {
        try {
            transactions.inTransaction(
                    () -> provisioningLog.deleteBefore(clock.instant().minus(java.time.Duration.ofDays(days))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The provisioning log retention could not run: " + e.getMessage(), e);
        }
    }

    /** Runs each site's scheduled sync that is due, one after another; another node may hold a site's lease. */
    private void runDueSyncs() {
        try {
            for (dev.gatehouse.identity.domain.SiteId site : directorySync.due()) {
                try {
                    directorySync.run(
                            site,
                            dev.gatehouse.identity.domain.DirectorySyncRun.Mode.INCREMENTAL,
                            false,
                            dev.gatehouse.identity.domain.DirectorySyncRun.Trigger.SCHEDULE);
                } catch (dev.gatehouse.identity.application.ConflictException running) {
                    // another node runs this site's sync
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The directory sync schedule could not run: " + e.getMessage(), e);
        }
    }

    private void checkMemberships() {
        try {
            domainJoins.checkAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The domain memberships could not be checked: " + e.getMessage(), e);
        }
    }

    private void raiseCredentialAlerts() {
        try {
            credentials.raiseAlerts();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring credentials could not be checked: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        daily.shutdownNow();
        if (directoryWork != null) {
            directoryWork.stop();
        }
    }

    /**
     * Prepares a fresh installation: the default site and the first administrator, whose generated password is
     * printed once.
     */
    void prepareFirstStart() {
        IdentityFeature started = started();
        FirstStart firstStart = new FirstStart(siteRepository, started.sites, users, auditLog, Clock.systemUTC());
        Optional<char[]> configured =
                platform.settings().adminPassword().map(secret -> secret.value().toCharArray());
        Optional<char[]> generated = platform.transactions().inTransaction(() -> firstStart.prepare(configured));
        generated.ifPresent(password -> System.out.println(
                FirstStartNotice.text(password, platform.settings().baseUrl().toString())));
    }

    UserRepository userRepository() {
        return started().userRepository;
    }

    GroupRepository groupRepository() {
        return started().groupRepository;
    }

    IdentityLinkRepository linkRepository() {
        return started().linkRepository;
    }

    @Produces
    public UserRepository users() {
        return userRepository();
    }

    @Produces
    public ProviderRepository providers() {
        return started().providerRepository;
    }

    @Produces
    public AuditLog auditLog() {
        return started().auditLog;
    }

    @Produces
    public dev.gatehouse.identity.port.DirectoryDiagnostics directoryDiagnostics() {
        return started().directoryDiagnostics;
    }

    @Produces
    public DomainJoins domainJoins() {
        return started().domainJoins;
    }

    @Produces
    public DirectorySync directorySync() {
        return started().directorySync;
    }

    @Produces
    public DirectoryAdministration directoryAdministration() {
        return started().directoryAdministration;
    }

    @Produces
    public Credentials credentials() {
        return started().credentials;
    }

    @Produces
    public Provisioning provisioning() {
        return started().provisioning;
    }

    @Produces
    public ProvisioningLog provisioningLog() {
        return started().provisioningLog;
    }

    @Produces
    public SiteService siteService() {
        return started().sites;
    }

    @Produces
    public UserService userService() {
        return started().users;
    }

    @Produces
    public GroupService groupService() {
        return started().groups;
    }

    @Produces
    public PasswordLogin passwordLogin() {
        return started().passwordLogin;
    }

    @Produces
    public AdminChanges adminChanges() {
        return started().adminChanges;
    }

    @Produces
    public SignInCompletion signInCompletion() {
        return started().signInCompletion;
    }

    @Produces
    public ProviderAdministration providerAdministration() {
        return started().providerAdministration;
    }

    @Produces
    public EntraGroupNames entraGroupNames() {
        return started().entraGroupNames;
    }
}
