package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.regex.Pattern;

/**
 * A site's short name, used in URLs ({@code /s/<slug>/}) and to route logins: 2–40 characters, lower-case letters,
 * digits and hyphens, starting with a letter.
 */
public record SiteSlug(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    public static final String ALLOWED =
            "use 2 to 40 lower-case letters, digits and hyphens, starting with a letter (for example 'engineering')";

    public SiteSlug {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw ValidationException.of(
                    "slug", "'" + Texts.printable(value) + "' is not a valid site slug; " + ALLOWED);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
