package dev.gatehouse.sso.api;

import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.signin.SettingsInput;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of a JSON request body: only the named fields are accepted, each with the type it must have. Every
 * problem is reported at once, naming the field. Absent fields read as {@code null}.
 */
final class JsonInput implements SettingsInput {
    private final JsonObject body;

    /** Put before field names in errors: {@code settings.} for the fields of a nested {@code settings} object. */
    private final String prefix;

    private JsonInput(JsonObject body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    /** @throws ValidationException naming each unknown field and listing the allowed ones */
    static JsonInput of(JsonObject body, Set<String> allowed) {
        return of(body, allowed, "");
    }

    /** As {@link #of(JsonObject, Set)}, with {@code prefix} before the field names in errors. */
    static JsonInput of(JsonObject body, Set<String> allowed, String prefix) {
        if (body == null) {
            throw ValidationException.of(
                    "body", "is missing; send a JSON object with the fields " + new TreeSet<>(allowed));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!allowed.contains(field)) {
                errors.add(new FieldError(
                        prefix + field, "is not a known field; allowed fields are " + new TreeSet<>(allowed)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new JsonInput(body, prefix);
    }

    @Override
    public String string(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw ValidationException.of(prefix + field, "must be a JSON string, not " + kind(value));
    }

    @Override
    public Boolean bool(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Boolean.TRUE;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Boolean.FALSE;
        }
        throw ValidationException.of(prefix + field, "must be true or false, not " + kind(value));
    }

    @Override
    public Integer integer(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw ValidationException.of(prefix + field, "is too large; use a whole number below 2147483648");
            }
        }
        throw ValidationException.of(prefix + field, "must be a whole number, not " + kind(value));
    }

    @Override
    public List<String> strings(String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof jakarta.json.JsonArray array) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonString text)) {
                    throw ValidationException.of(
                            prefix + field + "[" + i + "]", "must be a JSON string, not " + kind(array.get(i)));
                }
                values.add(text.getString());
            }
            return values;
        }
        throw ValidationException.of(prefix + field, "must be a JSON array of strings, not " + kind(value));
    }

    /**
     * A count of bytes: a whole number from 0 to {@link Long#MAX_VALUE}, checked on the exact value (a number of 2^63
     * or more is refused, not wrapped).
     *
     * @param allowed what the field takes, for the message
     */
    static long byteCount(JsonValue value, String field, String allowed) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            java.math.BigInteger exact = number.bigIntegerValue();
            if (exact.signum() >= 0 && exact.bitLength() < 64) {
                return exact.longValueExact();
            }
        }
        throw ValidationException.of(field, "must be " + allowed + " (at most " + Long.MAX_VALUE + ")");
    }

    /** A nested object given as a value (a typed request's raw field), checked like {@link #object}. */
    static JsonInput nested(JsonObject value, String field, Set<String> allowed) {
        jakarta.json.JsonObjectBuilder wrapper = jakarta.json.Json.createObjectBuilder();
        if (value != null) {
            wrapper.add(field, value);
        }
        return new JsonInput(wrapper.build(), "").object(field, allowed);
    }

    /** A nested object, checked like the body; errors name its fields with this field's name first ("settings.x"). */
    JsonInput object(String field, Set<String> allowed) {
        JsonValue value = body.get(field);
        if (!(value instanceof jakarta.json.JsonObject nested)) {
            throw ValidationException.of(
                    prefix + field, "is required and must be a JSON object with the fields " + new TreeSet<>(allowed));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String key : nested.keySet()) {
            if (!allowed.contains(key)) {
                errors.add(new FieldError(
                        prefix + field + "." + key,
                        "is not a known field; allowed fields are " + new TreeSet<>(allowed)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new JsonInput(nested, prefix + field + ".");
    }

    boolean has(String field) {
        return body.containsKey(field);
    }

    boolean isNull(String field) {
        return body.containsKey(field) && body.get(field).getValueType() == JsonValue.ValueType.NULL;
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number (" + ((JsonNumber) value) + ")";
            case STRING -> "a string";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
