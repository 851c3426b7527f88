package dev.gatehouse.sso.scim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.SiteId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entra's two PATCH dialects (security.md C4), as Microsoft documents its requests. */
class PatchesTest {
    static final ScimSettings DEFAULTS =
            ScimSettings.defaults(new SiteId(java.util.UUID.randomUUID()), java.time.Instant.EPOCH);

    static ObjectNode user() {
        return Resources.parse(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "id":"5e1f3c6a-7b2d-4c8e-9f0a-1b2c3d4e5f60","externalId":"alice","userName":"alice@contoso.com",
                 "active":true,"name":{"givenName":"Alice","familyName":"Smith","formatted":"Alice Smith"},
                 "emails":[{"value":"alice@contoso.com","type":"work","primary":true}]}
                """);
    }

    static ObjectNode patch(String operations) {
        return Resources.parse(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}");
    }

    static ObjectNode patched(String operations) {
        ObjectNode user = user();
        Patches.apply(user, Patches.operations(patch(operations)));
        return user;
    }

    @Test
    void theDefaultDialectDisablesWithACapitalisedReplaceAndAStringBoolean() {
        ObjectNode user = patched("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");

        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(UserResources.toData(user, DEFAULTS).active()).isFalse();
        assertThat(UserResources.toData(
                                patched("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]"), DEFAULTS)
                        .active())
                .isTrue();
    }

    @Test
    void theSiteChoosesWhereTheDisplayNameAndEMailComeFrom() {
        ObjectNode user = user();
        user.put("displayName", "Ally S.");
        user.putArray("emails").addObject().put("value", "ally@private.example").put("type", "home");
        ScimSettings chosen = new ScimSettings(
                DEFAULTS.site(),
                DEFAULTS.newUserMethod(),
                null,
                null,
                ScimSettings.DeletePolicy.DISABLE,
                ScimSettings.TokenScheme.BEARER,
                ScimSettings.DisplayNameSource.DISPLAY_NAME,
                ScimSettings.EmailSource.USER_NAME,
                java.time.Instant.EPOCH);

        assertThat(UserResources.toData(user, DEFAULTS).displayName()).isEqualTo("Alice Smith");
        assertThat(UserResources.toData(user, DEFAULTS).email()).isEqualTo("ally@private.example");
        assertThat(UserResources.toData(user, chosen).displayName()).isEqualTo("Ally S.");
        assertThat(UserResources.toData(user, chosen).email()).isEqualTo("alice@contoso.com");
    }

    @Test
    void theNewDialectReplacesWithoutAPathUsingDottedKeysAndBooleans() {
        ObjectNode user = patched(
                """
                [{"op":"replace","value":{"active":false,"name.givenName":"Alicia",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Research"}}]
                """);

        Provisioning.UserData data = UserResources.toData(user, DEFAULTS);
        assertThat(data.active()).isFalse();
        assertThat(data.displayName()).isEqualTo("Alicia Smith");
        assertThat(user.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department")
                        .asText())
                .isEqualTo("Research");
    }

    @Test
    void aComplexValueChangesOnlyTheSubAttributesItNames() {
        ObjectNode user = patched("[{\"op\":\"replace\",\"path\":\"name\",\"value\":{\"familyName\":\"Jones\"}}]");

        assertThat(user.at("/name/givenName").asText()).isEqualTo("Alice");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Jones");
    }

    @Test
    void anEmailChangedThroughAFilterPathIsReplacedOrAddedWhenNoneMatches() {
        ObjectNode replaced = patched(
                "[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@contoso.com\"}]");
        assertThat(replaced.at("/emails/0/value").asText()).isEqualTo("a@contoso.com");
        assertThat(replaced.get("emails")).hasSize(1);

        ObjectNode added = patched("[{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\","
                + "\"value\":\"+1 555 0100\"}]");
        assertThat(added.at("/phoneNumbers/0/type").asText()).isEqualTo("mobile");
        assertThat(added.at("/phoneNumbers/0/value").asText()).isEqualTo("+1 555 0100");
    }

    @Test
    void theManagerArrivesAsAPlainIdAndRolesAsAJsonString() {
        ObjectNode user = patched(
                """
                [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                  "value":"2819c223-7f76-453a-919d-413861904646"},
                 {"op":"Add","path":"roles","value":"[{\\"value\\":\\"Admin\\",\\"primary\\":true}]"}]
                """);

        assertThat(user.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value")
                        .asText())
                .isEqualTo("2819c223-7f76-453a-919d-413861904646");
        assertThat(user.at("/roles/0/value").asText()).isEqualTo("Admin");
    }

    @Test
    void memberRemovalKeepsBothOfEntrasForms() {
        List<Patches.Op> ops = Patches.operations(
                patch(
                        """
                [{"op":"Remove","path":"members","value":[{"value":"u1"},{"value":"u2"}]},
                 {"op":"remove","path":"members[value eq \\"u3\\"]"},
                 {"op":"add","path":"members","value":[{"value":"u4"}]}]
                """));

        assertThat(ops)
                .extracting(Patches.Op::type)
                .containsExactly(Patches.Type.REMOVE, Patches.Type.REMOVE, Patches.Type.ADD);
        assertThat(GroupResources.memberIds(ops.get(0).value())).containsExactly("u1", "u2");
        assertThat(ops.get(1).path()).isEqualTo("members[value eq \"u3\"]");
    }

    @Test
    void badOperationsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> Patches.operations(patch("[{\"op\":\"Move\",\"path\":\"active\",\"value\":1}]")))
                .isInstanceOf(ScimError.class)
                .hasMessageContaining("op must be");
        assertThatThrownBy(() -> Patches.operations(patch("[{\"op\":\"remove\"}]")))
                .isInstanceOf(ScimError.class)
                .extracting(e -> ((ScimError) e).scimType())
                .isEqualTo("noTarget");
        assertThatThrownBy(() -> Patches.operations(patch("[]")))
                .isInstanceOf(ScimError.class)
                .hasMessageContaining("Operations");
        assertThatThrownBy(() ->
                        patched("[{\"op\":\"replace\",\"path\":\"emails[type xx \\\"work\\\"].value\",\"value\":1}]"))
                .isInstanceOf(ScimError.class)
                .extracting(e -> ((ScimError) e).scimType())
                .isEqualTo("invalidPath");
        assertThatThrownBy(() -> patched("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"Maybe\"}]"))
                .isInstanceOf(ScimError.class)
                .hasMessageContaining("active");
    }
}
