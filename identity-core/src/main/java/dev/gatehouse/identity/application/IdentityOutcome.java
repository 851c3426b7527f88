package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.User;

/** What became of one external identity handed to the pipeline. */
public sealed interface IdentityOutcome {

    /**
     * The identity is a user of the site, now up to date.
     *
     * @param created the user was created just now
     * @param changed the user or their memberships changed, so what depends on them (storage decisions) is stale
     */
    record Success(User user, boolean created, boolean changed) implements IdentityOutcome {}

    /**
     * The identity was refused; nothing was changed for it.
     *
     * @param user the linked user, when there is one
     * @param reason a short reason, safe to show to the person signing in; the audit log has the details
     */
    record Refused(Refusal refusal, User user, String reason) implements IdentityOutcome {}

    /** Why an identity was refused. */
    enum Refusal {
        /** The source asserted a user or group key outside its authority (another tenant, another source's key). */
        UNTRUSTED,
        /** No user is linked and none may be created (just-in-time is off, no usable login, the login is taken). */
        UNKNOWN_USER,
        /** The linked user signs in another way (another provider, a password, the directory). */
        WRONG_METHOD,
        /** The linked user is disabled. */
        DISABLED,
        /** Simultaneous sign-ins of the same new identity kept colliding. */
        COLLIDED
    }
}
