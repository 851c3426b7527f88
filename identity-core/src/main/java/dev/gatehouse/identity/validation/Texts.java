package dev.gatehouse.identity.validation;

/** Makes received values safe to quote in an error message or a log line. */
public final class Texts {
    private static final int MAX_QUOTED = 80;

    private Texts() {}

    /** Control characters become {@code \\uXXXX}, and long values are cut to 80 characters with an ellipsis. */
    public static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED + 8));
        for (int i = 0; i < value.length() && i < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
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
}
