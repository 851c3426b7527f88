package dev.gatehouse.identity.application;

import dev.gatehouse.identity.credential.PasswordHasher;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Services wired to an {@link InMemoryStore}, with a fast hasher and a fixed clock. */
final class ServicesFixture {
    static final PasswordHasher HASHER = new PasswordHasher(10_000);

    final InMemoryStore store = new InMemoryStore();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final SiteService sites = new SiteService(store, store, clock);
    final UserService users = new UserService(store, store, store.groupRepository, store, store, HASHER, store, clock);
    final GroupService groups = new GroupService(store, store.groupRepository, store, store, clock);
    final Site site = sites.create("default", "Default site", null, Actor.SYSTEM);

    User admin(String login) {
        return users.create(
                site.id(),
                new NewUser(login, login, null, "local", true, "correct horse battery".toCharArray()),
                Actor.SYSTEM);
    }
}
