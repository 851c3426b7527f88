package dev.gatehouse.identity.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who hands identities to the pipeline, and what it may vouch for.
 *
 * <p><b>Rule.</b> A source may assert only user and group keys in its own {@linkplain LinkKey#authority() authority}: an
 * Entra provider only keys of its own tenant(s), the directory only {@code objectGUID}s, a SCIM client only SCIM ids. So
 * a second provider cannot create or claim {@code entra:<another tenant>:<oid>} and squat a user, or assert a group of
 * another tenant and gain that group's folders.
 *
 * @param method the authentication method users of this source have: a user assigned to another method is refused, and
 *     a user created just in time gets this one
 * @param authorities the key namespaces this source vouches for, such as {@code entra:<tenant id>}
 * @param justInTime unknown identities become users at their first sign-in
 */
public record IdentitySource(AuthMethod method, Set<String> authorities, boolean justInTime) {
    public IdentitySource {
        Objects.requireNonNull(method, "method");
        authorities = Set.copyOf(authorities);
    }

    /** A sign-in provider's source: its users have the method {@code sso:<provider id>}. */
    public static IdentitySource provider(ProviderId provider, Set<String> authorities, boolean justInTime) {
        return new IdentitySource(new AuthMethod.Sso(provider), authorities, justInTime);
    }

    public boolean vouchesFor(LinkKey key) {
        return authorities.contains(key.authority());
    }

    public boolean vouchesFor(GroupKey key) {
        return authorities.contains(key.authority());
    }

    /** The name the audit log shows for what this source did, such as {@code sso:<provider id>} or {@code directory}. */
    public Actor actor() {
        return new Actor(null, method.code());
    }
}
