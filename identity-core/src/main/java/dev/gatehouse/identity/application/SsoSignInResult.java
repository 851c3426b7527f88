package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.User;

/** The outcome of an SSO sign-in once the protocol part succeeded. */
public sealed interface SsoSignInResult {
    /** Signed in; {@code created} when the user was provisioned just in time. */
    record Success(User user, boolean created) implements SsoSignInResult {}

    /** No user is linked to this identity and just-in-time provisioning is off (or impossible). */
    record UnknownUser(String reason) implements SsoSignInResult {}

    /** The linked user must sign in another way (another provider, a password, the directory). */
    record WrongMethod(User user) implements SsoSignInResult {}

    /** The linked user is disabled. */
    record Disabled(User user) implements SsoSignInResult {}
}
