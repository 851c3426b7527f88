package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.DirectoryRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Each site's directory settings; the service account's password encrypted with the master key. */
public final class JpaDirectoryRepository implements DirectoryRepository {
    private final Supplier<EntityManager> em;
    private final SecretCipher cipher;

    public JpaDirectoryRepository(Supplier<EntityManager> em, SecretCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    @Override
    public Optional<DirectorySettings> find(SiteId site) {
        return Optional.ofNullable(em.get().find(DirectorySettingsEntity.class, site.value()))
                .map(entity -> entity.toDomain(cipher));
    }

    @Override
    public void save(DirectorySettings settings) {
        DirectorySettingsEntity entity =
                em.get().find(DirectorySettingsEntity.class, settings.site().value());
        if (entity == null) {
            em.get().persist(new DirectorySettingsEntity(settings, cipher));
        } else {
            entity.copy(settings, cipher);
        }
    }

    @Override
    public List<DirectorySettings> all() {
        return em.get()
                .createQuery("select d from DirectorySettingsEntity d", DirectorySettingsEntity.class)
                .getResultStream()
                .map(entity -> entity.toDomain(cipher))
                .toList();
    }
}
