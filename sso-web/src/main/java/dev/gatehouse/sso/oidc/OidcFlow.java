package dev.gatehouse.sso.oidc;

/** Which OpenID Connect flow a provider uses. */
public enum OidcFlow {
    /** Authorization code with PKCE, answered by form_post: the default and the recommended flow. */
    CODE_PKCE,
    /** Legacy implicit/hybrid (id_token + access token in the front channel), kept only for old app registrations. */
    LEGACY_IMPLICIT
}
