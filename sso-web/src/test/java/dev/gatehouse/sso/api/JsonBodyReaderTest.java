package dev.gatehouse.sso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.validation.ValidationException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bodies the parser cannot take are 400s naming the body, never 500s (hardening points 7 and 8). */
class JsonBodyReaderTest {
    final JsonBodyReader reader = new JsonBodyReader();

    @SuppressWarnings("unused")
    void upload(@BodyLimit(bytes = 1024 * 1024) JsonObject body) {}

    JsonObject read(byte[] body, Annotation... annotations) throws Exception {
        return reader.readFrom(
                JsonObject.class, JsonObject.class, annotations, null, null, new ByteArrayInputStream(body));
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("body: is not valid UTF-8");
    }

    @Test
    void nestingBeyondTheParsersDepthIsABadRequest() {
        byte[] body = ("{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("body:");
    }

    @Test
    void aParameterWithABodyLimitTakesUploadedMetadata() throws Exception {
        Annotation limit =
                getClass().getDeclaredMethod("upload", JsonObject.class).getParameterAnnotations()[0][0];
        String xml = "x".repeat(200_000);
        JsonObject read = read(("{\"xml\":\"" + xml + "\"}").getBytes(StandardCharsets.UTF_8), limit);
        assertThat(read.getString("xml")).hasSize(200_000);
    }
}
