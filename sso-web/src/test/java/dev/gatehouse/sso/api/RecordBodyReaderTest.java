package dev.gatehouse.sso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.validation.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Typed request bodies are bound as strictly as the hand-written reading was. */
class RecordBodyReaderTest {
    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void fieldsBindByNameAndAbsentOnesAreNull() {
        Requests.GroupRequest group =
                RecordBodyReader.bind(json("{\"name\":\"Sales\"}"), Requests.GroupRequest.class, "");
        assertThat(group.name()).isEqualTo("Sales");
        assertThat(group.description()).isNull();
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedTogetherNamingTheField() {
        assertThatThrownBy(() ->
                        RecordBodyReader.bind(json("{\"name\":7,\"colour\":\"red\"}"), Requests.GroupRequest.class, ""))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("colour: is not a known field; allowed fields are [description, name]");
        assertThatThrownBy(() -> RecordBodyReader.bind(json("{\"name\":7}"), Requests.GroupRequest.class, ""))
                .hasMessageContaining("name: must be a JSON string, not a number");
    }

    @Test
    void listItemsAreBoundWithTheirIndexInErrors() {
        String body = "{\"user\":\"u\",\"requests\":[{\"action\":\"read\",\"path\":\"/a\"},"
                + "{\"action\":\"read\",\"path\":5},\"nonsense\"]}";
        assertThatThrownBy(() -> RecordBodyReader.bind(json(body), Requests.DecisionBatchRequest.class, ""))
                .hasMessageContaining("requests[1].path: must be a JSON string")
                .hasMessageContaining("requests[2]: must be a JSON object");
        Requests.DecisionBatchRequest ok = RecordBodyReader.bind(
                json("{\"user\":\"u\",\"requests\":[{\"action\":\"read\",\"path\":\"/a\",\"bytes\":3}]}"),
                Requests.DecisionBatchRequest.class,
                "");
        assertThat(ok.requests()).singleElement().satisfies(item -> {
            assertThat(item.path()).isEqualTo("/a");
            assertThat(item.bytes().toString()).isEqualTo("3");
        });
    }

    @Test
    void secretsStayOutOfToString() {
        Requests.UserRequest user = RecordBodyReader.bind(
                json("{\"login\":\"jane\",\"displayName\":\"Jane\",\"password\":\"a long passphrase here\"}"),
                Requests.UserRequest.class,
                "");
        assertThat(user.password()).isEqualTo("a long passphrase here");
        assertThat(user.toString()).doesNotContain("passphrase");
        assertThat(new Requests.PasswordRequest("a long passphrase here").toString())
                .doesNotContain("passphrase");
        assertThat(new Requests.ProviderRequest(
                                "Entra", true, "oidc", json("{\"clientSecret\":\"a long passphrase here\"}"))
                        .toString())
                .doesNotContain("passphrase");
    }
}
