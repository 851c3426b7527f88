package dev.gatehouse.sso.api;

import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body into the typed record the resource method declares, as strictly as {@link JsonInput}: only the
 * record's components are accepted as fields, each with its JSON type; every problem is reported at once naming the
 * field ({@code requests[2].path} inside lists). Absent fields read as {@code null}; whether a field is required is
 * the service's rule. A component of type {@link JsonValue} or {@link JsonObject} takes the raw value, for the fields
 * whose shape depends on another one (a provider's settings) or where an explicit {@code null} means something.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER - 100)
public class RecordBodyReader implements MessageBodyReader<Record> {
    /** A record type's components, field names and constructor, looked up once per type. */
    private record Shape(
            RecordComponent[] components, Set<String> fields, java.lang.reflect.Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Set<String> fields = new LinkedHashSet<>();
            Arrays.stream(components).map(RecordComponent::getName).forEach(fields::add);
            try {
                java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new Shape(components, Set.copyOf(fields), constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("request type " + type.getName() + " cannot be built", e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        return bind(JsonBodyReader.read(annotations, entity), type, "");
    }

    /** Binds a JSON object to a record; {@code prefix} goes before the field names in errors. */
    static <R extends Record> R bind(JsonObject object, Class<R> type, String prefix) {
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        JsonInput input = JsonInput.of(object, shape.fields(), prefix);
        Object[] values = new Object[components.length];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = value(input, object, components[i], prefix);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            return type.cast(shape.constructor().newInstance(values));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("request type " + type.getName() + " cannot be built", e);
        }
    }

    private static Object value(JsonInput input, JsonObject object, RecordComponent component, String prefix) {
        String name = component.getName();
        Class<?> type = component.getType();
        if (type == String.class) {
            return input.string(name);
        }
        if (type == Boolean.class) {
            return input.bool(name);
        }
        if (type == Integer.class) {
            return input.integer(name);
        }
        if (type == JsonValue.class) {
            return object.get(name);
        }
        if (type == JsonObject.class) {
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonObject nested) {
                return nested;
            }
            throw ValidationException.of(prefix + name, "must be a JSON object");
        }
        if (type == List.class) {
            return list(object.get(name), component, prefix + name);
        }
        throw new IllegalStateException("request field type " + type + " of " + name + " is not supported");
    }

    private static List<Object> list(JsonValue value, RecordComponent component, String field) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw ValidationException.of(field, "must be a JSON array");
        }
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        List<Object> items = new ArrayList<>(array.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemField = field + "[" + i + "]";
            try {
                if (element instanceof Class<?> itemType && itemType.isRecord()) {
                    if (!(array.get(i) instanceof JsonObject item)) {
                        throw ValidationException.of(itemField, "must be a JSON object");
                    }
                    @SuppressWarnings("unchecked")
                    Class<? extends Record> recordType = (Class<? extends Record>) itemType;
                    items.add(bind(item, recordType, itemField + "."));
                } else if (element == String.class) {
                    if (!(array.get(i) instanceof jakarta.json.JsonString text)) {
                        throw ValidationException.of(itemField, "must be a JSON string");
                    }
                    items.add(text.getString());
                } else {
                    throw new IllegalStateException("request list type " + element + " is not supported");
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return items;
    }
}
