package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.ScimResource;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.SiteId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SCIM's own records: the resources a SCIM client wrote and each site's SCIM settings. */
public interface ScimRepository {
    Optional<ScimResource> find(UUID subject);

    Map<UUID, ScimResource> findAll(Collection<UUID> subjects);

    Optional<ScimResource> findByExternalId(SiteId site, ScimResource.Type type, String externalId);

    void save(ScimResource resource);

    void delete(UUID subject);

    Optional<ScimSettings> settings(SiteId site);

    void save(ScimSettings settings);
}
