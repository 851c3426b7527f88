package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;

/** A named set of users and groups of one site. Groups may contain groups; cycles are refused. */
public record Group(GroupId id, SiteId site, GroupName name, String description, Instant createdAt) {
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Group withNameAndDescription(GroupName newName, String newDescription) {
        return new Group(id, site, newName, newDescription, createdAt);
    }
}
