package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.SiteId;

/**
 * Told, after the transaction committed, that users, groups or memberships of a site changed, so that what other
 * modules derived from them (the storage decision index) is rebuilt before its next use.
 */
public interface IdentityChangeListener {
    void identitiesChanged(SiteId site);
}
