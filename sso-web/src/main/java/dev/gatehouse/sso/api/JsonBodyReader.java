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
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies as a JSON object, at most {@value #MAX_BYTES} bytes unless the parameter carries a {@link
 * BodyLimit}: a larger body is answered 413 before it is parsed; bytes that are not UTF-8, malformed JSON and JSON the
 * parser refuses (such as nesting beyond its depth) 400 naming the body.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER - 100)
public class JsonBodyReader implements MessageBodyReader<JsonObject> {
    static final int MAX_BYTES = 64 * 1024;
    /** Looked up once: {@code Json.createReader} searches for the provider on every call. */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    private static int limit(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof BodyLimit limit) {
                return limit.bytes();
            }
        }
        return MAX_BYTES;
    }

    /** The body as text; bytes that are not UTF-8 are refused instead of replaced. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("body", "is not valid UTF-8; send JSON encoded as UTF-8");
        }
    }

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
        return read(annotations, entity);
    }

    /** The body as one JSON object, with the limits and refusals above; shared by the typed request reader. */
    static JsonObject read(Annotation[] annotations, InputStream entity) throws IOException {
        int limit = limit(annotations);
        byte[] bytes = entity.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new WebApplicationException("the request body is larger than " + limit + " bytes", 413);
        }
        if (bytes.length == 0) {
            throw ValidationException.of("body", "is empty; send a JSON object");
        }
        String text = utf8(bytes);
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw ValidationException.of(
                    "body",
                    "is not valid JSON at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + "; send a JSON object");
        } catch (JsonException | ClassCastException e) {
            throw ValidationException.of("body", "is not a JSON object; send a JSON object such as {\"name\": \"…\"}");
        } catch (RuntimeException | StackOverflowError e) {
            // the parser's own limits, such as its nesting depth
            throw ValidationException.of(
                    "body", "cannot be read as JSON (nested too deeply or too large); send a plain JSON object");
        }
    }
}
