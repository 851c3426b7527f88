package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.SiteId;

/**
 * Told, inside the deleting transaction, that a user or group of a site is being deleted, so that what other modules
 * keep about it (storage access entries, quotas) goes with it.
 */
public interface PrincipalRemovalListener {
    void removed(SiteId site, PrincipalId principal);
}
