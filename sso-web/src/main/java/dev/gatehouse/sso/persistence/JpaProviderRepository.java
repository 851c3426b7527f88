package dev.gatehouse.sso.persistence;

import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.ProviderRepository;
import java.util.List;
import java.util.Optional;

/** Providers, with their client secrets encrypted under the master key and bound to the provider's ID. */
public final class JpaProviderRepository implements ProviderRepository {
    private final Transactions tx;
    private final SecretCipher cipher;

    public JpaProviderRepository(Transactions tx, SecretCipher cipher) {
        this.tx = tx;
        this.cipher = cipher;
    }

    @Override
    public Optional<Provider> find(ProviderId id) {
        return Optional.ofNullable(tx.entityManager().find(ProviderEntity.class, id.value()))
                .map(this::toDomain);
    }

    @Override
    public List<Provider> listBySite(SiteId site) {
        return tx.entityManager()
                .createQuery(
                        "select p from ProviderEntity p where p.siteId = :site order by p.displayName",
                        ProviderEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<Provider> listAll() {
        return tx.entityManager()
                .createQuery("select p from ProviderEntity p order by p.displayName", ProviderEntity.class)
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public void save(Provider provider) {
        provider.validated();
        ProviderEntity entity =
                tx.entityManager().find(ProviderEntity.class, provider.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new ProviderEntity();
            entity.id = provider.id().value();
            entity.siteId = provider.site().value();
        }
        entity.kind = provider.settings().kind();
        entity.displayName = provider.displayName();
        entity.enabled = provider.enabled();
        entity.settings = ProviderSettingsCodec.toJson(provider.settings());
        entity.secret = ProviderSettingsCodec.secretOf(provider.settings())
                .map(secret -> cipher.encrypt(secret, context(provider.id())))
                .orElse(null);
        entity.updatedAt = provider.updatedAt();
        if (isNew) {
            tx.entityManager().persist(entity);
        }
    }

    @Override
    public void delete(ProviderId id) {
        ProviderEntity entity = tx.entityManager().find(ProviderEntity.class, id.value());
        if (entity != null) {
            tx.entityManager().remove(entity);
        }
    }

    private Provider toDomain(ProviderEntity e) {
        ProviderId id = new ProviderId(e.id);
        Secret secret = e.secret == null ? null : cipher.decrypt(e.secret, context(id));
        return new Provider(
                id,
                new SiteId(e.siteId),
                e.displayName,
                e.enabled,
                ProviderSettingsCodec.fromJson(e.kind, e.settings, secret),
                e.updatedAt);
    }

    private static String context(ProviderId id) {
        return "provider:" + id;
    }
}
