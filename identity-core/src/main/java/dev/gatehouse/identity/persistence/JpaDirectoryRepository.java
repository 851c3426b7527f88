package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.DirectoryRepository;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.function.Supplier;

public final class JpaDirectoryRepository implements DirectoryRepository {
    private final Supplier<EntityManager> em;

    public JpaDirectoryRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<DirectorySettings> find(SiteId site) {
        return Optional.ofNullable(em.get().find(DirectorySettingsEntity.class, site.value()))
                .map(DirectorySettingsEntity::toDomain);
    }

    @Override
    public void save(DirectorySettings settings) {
        DirectorySettingsEntity entity =
                em.get().find(DirectorySettingsEntity.class, settings.site().value());
        if (entity == null) {
            em.get().persist(new DirectorySettingsEntity(settings));
        } else {
            entity.copy(settings);
        }
    }
}
