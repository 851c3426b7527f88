package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "scim_settings")
final class ScimSettingsEntity {
    @Id
    @Column(name = "site_id")
    UUID siteId;

    @Column(name = "new_user_method", nullable = false, length = 60)
    String newUserMethod;

    @Column(name = "tenant_id", length = 36)
    String tenantId;

    @Column(name = "object_id_attribute", length = 200)
    String objectIdAttribute;

    @Column(name = "delete_policy", nullable = false, length = 10)
    String deletePolicy;

    @Column(name = "token_scheme", nullable = false, length = 10)
    String tokenScheme;

    @Column(name = "display_name_from", nullable = false, length = 20)
    String displayNameFrom;

    @Column(name = "email_from", nullable = false, length = 20)
    String emailFrom;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ScimSettingsEntity() {}

    ScimSettingsEntity(ScimSettings settings) {
        siteId = settings.site().value();
        copy(settings);
    }

    void copy(ScimSettings settings) {
        newUserMethod = settings.newUserMethod().code();
        tenantId = settings.tenant() == null ? null : settings.tenant().toString();
        objectIdAttribute = settings.objectIdAttribute();
        deletePolicy = settings.deletePolicy().name();
        tokenScheme = settings.tokenScheme().name();
        displayNameFrom = settings.displayNameFrom().name();
        emailFrom = settings.emailFrom().name();
        updatedAt = settings.updatedAt();
    }

    ScimSettings toDomain() {
        return new ScimSettings(
                new SiteId(siteId),
                AuthMethod.parse("newUserMethod", newUserMethod),
                tenantId == null ? null : EntraTenantId.parse("tenantId", tenantId),
                objectIdAttribute,
                ScimSettings.DeletePolicy.valueOf(deletePolicy),
                ScimSettings.TokenScheme.valueOf(tokenScheme),
                ScimSettings.DisplayNameSource.valueOf(displayNameFrom),
                ScimSettings.EmailSource.valueOf(emailFrom),
                updatedAt);
    }
}
