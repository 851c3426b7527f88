package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.User;

/** The outcome of an SSO sign-in once the protocol part succeeded. */
public sealed interface SsoSignInResult {
    /**
     * Signed in.
     *
     * @param created the user was provisioned just in time
     * @param changed the user or their memberships changed, so what depends on them (storage decisions) is stale
     */
    record Success(User user, boolean created, boolean changed) implements SsoSignInResult {}

    /** No user is linked to this identity and just-in-time provisioning is off (or impossible). */
    record UnknownUser(String reason) implements SsoSignInResult {}

    /** The linked user must sign in another way (another provider, a password, the directory). */
    record WrongMethod(User user) implements SsoSignInResult {}

    /** The linked user is disabled. */
    record Disabled(User user) implements SsoSignInResult {}
}
