package dev.gatehouse.sso.oidc.client;

import com.nimbusds.jwt.JWTClaimsSet;
import org.pac4j.core.credentials.Credentials;

/** The validated claims of an ID token, with where the user goes afterwards. The token itself is not kept. */
public final class OidcCredentials extends Credentials {
    private static final long serialVersionUID = 1L;

    private final transient JWTClaimsSet claims;
    private final String target;

    public OidcCredentials(JWTClaimsSet claims, String target) {
        this.claims = claims;
        this.target = target;
    }

    public JWTClaimsSet claims() {
        return claims;
    }

    /** The Gatehouse-relative path the sign-in was started for, already checked against the allowlist. */
    public String target() {
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "OidcCredentials[" + target + "]";
    }
}
