package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.credential.SecretCipher;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.EntraTenantId;
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

    @Column(name = "service_account", length = 512)
    String serviceAccount;

    /** Encrypted with the master key, bound to the site. */
    @Column(name = "service_password", length = 2000)
    String servicePassword;

    @Column(name = "search_base", length = 1000)
    String searchBase;

    @Column(name = "tenant_id")
    UUID tenantId;

    @Column(name = "sync_interval_minutes", nullable = false)
    int syncIntervalMinutes;

    @Column(name = "computer_ou", length = 1000)
    String computerOu;

    @Column(name = "machine_name", length = 15)
    String machineName;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected DirectorySettingsEntity() {}

    DirectorySettingsEntity(DirectorySettings settings, SecretCipher cipher) {
        siteId = settings.site().value();
        copy(settings, cipher);
    }

    static String context(UUID site) {
        return "directory-service-account:" + site;
    }

    void copy(DirectorySettings settings, SecretCipher cipher) {
        serviceAccount =
                settings.service().map(DirectorySettings.ServiceAccount::name).orElse(null);
        servicePassword = settings.service()
                .map(service -> cipher.encrypt(service.password(), context(siteId)))
                .orElse(null);
        searchBase = settings.searchBase();
        tenantId = settings.entraTenant().map(EntraTenantId::value).orElse(null);
        syncIntervalMinutes = settings.syncIntervalMinutes();
        computerOu = settings.computerOu();
        machineName = settings.machineName();
        domain = settings.domain();
        controllers = String.join(" ", settings.controllers());
        transport = settings.transport().name();
        trustedCertificates = settings.trustedCertificates();
        justInTime = settings.justInTime();
        updatedAt = settings.updatedAt();
    }

    DirectorySettings toDomain(SecretCipher cipher) {
        return new DirectorySettings(
                new SiteId(siteId),
                domain,
                Arrays.asList(controllers.split(" ")),
                DirectorySettings.Transport.valueOf(transport),
                trustedCertificates,
                justInTime,
                serviceAccount == null
                        ? null
                        : new DirectorySettings.ServiceAccount(
                                serviceAccount, cipher.decrypt(servicePassword, context(siteId))),
                searchBase,
                tenantId == null ? null : new EntraTenantId(tenantId),
                syncIntervalMinutes,
                computerOu,
                machineName,
                updatedAt);
    }
}
