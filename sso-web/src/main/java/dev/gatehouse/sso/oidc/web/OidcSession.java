package dev.gatehouse.sso.oidc.web;

import dev.gatehouse.identity.domain.ProviderId;
import java.io.Serializable;

/** Kept in the HTTP session of an OpenID Connect sign-in: which provider's session logout should end. */
public record OidcSession(ProviderId provider) implements Serializable {
    public static final String SESSION_ATTRIBUTE = "gatehouse.oidcSession";
}
