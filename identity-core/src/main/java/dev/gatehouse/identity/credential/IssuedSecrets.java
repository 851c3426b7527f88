package dev.gatehouse.identity.credential;

import dev.gatehouse.identity.domain.CredentialKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The form of every secret Gatehouse generates ({@link CredentialKind}): {@code <prefix><id><secret>}, where the prefix
 * names the kind ({@code ghs_}, {@code gha_}, {@code ghp_}), the id is the credential's UUID (22 base64url characters)
 * and the secret 256 random bits (43 base64url characters). The first 26 characters are the credential's <em>user
 * name</em> where a client needs one (HTTP Basic), the last 43 its password.
 *
 * <p>Only the SHA-256 of the secret part is stored: a slow hash adds nothing to 256 random bits and would cost every
 * SCIM request or file-client login a PBKDF2. The comparison is in constant time.
 */
public final class IssuedSecrets {
    static final int ID_CHARS = 22;
    static final int SECRET_BYTES = 32;
    static final int SECRET_CHARS = 43;
    static final int PREFIX_CHARS = 4;

    /** The whole secret's length: prefix, id and secret. */
    public static final int LENGTH = PREFIX_CHARS + ID_CHARS + SECRET_CHARS;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();

    /** A new secret for credential {@code id}; hand {@link Generated#secret()} out once and keep only the hash. */
    public Generated generate(CredentialKind kind, UUID id) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = ENCODER.encodeToString(bytes);
        return new Generated(userName(kind, id) + secret, hash(secret));
    }

    /** The public part of a credential's secret: its kind's prefix and its id. */
    public static String userName(CredentialKind kind, UUID id) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return kind.prefix() + ENCODER.encodeToString(buffer.array());
    }

    /** Splits a whole secret as a bearer token carries it; empty when it is not one of {@code kind}. */
    public static Optional<Presented> parse(CredentialKind kind, String whole) {
        if (whole == null || whole.length() != LENGTH) {
            return Optional.empty();
        }
        return parse(kind, whole.substring(0, PREFIX_CHARS + ID_CHARS), whole.substring(PREFIX_CHARS + ID_CHARS));
    }

    /** A user name and password as HTTP Basic carries them; empty when they are not a credential of {@code kind}. */
    public static Optional<Presented> parse(CredentialKind kind, String userName, String password) {
        if (userName == null
                || password == null
                || userName.length() != PREFIX_CHARS + ID_CHARS
                || password.length() != SECRET_CHARS
                || !userName.startsWith(kind.prefix())) {
            return Optional.empty();
        }
        byte[] id;
        try {
            id = DECODER.decode(userName.substring(PREFIX_CHARS));
            DECODER.decode(password);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (id.length != 16) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new Presented(new UUID(buffer.getLong(), buffer.getLong()), password));
    }

    /** Whether {@code presented} is the secret whose hash is {@code storedHash}, in constant time. */
    public static boolean matches(Presented presented, String storedHash) {
        return MessageDigest.isEqual(
                hash(presented.secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A generated secret, whole, and the hash to store. */
    public record Generated(String secret, String hash) {
        @Override
        public String toString() {
            return "Generated[****]";
        }
    }

    /** A presented credential: the id it names and the secret part to check. */
    public static final class Presented {
        private final UUID id;
        private final String secret;

        Presented(UUID id, String secret) {
            this.id = id;
            this.secret = secret;
        }

        public UUID id() {
            return id;
        }

        @Override
        public String toString() {
            return "Presented[" + id + ", ****]";
        }
    }
}
