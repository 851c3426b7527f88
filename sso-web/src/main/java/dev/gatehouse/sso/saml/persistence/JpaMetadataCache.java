package dev.gatehouse.sso.saml.persistence;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.metadata.MetadataCache;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The last good IdP metadata of each SAML provider, in the database. */
public final class JpaMetadataCache implements MetadataCache {
    private final Supplier<EntityManager> em;

    public JpaMetadataCache(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<Entry> find(ProviderId provider) {
        return Optional.ofNullable(em.get().find(SamlMetadataEntity.class, provider.value()))
                .map(e -> new Entry(
                        Optional.ofNullable(e.xml),
                        Optional.ofNullable(e.fetchedAt),
                        e.attemptedAt,
                        Optional.ofNullable(e.lastError)));
    }

    @Override
    public Optional<Instant> fetchedAt(ProviderId provider) {
        return em.get()
                .createQuery(
                        "select m.fetchedAt from SamlMetadataEntity m where m.providerId = :provider", Instant.class)
                .setParameter("provider", provider.value())
                .getResultStream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    @Override
    public void recordSuccess(ProviderId provider, String xml, Instant at) {
        SamlMetadataEntity entity = entity(provider);
        entity.xml = xml;
        entity.fetchedAt = at;
        entity.attemptedAt = at;
        entity.lastError = null;
    }

    @Override
    public void recordFailure(ProviderId provider, String error, Instant at) {
        SamlMetadataEntity entity = entity(provider);
        entity.attemptedAt = at;
        entity.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private SamlMetadataEntity entity(ProviderId provider) {
        SamlMetadataEntity entity = em.get().find(SamlMetadataEntity.class, provider.value());
        if (entity == null) {
            entity = new SamlMetadataEntity(provider.value());
            entity.attemptedAt = Instant.EPOCH;
            em.get().persist(entity);
        }
        return entity;
    }
}
