package dev.gatehouse.sso.errors;

import dev.gatehouse.identity.application.ConflictException;
import dev.gatehouse.identity.application.IdentityException;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.persistence.DatabaseUnavailableException;
import dev.gatehouse.storage.application.PolicyUnavailableException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an expected failure means to whoever asked, decided once for the REST API (a problem document), the console (the
 * page again with messages) and user pages: the status, its title, the detail, the field errors and, for an outage,
 * when to try again. Anything not listed here is unexpected: a 500 whose details go to the server log only.
 *
 * @param fields field name to message (several messages of one field joined by "; ")
 * @param retryAfterSeconds for {@code Retry-After}; 0 for none
 */
public record Failure(int status, String title, String detail, Map<String, String> fields, int retryAfterSeconds) {
    public Failure {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The failure an exception stands for, or empty when it is unexpected. */
    public static Optional<Failure> of(Throwable e) {
        if (e instanceof ValidationException invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldError error : invalid.errors()) {
                fields.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            }
            return Optional.of(
                    new Failure(400, "Bad Request", "the input is not valid: " + invalid.getMessage(), fields, 0));
        }
        if (e instanceof NotFoundException notFound) {
            return Optional.of(new Failure(404, "Not Found", notFound.getMessage(), Map.of(), 0));
        }
        if (e instanceof ConflictException conflict) {
            return Optional.of(new Failure(
                    409,
                    "Conflict",
                    conflict.getMessage(),
                    conflict.field() == null ? Map.of() : Map.of(conflict.field(), conflict.getMessage()),
                    0));
        }
        if (e instanceof IdentityException refused) {
            return Optional.of(new Failure(409, "Conflict", refused.getMessage(), Map.of(), 0));
        }
        if (e instanceof PolicyUnavailableException unavailable) {
            return Optional.of(new Failure(
                    503, "Service Unavailable", "decision denied: " + unavailable.getMessage(), Map.of(), 5));
        }
        if (e instanceof DatabaseUnavailableException) {
            return Optional.of(new Failure(
                    503, "Service Unavailable", "the database is unavailable; try again shortly", Map.of(), 5));
        }
        return Optional.empty();
    }

    /** The messages a page shows: each field error as "field: message", or the detail. */
    public List<String> messages() {
        return fields.isEmpty()
                ? List.of(detail)
                : fields.entrySet().stream()
                        .map(field -> field.getKey() + ": " + field.getValue())
                        .toList();
    }
}
