package dev.gatehouse.sso.oidc.engine;

/**
 * An OpenID Connect answer was refused. The reason and the message are for the audit log (they never contain a token);
 * people see a generic page.
 */
public class OidcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the answer was refused. */
    public enum Reason {
        /** Not a well-formed answer or token. */
        MALFORMED,
        /** Unsigned ({@code alg: none}) or signed with an algorithm outside the provider's allow-list. */
        ALGORITHM,
        /** No key of the provider's key set verifies the signature. */
        SIGNATURE,
        /** The issuer is not the provider's (for Entra: of an allowed tenant). */
        ISSUER,
        /** The token names a tenant the provider does not trust. */
        TENANT,
        /** The token is not for this client. */
        AUDIENCE,
        /** Expired, not yet valid, or issued at an implausible time. */
        TIME,
        /** The nonce is missing or not the one sent. */
        NONCE,
        /** {@code c_hash} or {@code at_hash} does not match the code or access token. */
        HASH,
        /** The state is missing, unknown, already used, expired, or belongs to another browser. */
        STATE,
        /** The identity provider answered with an error (the user cancelled, consent missing). */
        PROVIDER_ERROR,
        /** The provider's discovery document, keys or token endpoint could not be used. */
        UNAVAILABLE
    }

    private final Reason reason;

    public OidcException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason + ": " + super.getMessage();
    }
}
