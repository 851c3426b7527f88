package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the audit log; every criterion is optional (null).
 *
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(SiteId site, Instant from, Instant to, String actor, AuditType type, PageRequest pageRequest) {
    public Optional<SiteId> siteFilter() {
        return Optional.ofNullable(site);
    }
}
