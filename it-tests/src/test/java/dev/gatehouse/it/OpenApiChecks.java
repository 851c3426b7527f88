package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is good enough to generate a client from: every request body has a schema with its fields, every
 * operation documents its success status and its errors, and errors have the problem schema.
 */
abstract class OpenApiChecks {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyRequestBodyIsTypedAndEveryOperationDocumentsItsResponses() {
        Http.Response document = Http.anonymous().get("/openapi", "Accept", "application/json");
        assertThat(document.status()).isEqualTo(200);
        JsonObject api = document.object();
        JsonObject schemas = api.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Problem").getJsonObject("properties"))
                .containsKeys("type", "title", "status", "detail", "errors");

        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : api.getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var entry : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonObject operation = entry.getValue().asJsonObject();
                JsonObject responses = operation.getJsonObject("responses");
                if (responses == null || responses.keySet().stream().noneMatch(code -> code.matches("2\\d\\d"))) {
                    problems.add(name + ": no documented success status");
                }
                if (responses == null || !responses.containsKey("400") || !responses.containsKey("503")) {
                    problems.add(name + ": errors not documented");
                }
                if (operation.containsKey("requestBody")) {
                    JsonValue schema = operation
                            .getJsonObject("requestBody")
                            .getJsonObject("content")
                            .getJsonObject("application/json")
                            .get("schema");
                    if (!(schema instanceof JsonObject typed)
                            || !typed.containsKey("$ref") && !typed.containsKey("properties")) {
                        problems.add(name + ": untyped request body " + schema);
                    } else if (typed.containsKey("$ref")) {
                        String ref = typed.getString("$ref");
                        JsonObject target = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
                        if (target == null || !target.containsKey("properties")) {
                            problems.add(name + ": request body " + ref + " has no fields");
                        }
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(problems).isEmpty();
    }
}
