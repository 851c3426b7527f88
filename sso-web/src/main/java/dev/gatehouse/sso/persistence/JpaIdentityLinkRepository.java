package dev.gatehouse.sso.persistence;

import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import java.util.List;
import java.util.Optional;

public final class JpaIdentityLinkRepository implements IdentityLinkRepository {
    private final Transactions tx;

    public JpaIdentityLinkRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<IdentityLink> find(SiteId site, LinkKey key) {
        return Optional.ofNullable(tx.entityManager()
                        .find(
                                IdentityLinkEntity.class,
                                new IdentityLinkEntity.Key(site.value(), key.kind(), key.value())))
                .map(IdentityLinkEntity::toDomain);
    }

    @Override
    public List<IdentityLink> linksOf(UserId user) {
        return tx.entityManager()
                .createQuery("select l from IdentityLinkEntity l where l.userId = :user", IdentityLinkEntity.class)
                .setParameter("user", user.value())
                .getResultStream()
                .map(IdentityLinkEntity::toDomain)
                .toList();
    }

    @Override
    public List<IdentityLink> links(SiteId site) {
        return tx.entityManager()
                .createQuery("select l from IdentityLinkEntity l where l.key.siteId = :site", IdentityLinkEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(IdentityLinkEntity::toDomain)
                .toList();
    }

    @Override
    public void save(IdentityLink link) {
        tx.entityManager().persist(new IdentityLinkEntity(link));
    }

    @Override
    public void deleteAllOf(UserId user) {
        tx.entityManager()
                .createQuery("delete from IdentityLinkEntity l where l.userId = :user")
                .setParameter("user", user.value())
                .executeUpdate();
    }
}
