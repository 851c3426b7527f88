package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A site's computer account in its domain; the keytab encrypted with the master key. */
@Entity
@Table(name = "directory_memberships")
final class DomainMembershipEntity {
    @Id
    @Column(name = "site_id")
    UUID siteId;

    @Column(name = "machine_name", nullable = false, length = 15)
    String machineName;

    @Column(name = "computer_dn", nullable = false, length = 1000)
    String computerDn;

    @Column(name = "object_guid", nullable = false)
    UUID objectGuid;

    @Column(name = "dns_host_name", nullable = false, length = 300)
    String dnsHostName;

    @Column(nullable = false, length = 300)
    String controller;

    @Column(name = "key_version", nullable = false)
    int keyVersion;

    @Column(nullable = false, length = 20000)
    String keytab;

    @Column(name = "joined_at", nullable = false)
    Instant joinedAt;

    protected DomainMembershipEntity() {}

    DomainMembershipEntity(UUID siteId) {
        this.siteId = siteId;
    }
}
