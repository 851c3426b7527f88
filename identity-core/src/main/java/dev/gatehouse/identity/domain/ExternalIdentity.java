package dev.gatehouse.identity.domain;

import java.util.List;
import java.util.Objects;

/**
 * Who an external source (an SSO provider, the directory, a SCIM client) says a user is, already reduced to Gatehouse's
 * terms. Only {@link #key()} identifies the user; the login, name and e-mail are kept up to date from it but never used
 * to find anyone.
 *
 * @param login the UPN, {@code sAMAccountName} or SCIM {@code userName}, used as the login of a user created just in
 *     time
 * @param email optional
 * @param groups the groups the source says the user belongs to
 * @param groupsOverage the source left groups out (Entra's groups overage): memberships are kept, not removed
 */
public record ExternalIdentity(
        LinkKey key,
        String login,
        String displayName,
        String email,
        List<ExternalGroup> groups,
        boolean groupsOverage) {
    public ExternalIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "ExternalIdentity[" + key.kind() + ":" + key.value() + ", " + groups.size() + " groups"
                + (groupsOverage ? ", overage" : "") + "]";
    }
}
