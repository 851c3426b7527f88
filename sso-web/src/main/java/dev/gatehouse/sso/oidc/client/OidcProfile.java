package dev.gatehouse.sso.oidc.client;

import org.pac4j.core.profile.CommonProfile;

/**
 * The pac4j profile of an OpenID Connect sign-in: Entra attributes under the
 * {@link dev.gatehouse.sso.identity.EntraProfile} names, plus the token's {@code sub} (never used to link accounts).
 */
public final class OidcProfile extends CommonProfile {
    private static final long serialVersionUID = 1L;
}
