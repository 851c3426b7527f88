package dev.gatehouse.sso.oidc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code application/x-www-form-urlencoded} text (a form body, a query string) as the test doubles need it. */
public final class FormData {
    private FormData() {}

    /** The fields of the text, the last value of a repeated one; an empty or {@code null} text has none. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
