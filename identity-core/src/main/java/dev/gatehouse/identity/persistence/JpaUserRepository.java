package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.port.UserRepository;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

public final class JpaUserRepository implements UserRepository {
    private final Supplier<EntityManager> em;

    public JpaUserRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(em().find(UserEntity.class, id.value())).map(UserEntity::toDomain);
    }

    @Override
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        List<UUID> values = ids.stream().map(UserId::value).distinct().toList();
        Map<UserId, User> found = new HashMap<>();
        for (int from = 0; from < values.size(); from += 500) {
            em().createQuery("select u from UserEntity u where u.id in :ids", UserEntity.class)
                    .setParameter("ids", values.subList(from, Math.min(values.size(), from + 500)))
                    .getResultStream()
                    .map(UserEntity::toDomain)
                    .forEach(user -> found.put(user.id(), user));
        }
        return found;
    }

    @Override
    public Map<Login, User> findAllByLogin(SiteId site, Collection<Login> logins) {
        List<String> values = logins.stream().map(Login::value).distinct().toList();
        Map<Login, User> found = new HashMap<>();
        for (int from = 0; from < values.size(); from += 500) {
            em().createQuery(
                            "select u from UserEntity u where u.siteId = :site and u.login in :logins",
                            UserEntity.class)
                    .setParameter("site", site.value())
                    .setParameter("logins", values.subList(from, Math.min(values.size(), from + 500)))
                    .getResultStream()
                    .map(UserEntity::toDomain)
                    .forEach(user -> found.put(user.login(), user));
        }
        return found;
    }

    @Override
    public Optional<User> findByLogin(SiteId site, Login login) {
        return em().createQuery(
                        "select u from UserEntity u where u.siteId = :site and u.login = :login", UserEntity.class)
                .setParameter("site", site.value())
                .setParameter("login", login.value())
                .getResultStream()
                .findFirst()
                .map(UserEntity::toDomain);
    }

    @Override
    public Page<User> list(SiteId site, PageRequest page) {
        long total = em().createQuery("select count(u) from UserEntity u where u.siteId = :site", Long.class)
                .setParameter("site", site.value())
                .getSingleResult();
        var items = em().createQuery(
                        "select u from UserEntity u where u.siteId = :site order by u.login", UserEntity.class)
                .setParameter("site", site.value())
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(UserEntity::toDomain)
                .toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public void save(User user) {
        UserEntity entity = em().find(UserEntity.class, user.id().value());
        if (entity == null) {
            em().persist(new UserEntity(user));
        } else {
            entity.update(user);
        }
    }

    @Override
    public void delete(UserId id) {
        UserEntity entity = em().find(UserEntity.class, id.value());
        if (entity != null) {
            em().remove(entity);
        }
    }

    @Override
    public java.util.Map<UserId, Login> enabledUsers(SiteId site) {
        java.util.Map<UserId, Login> result = new java.util.HashMap<>();
        em().createQuery(
                        "select u.id, u.login from UserEntity u where u.siteId = :site and u.state = :enabled",
                        Object[].class)
                .setParameter("site", site.value())
                .setParameter("enabled", UserState.ENABLED.name())
                .getResultStream()
                .forEach(row -> result.put(new UserId((java.util.UUID) row[0]), new Login((String) row[1])));
        return result;
    }

    @Override
    public long countBreakGlassAdministrators(SiteId site) {
        return em().createQuery(
                        "select count(u) from UserEntity u where u.siteId = :site and u.administrator = true"
                                + " and u.state = :enabled and u.authMethod = :local and u.passwordHash is not null",
                        Long.class)
                .setParameter("site", site.value())
                .setParameter("enabled", UserState.ENABLED.name())
                .setParameter("local", new AuthMethod.LocalPassword().code())
                .getSingleResult();
    }

    private EntityManager em() {
        return em.get();
    }
}
