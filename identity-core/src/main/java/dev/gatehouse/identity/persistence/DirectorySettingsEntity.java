package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

@Entity
@Table(name = "directory_settings")
final class DirectorySettingsEntity {
    @Id
    @Column(name = "site_id")
    UUID siteId;

    @Column(nullable = false, length = 255)
    String domain;

    @Column(nullable = false, length = 2000)
    String controllers;

    @Column(nullable = false, length = 10)
    String transport;

    @Column(name = "trusted_certificates", nullable = false, length = 100000)
    String trustedCertificates;

    @Column(name = "just_in_time", nullable = false)
    boolean justInTime;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected DirectorySettingsEntity() {}

    DirectorySettingsEntity(DirectorySettings settings) {
        siteId = settings.site().value();
        copy(settings);
    }

    void copy(DirectorySettings settings) {
        domain = settings.domain();
        controllers = String.join(" ", settings.controllers());
        transport = settings.transport().name();
        trustedCertificates = settings.trustedCertificates();
        justInTime = settings.justInTime();
        updatedAt = settings.updatedAt();
    }

    DirectorySettings toDomain() {
        return new DirectorySettings(
                new SiteId(siteId),
                domain,
                Arrays.asList(controllers.split(" ")),
                DirectorySettings.Transport.valueOf(transport),
                trustedCertificates,
                justInTime,
                updatedAt);
    }
}
