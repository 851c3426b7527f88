package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One request of a provisioning client, as the provisioning log keeps it: never a value of a secret, and of the
 * resource only which fields changed.
 *
 * @param resource the path below the site, such as {@code Users/<id>} or {@code Groups?filter}
 * @param outcome {@code created}, {@code updated}, {@code deleted}, {@code found 1}, or the SCIM error type and detail
 * @param changed the attributes the request changed, comma-separated
 */
public record ProvisioningEntry(
        UUID id,
        Instant at,
        SiteId site,
        String method,
        String resource,
        int status,
        String outcome,
        String changed,
        int durationMillis) {
    public ProvisioningEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(changed, "changed");
    }
}
