package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import java.util.Optional;

public interface UserRepository {
    Optional<User> find(UserId id);

    Optional<User> findByLogin(SiteId site, Login login);

    /** The users of the given IDs, in one query; unknown IDs are absent. */
    java.util.Map<UserId, User> findAll(java.util.Collection<UserId> ids);

    /** The site's users that hold any of {@code logins}, in a few queries (a sync's batch asks for thousands). */
    default java.util.Map<Login, User> findAllByLogin(SiteId site, java.util.Collection<Login> logins) {
        java.util.Map<Login, User> found = new java.util.HashMap<>();
        logins.forEach(login -> findByLogin(site, login).ifPresent(user -> found.put(login, user)));
        return found;
    }

    Page<User> list(SiteId site, PageRequest page);

    /** Inserts or updates. */
    void save(User user);

    void delete(UserId id);

    /** The site's users whose state is {@code ENABLED}, with their logins. */
    java.util.Map<UserId, Login> enabledUsers(SiteId site);

    /** Counts the site's users for which {@link User#isBreakGlassAdministrator()} holds. */
    long countBreakGlassAdministrators(SiteId site);
}
