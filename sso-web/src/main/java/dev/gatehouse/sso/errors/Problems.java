package dev.gatehouse.sso.errors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** RFC 9457 problem documents ({@code application/problem+json}), as every API error is answered. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    /** @param fieldErrors field name to message; may be empty */
    public static JsonObjectBuilder problem(int status, String title, String detail, Map<String, String> fieldErrors) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!fieldErrors.isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            fieldErrors.forEach((field, message) ->
                    errors.add(Json.createObjectBuilder().add("field", field).add("message", message)));
            json.add("errors", errors);
        }
        return json;
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(problem(status, title, detail, Map.of()).build().toString());
    }
}
