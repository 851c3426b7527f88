package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.CredentialRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

public final class JpaCredentialRepository implements CredentialRepository {
    private final Supplier<EntityManager> em;

    public JpaCredentialRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<Credential> find(UUID id) {
        return Optional.ofNullable(em.get().find(CredentialEntity.class, id)).map(CredentialEntity::toDomain);
    }

    @Override
    public List<Credential> list(SiteId site) {
        return em.get()
                .createQuery(
                        "select c from CredentialEntity c where c.siteId = :site order by c.createdAt",
                        CredentialEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(CredentialEntity::toDomain)
                .toList();
    }

    @Override
    public List<Credential> listOf(UserId user) {
        return em.get()
                .createQuery(
                        "select c from CredentialEntity c where c.userId = :user order by c.createdAt",
                        CredentialEntity.class)
                .setParameter("user", user.value())
                .getResultStream()
                .map(CredentialEntity::toDomain)
                .toList();
    }

    @Override
    public List<Credential> expiringBefore(Instant before) {
        return em.get()
                .createQuery(
                        "select c from CredentialEntity c where c.revokedAt is null and c.expiresAt < :before",
                        CredentialEntity.class)
                .setParameter("before", before)
                .getResultStream()
                .map(CredentialEntity::toDomain)
                .toList();
    }

    @Override
    public void save(Credential credential) {
        CredentialEntity entity = em.get().find(CredentialEntity.class, credential.id());
        if (entity == null) {
            em.get().persist(new CredentialEntity(credential));
        } else {
            entity.copy(credential);
        }
    }
}
