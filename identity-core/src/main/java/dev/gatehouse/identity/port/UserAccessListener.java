package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;

/**
 * Told, inside the changing transaction, that a user lost what their account gave them: disabled, deprovisioned,
 * deleted, or moved to another authentication method. Credentials that act as the user (app passwords, API tokens) are
 * revoked this way.
 */
@FunctionalInterface
public interface UserAccessListener {
    void accessEnded(SiteId site, UserId user, String why);
}
