package dev.gatehouse.identity.domain;

import java.util.List;
import java.util.Objects;

/**
 * Who an identity provider says signed in, already reduced to Gatehouse's terms. Only {@link #key()} identifies the
 * user; the login, name and e-mail are kept up to date from it but never used to find anyone.
 *
 * @param login the UPN (or the name claim), used as the login of a user created just in time
 * @param email optional
 * @param groups object IDs of the Entra groups sent with the sign-in
 * @param groupsOverage the provider left groups out (Entra's groups.link): memberships are kept, not removed
 */
public record ExternalIdentity(
        LinkKey.Entra key,
        String login,
        String displayName,
        String email,
        List<EntraObjectId> groups,
        boolean groupsOverage) {
    public ExternalIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        groups = List.copyOf(groups);
    }
}
