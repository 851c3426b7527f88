package dev.gatehouse.identity.credential;

import dev.gatehouse.identity.validation.ValidationException;

/**
 * What a local password must be: at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters, not all
 * the same character. Length over composition rules, as NIST SP 800-63B recommends.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {}

    /** @param field the input's name, used in the error */
    public static void check(String field, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw ValidationException.of(
                    field,
                    "is too short (" + (password == null ? 0 : password.length) + " characters); use at least "
                            + MIN_LENGTH + " characters, a passphrase of several words works well");
        }
        if (password.length > MAX_LENGTH) {
            throw ValidationException.of(field, "is longer than " + MAX_LENGTH + " characters; use a shorter one");
        }
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == password[0];
        }
        if (allSame) {
            throw ValidationException.of(field, "repeats one character; choose a password that is hard to guess");
        }
    }
}
