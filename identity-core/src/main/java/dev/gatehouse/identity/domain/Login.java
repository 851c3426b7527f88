package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's sign-in name within a site, unique per site and compared case-insensitively (it is stored lower-case):
 * 1–256 characters of letters, digits and {@code . _ @ + -}, such as {@code jane.doe} or a UPN
 * {@code jane.doe@contoso.com}. A login is mutable; it is never used to link an external identity.
 */
public record Login(String value) {
    private static final Pattern SHAPE = Pattern.compile("[\\p{L}\\p{N}._@+\\-]{1,256}");
    public static final String ALLOWED =
            "use 1 to 256 letters, digits and . _ @ + - (for example jane.doe@contoso.com)";

    public Login {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw ValidationException.of("login", "'" + Texts.printable(value) + "' is not a valid login; " + ALLOWED);
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
