package dev.gatehouse.identity.credential;

import dev.gatehouse.identity.domain.PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashing with a 16-byte random salt. The encoding carries its iteration count
 * ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}), so the count can be raised later without breaking stored hashes;
 * {@link #needsRehash(PasswordHash)} says when a stored hash is weaker than the current setting.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code iterations}: default {@value #DEFAULT_ITERATIONS} (OWASP's figure for PBKDF2-HMAC-SHA256).</li>
 * </ul>
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final PasswordHash dummy;

    public PasswordHasher(int iterations) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("iterations " + iterations + " is too low; use at least 10000");
        }
        this.iterations = iterations;
        this.dummy = unmatchable();
    }

    /**
     * A well-formed hash at the current iteration count whose derived bytes are random: verifying any password
     * against it costs a full derivation and matches nothing (a 2^-256 chance). Nothing is derived to make it, so a
     * new hasher costs no start-up time.
     */
    private PasswordHash unmatchable() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] derived = new byte[HASH_BITS / 8];
        random.nextBytes(salt);
        random.nextBytes(derived);
        return encode(salt, derived);
    }

    private PasswordHash encode(byte[] salt, byte[] derived) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(
                PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived));
    }

    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(salt, derive(password, salt, iterations));
    }

    /** Constant-time comparison; an unreadable stored hash verifies nothing. */
    public boolean verify(char[] password, PasswordHash stored) {
        String[] parts = stored.encoded().split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spends the same time as a real verification; called when the user does not exist, so that response time does
     * not reveal which logins exist.
     */
    public void verifyNobody(char[] password) {
        verify(password, dummy);
    }

    /** The hash {@link #verifyNobody} verifies against. */
    PasswordHash nobody() {
        return dummy;
    }

    public boolean needsRehash(PasswordHash stored) {
        String[] parts = stored.encoded().split("\\$");
        return parts.length != 4 || !PREFIX.equals(parts[0]) || Integer.parseInt(parts[1]) < iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
