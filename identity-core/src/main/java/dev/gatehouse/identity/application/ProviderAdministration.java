package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.ProviderProtocols;
import dev.gatehouse.identity.port.ProviderRepository;
import java.time.Clock;

/**
 * Creating, replacing and deleting sign-in providers of every kind, for the admin API and the console alike: the settings
 * are validated and the provider's protocol checks what it must fetch (a metadata URL) before any unit of work opens;
 * then one unit of work saves the provider, stores what the check brought (the first good metadata) and audits.
 */
public class ProviderAdministration {
    private final AdminChanges changes;
    private final ProviderRepository providers;
    private final ProviderProtocols check;
    private final AuditLog auditLog;
    private final Clock clock;

    public ProviderAdministration(
            AdminChanges changes,
            ProviderRepository providers,
            ProviderProtocols check,
            AuditLog auditLog,
            Clock clock) {
        this.changes = changes;
        this.providers = providers;
        this.check = check;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public Provider create(Site site, Provider provider, Actor actor) {
        return save(site, provider, actor, AuditType.PROVIDER_CREATED);
    }

    public Provider replace(Site site, Provider provider, Actor actor) {
        changes.read(() -> find(site, provider.id()));
        return save(site, provider, actor, AuditType.PROVIDER_UPDATED);
    }

    public void delete(Site site, ProviderId id, Actor actor) {
        changes.change(site.id(), actor, () -> {
            find(site, id);
            providers.delete(id);
            audit(site, id, actor, AuditType.PROVIDER_DELETED, "");
        });
    }

    /** The provider of this site; call inside a unit of work. */
    public Provider find(Site site, ProviderId id) {
        return providers
                .find(id)
                .filter(p -> p.site().equals(site.id()))
                .orElseThrow(() -> new NotFoundException("provider", id.toString()));
    }

    /** Settings first, then the protocol's checks outside any unit of work (they may fetch), then one unit of work. */
    private Provider save(Site site, Provider provider, Actor actor, AuditType type) {
        Runnable store = check.prepareSave(provider.validated());
        return changes.change(site.id(), actor, () -> {
            providers.save(provider);
            store.run();
            audit(
                    site,
                    provider.id(),
                    actor,
                    type,
                    "kind=" + provider.settings().kind() + " name=" + provider.displayName());
            return provider;
        });
    }

    private void audit(Site site, ProviderId id, Actor actor, AuditType type, String detail) {
        auditLog.append(AuditEvent.of(clock.instant(), site.id(), actor, type, "provider:" + id, true, detail));
    }
}
