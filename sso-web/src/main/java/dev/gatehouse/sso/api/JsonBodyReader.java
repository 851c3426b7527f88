package dev.gatehouse.sso.api;

import dev.gatehouse.identity.validation.ValidationException;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads request bodies as a JSON object, at most {@value #MAX_BYTES} bytes: a larger body is answered 413 before it is
 * parsed, malformed JSON 400 with the position of the error.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER - 100)
public class JsonBodyReader implements MessageBodyReader<JsonObject> {
    static final int MAX_BYTES = 64 * 1024;
    /** Looked up once: {@code Json.createReader} searches for the provider on every call. */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(
            Class<JsonObject> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        byte[] bytes = entity.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WebApplicationException("the request body is larger than " + MAX_BYTES + " bytes", 413);
        }
        if (bytes.length == 0) {
            throw ValidationException.of("body", "is empty; send a JSON object");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw ValidationException.of(
                    "body",
                    "is not valid JSON at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + "; send a JSON object");
        } catch (JsonException | ClassCastException e) {
            throw ValidationException.of("body", "is not a JSON object; send a JSON object such as {\"name\": \"…\"}");
        }
    }
}
