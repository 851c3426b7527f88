package dev.gatehouse.sso.application;

import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.sso.persistence.Transactions;
import dev.gatehouse.storage.application.DecisionService;
import dev.gatehouse.storage.application.DenialRecorder;
import dev.gatehouse.storage.application.PolicySnapshots;
import dev.gatehouse.storage.application.StorageClients;
import dev.gatehouse.storage.application.StoragePolicyService;
import dev.gatehouse.storage.persistence.JpaStoragePolicyRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The storage feature: the storage policy, storage clients, the decision service with its per-site indexes (dropped
 * when the identity feature reports a change, and answered with 503 while the database probe fails) and the denial
 * audit. Removing a user or group removes its storage entries. Produces each service for injection.
 */
@ApplicationScoped
public class StorageFeature {
    @Inject
    PlatformFeature platform;

    @Inject
    IdentityFeature identity;

    @Inject
    ClusterFeature cluster;

    private StoragePolicyService storagePolicy;
    private StorageClients storageClients;
    private DecisionService decisions;
    private DenialRecorder denials;

    synchronized StorageFeature started() {
        if (decisions != null) {
            return this;
        }
        Transactions transactions = platform.transactions();
        AuditLog auditLog = identity.auditLog();
        Clock clock = Clock.systemUTC();
        JpaStoragePolicyRepository policyRepository = new JpaStoragePolicyRepository(transactions::entityManager);
        storagePolicy = new StoragePolicyService(
                policyRepository, identity.userRepository(), identity.groupRepository(), auditLog, clock);
        storageClients = new StorageClients(policyRepository, auditLog, clock);
        identity.userService().onRemoval(storagePolicy);
        identity.groupService().onRemoval(storagePolicy);
        PolicySnapshots snapshots = new PolicySnapshots(
                identity.userRepository(), identity.groupRepository(), identity.linkRepository(), policyRepository);
        denials = new DenialRecorder(transactions, auditLog, clock);
        decisions = new DecisionService(
                site -> transactions.inTransaction(() -> snapshots.read(site)),
                platform::databaseUp,
                cluster.started()
                        ::confirmed, // the cluster itself, not its feature's synchronized accessor, per decision
                new dev.gatehouse.storage.port.PolicyIndexListener() {
                    @Override
                    public void invalidated(dev.gatehouse.identity.domain.SiteId site) {
                        dev.gatehouse.sso.metrics.Metrics.invalidated();
                    }

                    @Override
                    public void built(dev.gatehouse.identity.domain.SiteId site, java.time.Duration took) {
                        dev.gatehouse.sso.metrics.Metrics.indexBuilt(took);
                    }
                });
        return this;
    }

    @Produces
    public StoragePolicyService storagePolicy() {
        return started().storagePolicy;
    }

    @Produces
    public StorageClients storageClients() {
        return started().storageClients;
    }

    @Produces
    public DecisionService decisions() {
        return started().decisions;
    }

    @Produces
    public DenialRecorder denials() {
        return started().denials;
    }

    @PreDestroy
    synchronized void stop() {
        if (denials != null) {
            denials.close();
        }
    }
}
