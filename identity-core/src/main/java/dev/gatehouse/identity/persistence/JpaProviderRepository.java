package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Providers, with their client secrets encrypted under the master key and bound to the provider's ID. */
public final class JpaProviderRepository implements ProviderRepository {
    private final Supplier<EntityManager> em;
    private final SecretCipher cipher;
    private final Map<String, ProviderSettingsFormat> formats = new HashMap<>();

    /** @param formats the settings format of every provider kind that can be stored */
    public JpaProviderRepository(
            Supplier<EntityManager> em, SecretCipher cipher, Collection<? extends ProviderSettingsFormat> formats) {
        this.em = em;
        this.cipher = cipher;
        formats.forEach(format -> this.formats.put(format.kind(), format));
    }

    @Override
    public Optional<Provider> find(ProviderId id) {
        return Optional.ofNullable(em.get().find(ProviderEntity.class, id.value()))
                .map(this::toDomain);
    }

    @Override
    public List<Provider> listBySite(SiteId site) {
        return em.get()
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
        return em.get()
                .createQuery("select p from ProviderEntity p order by p.displayName", ProviderEntity.class)
                .getResultStream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public void save(Provider provider) {
        provider.validated();
        ProviderEntity entity =
                em.get().find(ProviderEntity.class, provider.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new ProviderEntity();
            entity.id = provider.id().value();
            entity.siteId = provider.site().value();
        }
        entity.kind = provider.settings().kind();
        entity.displayName = provider.displayName();
        entity.enabled = provider.enabled();
        entity.settings = format(provider.settings().kind()).write(provider.settings());
        entity.secret = provider.settings()
                .secret()
                .map(secret -> cipher.encrypt(secret, context(provider.id())))
                .orElse(null);
        entity.updatedAt = provider.updatedAt();
        if (isNew) {
            em.get().persist(entity);
        }
    }

    @Override
    public void delete(ProviderId id) {
        ProviderEntity entity = em.get().find(ProviderEntity.class, id.value());
        if (entity != null) {
            em.get().remove(entity);
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
                format(e.kind).read(e.settings, secret),
                e.updatedAt);
    }

    private ProviderSettingsFormat format(String kind) {
        ProviderSettingsFormat format = formats.get(kind);
        if (format == null) {
            throw new IllegalStateException("no sign-in protocol of kind '" + kind + "' is installed; providers of"
                    + " this kind cannot be read or saved");
        }
        return format;
    }

    private static String context(ProviderId id) {
        return "provider:" + id;
    }
}
