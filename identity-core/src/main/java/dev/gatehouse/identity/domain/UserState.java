package dev.gatehouse.identity.domain;

/**
 * Whether a user may sign in. {@link #DISABLED} is reversible (an admin, or SCIM {@code active=false});
 * {@link #DEPROVISIONED} means the source of the account removed it: it keeps the record and its links for audit, but
 * nothing may sign in as it.
 */
public enum UserState {
    ENABLED,
    DISABLED,
    DEPROVISIONED
}
