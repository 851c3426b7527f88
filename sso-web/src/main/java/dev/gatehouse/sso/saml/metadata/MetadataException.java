package dev.gatehouse.sso.saml.metadata;

/** IdP metadata cannot be fetched or is not acceptable; the message says what and how to fix it. */
public class MetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
