package dev.gatehouse.identity.domain;

import java.util.Objects;

/**
 * Who performs a change, as recorded in the audit log: a signed-in user, or the system itself (bootstrap, schedules).
 *
 * @param user {@code null} for the system
 * @param name a readable name, such as {@code admin@default} or {@code system}
 */
public record Actor(UserId user, String name) {
    public static final Actor SYSTEM = new Actor(null, "system");

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    public static Actor of(User user, Site site) {
        return new Actor(user.id(), user.login() + "@" + site.slug());
    }
}
