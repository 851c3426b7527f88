package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.regex.Pattern;

/** An e-mail address for notices. Mutable, informational, and never used to link accounts. */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{1,63}");

    public EmailAddress {
        if (value == null || value.length() > 320 || !SHAPE.matcher(value).matches()) {
            throw ValidationException.of(
                    "email",
                    "'" + Texts.printable(value) + "' is not an e-mail address; use the form name@example.com");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
