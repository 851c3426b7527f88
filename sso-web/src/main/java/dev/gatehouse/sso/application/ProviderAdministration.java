package dev.gatehouse.sso.application;

import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Site;
import java.time.Clock;

/**
 * Creating, replacing and deleting sign-in providers, for the admin API and the console alike: each change is one
 * transaction in which the settings are validated, the provider is saved, its metadata is checked (a metadata URL is
 * fetched and stored as the first good copy) and the change is audited.
 */
public final class ProviderAdministration {
    private final Gatehouse gatehouse;

    ProviderAdministration(Gatehouse gatehouse) {
        this.gatehouse = gatehouse;
    }

    public Provider create(Site site, Provider provider, Actor actor) {
        return save(site, provider, actor, AuditType.PROVIDER_CREATED);
    }

    public Provider replace(Site site, Provider provider, Actor actor) {
        gatehouse.read(() -> find(site, provider.id()));
        return save(site, provider, actor, AuditType.PROVIDER_UPDATED);
    }

    public void delete(Site site, ProviderId id, Actor actor) {
        gatehouse.change(site.id(), actor, () -> {
            find(site, id);
            gatehouse.providers().delete(id);
            audit(site, id, actor, AuditType.PROVIDER_DELETED, "");
        });
    }

    /** The provider of this site; call inside a transaction. */
    public Provider find(Site site, ProviderId id) {
        return gatehouse
                .providers()
                .find(id)
                .filter(p -> p.site().equals(site.id()))
                .orElseThrow(() -> new NotFoundException("provider", id.toString()));
    }

    private Provider save(Site site, Provider provider, Actor actor, AuditType type) {
        return gatehouse.change(site.id(), actor, () -> {
            gatehouse.providers().save(provider.validated());
            gatehouse.saml().checkOnSave(provider);
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
        gatehouse
                .auditLog()
                .append(AuditEvent.of(
                        Clock.systemUTC().instant(), site.id(), actor, type, "provider:" + id, true, detail));
    }
}
