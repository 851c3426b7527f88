package dev.gatehouse.identity.persistence;

import java.util.List;

/** What the application's persistence unit needs from this module: its entities and where its migrations are. */
public final class IdentityPersistence {
    /** Every entity of the identity domain; Hibernate is given this list instead of scanning. */
    public static final List<Class<?>> ENTITIES = List.of(
            SiteEntity.class,
            UserEntity.class,
            GroupEntity.class,
            MembershipEntity.class,
            IdentityLinkEntity.class,
            ProviderEntity.class,
            AuditEventEntity.class,
            GroupLinkEntity.class,
            EntraGroupNameEntity.class,
            CredentialEntity.class,
            ScimResourceEntity.class,
            ScimSettingsEntity.class,
            ProvisioningEntryEntity.class,
            DirectorySettingsEntity.class,
            DirectorySyncCursorEntity.class,
            DirectorySyncDisabledEntity.class,
            DirectorySyncRunEntity.class,
            LeaseEntity.class,
            DomainMembershipEntity.class,
            DirectoryJobEntity.class);

    /**
     * The Flyway location of this module's migrations. Versions are one sequence across modules (see
     * {@code docs/architecture.md}): V1, V3, V4, V5, V6 and V7 are here.
     */
    public static final String MIGRATIONS = "classpath:db/identity";

    private IdentityPersistence() {}
}
