package dev.gatehouse.sso.oidc.config;

/** Which OpenID Connect flow a provider uses. Every flow answers by {@code response_mode=form_post}. */
public enum OidcFlow {
    /** Authorization code with PKCE (S256): the default and the recommended flow. Tokens never pass the browser. */
    CODE_PKCE("code"),
    /**
     * Legacy hybrid ({@code code id_token}): the ID token comes from the authorization endpoint, bound to the code by
     * {@code c_hash}; the code is then exchanged as in {@link #CODE_PKCE}. For app registrations that enable "ID tokens"
     * under implicit grant, as QNAP's guide does.
     */
    LEGACY_HYBRID("code id_token"),
    /**
     * Legacy implicit ({@code id_token}): the ID token comes from the authorization endpoint and nothing else; no
     * client secret is needed. The token passes through the browser, so it is only as safe as the nonce; kept for
     * app registrations that cannot change.
     */
    LEGACY_IMPLICIT("id_token");

    private final String responseType;

    OidcFlow(String responseType) {
        this.responseType = responseType;
    }

    /** The {@code response_type} of the authentication request. */
    public String responseType() {
        return responseType;
    }

    /** Whether the code is exchanged at the token endpoint (with the client secret and the PKCE verifier). */
    public boolean exchangesCode() {
        return this != LEGACY_IMPLICIT;
    }

    /** Whether the ID token comes from the authorization endpoint, through the browser. */
    public boolean frontChannelToken() {
        return this != CODE_PKCE;
    }

    /** Whether the flow is a legacy one, labelled so in the console and the API. */
    public boolean legacy() {
        return this != CODE_PKCE;
    }
}
