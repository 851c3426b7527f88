package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.ScimResource;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "scim_resources")
final class ScimResourceEntity {
    @Id
    @Column(name = "subject_id")
    UUID subjectId;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(name = "resource_type", nullable = false, length = 5)
    String resourceType;

    @Column(name = "external_id", length = 512)
    String externalId;

    @Column(nullable = false, length = 100000)
    String attributes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ScimResourceEntity() {}

    ScimResourceEntity(ScimResource resource) {
        subjectId = resource.subject();
        copy(resource);
    }

    void copy(ScimResource resource) {
        siteId = resource.site().value();
        resourceType = resource.type().code();
        externalId = resource.externalId();
        attributes = resource.attributes();
        createdAt = resource.createdAt();
        updatedAt = resource.updatedAt();
    }

    ScimResource toDomain() {
        return new ScimResource(
                subjectId,
                new SiteId(siteId),
                ScimResource.Type.of(resourceType),
                externalId,
                attributes,
                createdAt,
                updatedAt);
    }
}
