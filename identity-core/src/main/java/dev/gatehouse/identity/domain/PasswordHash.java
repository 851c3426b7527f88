package dev.gatehouse.identity.domain;

import java.util.Objects;

/**
 * The encoded result of a slow key-derivation function over a password, never the password itself. Its
 * {@link #toString()} does not reveal it.
 *
 * @param encoded self-describing encoding, such as {@code pbkdf2-sha256$600000$<salt>$<hash>}
 */
public record PasswordHash(String encoded) {
    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
