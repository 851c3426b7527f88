package dev.gatehouse.sso.oidc.client;

import java.io.Serializable;

/**
 * What an OpenID Connect sign-in must check its answer against, kept with its state in the sign-in state store.
 *
 * @param nonce sent in the request; the ID token must carry it
 * @param codeVerifier the PKCE verifier; {@code null} for the implicit flow
 * @param browserBinding SHA-256 (Base64url) of the value of the cookie set on the browser that started the sign-in
 */
public record OidcPending(String nonce, String codeVerifier, String browserBinding) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "OidcPending[…]";
    }
}
