package dev.gatehouse.identity.credential;

/** A stored secret could not be decrypted: wrong master key, or a damaged value. Carries no secret material. */
public class SecretCipherException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretCipherException(String message) {
        super(message);
    }
}
