package dev.gatehouse.sso.saml.web;

import dev.gatehouse.identity.domain.ProviderId;
import java.io.Serializable;

/** Kept in the HTTP session of a SAML sign-in: what single logout needs to name the IdP session. */
public record SamlSession(ProviderId provider, String nameId, String nameIdFormat, String sessionIndex)
        implements Serializable {
    public static final String SESSION_ATTRIBUTE = "gatehouse.samlSession";
}
