package dev.gatehouse.sso.saml.engine;

/**
 * A SAML message was refused. The {@link Reason} decides what the user is told; the message is for the audit log and
 * names what was wrong without quoting the assertion, a signature or any other secret.
 */
public class SamlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a message was refused; each reason maps to one page a user understands. */
    public enum Reason {
        /** Not XML, not SAML, a DOCTYPE, too large, or a structure Gatehouse does not accept. */
        MALFORMED,
        /** No signature, a broken one, one by a key that is not trusted, or one with a disallowed shape. */
        SIGNATURE,
        /** Issuer, audience, destination or recipient names someone else. */
        WRONG_PARTY,
        /** Outside its validity window (with the configured skew). */
        EXPIRED,
        /** InResponseTo names no outstanding request, or an unsolicited response where the provider forbids it. */
        UNEXPECTED,
        /** This assertion was already used. */
        REPLAYED,
        /** The identity provider answered with a non-success status. */
        IDP_REFUSED
    }

    private final Reason reason;

    public SamlException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SamlException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
