package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * A login that may be given to a user now (created, renamed, provisioned): besides the shape, it must not pass for
     * another login. Following the Unicode security mechanisms (UTS #39), each part between {@code . _ @ + -} uses the
     * letters of one script (so a Cyrillic {@code а} in {@code аdmin} is refused, while {@code иван.петров@contoso.com}
     * is fine), and the login must be in NFKC form (no full-width or other compatibility letters). Logins already stored
     * are read as they are.
     */
    public static Login assignable(String text) {
        Login login = new Login(text);
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            throw ValidationException.of(
                    "login",
                    "'" + Texts.printable(text) + "' contains compatibility characters (such as full-width letters)"
                            + " that look like others; type it with ordinary letters");
        }
        for (String part : login.value.split("[._@+\\-]")) {
            Set<Character.UnicodeScript> scripts = new TreeSet<>();
            part.codePoints()
                    .filter(Character::isLetter)
                    .mapToObj(Character.UnicodeScript::of)
                    .filter(script ->
                            script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED)
                    .forEach(scripts::add);
            if (scripts.size() > 1) {
                throw ValidationException.of(
                        "login",
                        "'" + Texts.printable(text) + "' mixes letters of the scripts " + scripts + " in '"
                                + Texts.printable(part) + "', so it can pass for another login; use the letters of one"
                                + " script in each part");
            }
        }
        return login;
    }

    @Override
    public String toString() {
        return value;
    }
}
