package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "user_groups")
final class GroupEntity {
    @Id
    UUID id;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(nullable = false, length = 256)
    String name;

    /** The name lower-cased: the unique key that makes names unique per site regardless of case. */
    @Column(name = "name_key", nullable = false, length = 256)
    String nameKey;

    @Column(nullable = false, length = 1024)
    String description;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected GroupEntity() {}

    GroupEntity(Group group) {
        id = group.id().value();
        siteId = group.site().value();
        update(group);
    }

    void update(Group group) {
        name = group.name().value();
        nameKey = key(group.name());
        description = group.description();
        createdAt = group.createdAt();
    }

    static String key(GroupName name) {
        return name.value().toLowerCase(Locale.ROOT);
    }

    Group toDomain() {
        return new Group(new GroupId(id), new SiteId(siteId), new GroupName(name), description, createdAt);
    }
}
