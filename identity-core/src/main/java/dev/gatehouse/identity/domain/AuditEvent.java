package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit log. {@code detail} is for people and never holds a secret.
 *
 * @param site the site concerned, or {@code null} for events outside any site
 * @param target what the event is about, such as {@code user:<id>}; may be empty
 * @param success whether the action succeeded
 */
public record AuditEvent(
        UUID id, Instant at, SiteId site, String actor, AuditType type, String target, boolean success, String detail) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }

    public static AuditEvent of(
            Instant at, SiteId site, Actor actor, AuditType type, String target, boolean success, String detail) {
        return new AuditEvent(UUID.randomUUID(), at, site, actor.name(), type, target, success, detail);
    }
}
