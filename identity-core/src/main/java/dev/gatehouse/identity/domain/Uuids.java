package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: exactly 36 characters, hex digits and four hyphens (the JDK accepts shorter forms). */
public final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    public static boolean isCanonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    public static UUID parse(String field, String text) {
        if (!isCanonical(text)) {
            throw ValidationException.of(
                    field,
                    "'" + Texts.printable(text)
                            + "' is not an identifier; expected 36 characters of hex digits and hyphens, such as"
                            + " 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        }
        return UUID.fromString(text);
    }
}
