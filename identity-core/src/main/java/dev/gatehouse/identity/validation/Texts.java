package dev.gatehouse.identity.validation;

/** Makes received values safe to quote in an error message or a log line, and finds characters free text must not have. */
public final class Texts {
    private static final int MAX_QUOTED = 80;

    private Texts() {}

    /**
     * Control and bidirectional-formatting characters become {@code \\uXXXX}, and long values are cut to 80 characters
     * with an ellipsis.
     */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED + 8));
        for (int i = 0; i < value.length() && i < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX_QUOTED) {
            out.append('…');
        }
        return out.toString();
    }

    /**
     * The first character that free text (names, descriptions) must not contain, or -1: control characters (NUL, line
     * breaks, escapes: they forge log lines and break pages) and bidirectional formatting characters (they make text
     * read differently from what it is, such as U+202E RIGHT-TO-LEFT OVERRIDE).
     */
    public static int firstUnsafeCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                return c;
            }
        }
        return -1;
    }

    /** The value without the characters {@link #firstUnsafeCharacter} finds, for text from outside sources. */
    public static String withoutUnsafeCharacters(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars()
                .filter(c -> !Character.isISOControl(c) && !isBidiControl((char) c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
