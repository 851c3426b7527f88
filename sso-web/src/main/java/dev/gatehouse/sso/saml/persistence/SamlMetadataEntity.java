package dev.gatehouse.sso.saml.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "saml_metadata")
public final class SamlMetadataEntity {
    @Id
    @Column(name = "provider_id")
    UUID providerId;

    @Column(name = "xml", length = 1_000_000)
    String xml;

    @Column(name = "fetched_at")
    Instant fetchedAt;

    @Column(name = "attempted_at", nullable = false)
    Instant attemptedAt;

    @Column(name = "last_error", length = 1000)
    String lastError;

    protected SamlMetadataEntity() {}

    SamlMetadataEntity(UUID providerId) {
        this.providerId = providerId;
    }
}
