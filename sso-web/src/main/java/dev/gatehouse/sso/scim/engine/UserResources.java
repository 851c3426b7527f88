package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.domain.ScimResource;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserState;
import java.util.List;
import java.util.Set;

/**
 * SCIM users to and from {@link Provisioning}'s records. Gatehouse's own fields win on the way out: {@code id},
 * {@code userName} (the login), {@code active} (the user's state); everything else the client wrote is returned as it
 * was written. On the way in, {@code userName} is the login and, when no e-mail is sent, the e-mail; {@code givenName}
 * and {@code familyName} make the display name ({@code displayName} is kept but does not rename the user); a
 * {@code password} is never kept.
 */
public final class UserResources {
    /** Attributes that are Gatehouse's or never stored: the rest of a user is kept as the client sent it. */
    private static final Set<String> NOT_STORED =
            Set.of("id", "meta", "schemas", "username", "active", "externalid", "password", "groups");

    private UserResources() {}

    /** The user as a SCIM client sees it. */
    public static ObjectNode toJson(Provisioning.ProvisionedUser provisioned, String base) {
        User user = provisioned.user();
        ObjectNode stored = provisioned
                .resource()
                .map(r -> Resources.parse(r.attributes()))
                .orElseGet(() -> JsonUtils.getJsonNodeFactory().objectNode());
        ObjectNode json = JsonUtils.getJsonNodeFactory().objectNode();
        var schemas = json.putArray("schemas").add(ScimSchemas.USER);
        if (stored.has(ScimSchemas.ENTERPRISE_USER)) {
            schemas.add(ScimSchemas.ENTERPRISE_USER);
        }
        json.put("id", user.id().toString());
        provisioned.resource().map(ScimResource::externalId).ifPresent(id -> json.put("externalId", id));
        json.put("userName", user.login().value());
        json.put("active", user.state() == UserState.ENABLED);
        json.setAll(stored);
        if (!json.has("displayName")) {
            json.put("displayName", user.displayName());
        }
        if (!json.has("name")) {
            json.putObject("name").put("formatted", user.displayName());
        }
        if (!json.has("emails") && user.email() != null) {
            json.putArray("emails")
                    .addObject()
                    .put("value", user.email().toString())
                    .put("type", "work")
                    .put("primary", true);
        }
        String created = provisioned
                .resource()
                .map(r -> r.createdAt())
                .orElse(user.createdAt())
                .toString();
        String modified = latest(user, provisioned).toString();
        Resources.meta(json, "User", base + "/Users/" + user.id(), created, modified);
        return json;
    }

    private static java.time.Instant latest(User user, Provisioning.ProvisionedUser provisioned) {
        java.time.Instant updated = user.updatedAt();
        return provisioned
                .resource()
                .map(ScimResource::updatedAt)
                .filter(updated::isBefore)
                .orElse(updated);
    }

    /** The user a client wrote ({@code POST}, {@code PUT}, or the result of a {@code PATCH}), mapped as the site says. */
    public static Provisioning.UserData toData(ObjectNode body, ScimSettings settings) {
        return toData(
                body,
                settings.objectIdAttribute(),
                settings.displayNameFrom() == ScimSettings.DisplayNameSource.DISPLAY_NAME,
                settings.emailFrom() == ScimSettings.EmailSource.USER_NAME);
    }

    private static Provisioning.UserData toData(
            ObjectNode body, String objectIdAttribute, boolean displayNameFirst, boolean emailFromUserName) {
        JsonNode userName = body.get("userName");
        if (userName == null || !userName.isTextual() || userName.asText().isBlank()) {
            throw ScimError.invalidValue("userName is required: the user's sign-in name, such as jane@contoso.com");
        }
        JsonNode externalId = body.get("externalId");
        if (externalId != null && !externalId.isNull() && !externalId.isTextual()) {
            throw ScimError.invalidValue("externalId must be a string");
        }
        boolean active = Resources.bool(body.get("active"), "active", true);
        String objectId = objectIdAttribute == null ? null : Resources.text(body, objectIdAttribute);
        ObjectNode attributes = JsonUtils.getJsonNodeFactory().objectNode();
        body.fields().forEachRemaining(field -> {
            if (!NOT_STORED.contains(field.getKey().toLowerCase(java.util.Locale.ROOT))) {
                attributes.set(field.getKey(), field.getValue());
            }
        });
        return new Provisioning.UserData(
                userName.asText().strip(),
                externalId == null || externalId.isNull() ? null : externalId.asText(),
                active,
                displayNameFirst
                                && body.path("displayName").isTextual()
                                && !body.path("displayName").asText().isBlank()
                        ? body.path("displayName").asText().strip()
                        : displayName(body),
                emailFromUserName && userName.asText().contains("@")
                        ? userName.asText().strip()
                        : email(body, userName.asText().strip()),
                objectId,
                Resources.write(attributes));
    }

    private static String displayName(ObjectNode body) {
        JsonNode name = body.path("name");
        String given = name.path("givenName").asText("").strip();
        String family = name.path("familyName").asText("").strip();
        String joined = (given + " " + family).strip();
        if (!joined.isEmpty()) {
            return joined;
        }
        String formatted = name.path("formatted").asText("").strip();
        if (!formatted.isEmpty()) {
            return formatted;
        }
        String display = body.path("displayName").asText("").strip();
        return display.isEmpty() ? null : display;
    }

    /** The primary e-mail, else the work one, else the first; else the userName when it is an address. */
    private static String email(ObjectNode body, String userName) {
        JsonNode emails = body.path("emails");
        if (emails.isArray() && !emails.isEmpty()) {
            for (String pick : List.of("primary", "work", "first")) {
                for (JsonNode email : emails) {
                    boolean match =
                            switch (pick) {
                                case "primary" -> email.path("primary")
                                        .asText("")
                                        .equalsIgnoreCase("true");
                                case "work" -> email.path("type").asText("").equalsIgnoreCase("work");
                                default -> true;
                            };
                    if (match && email.path("value").isTextual()) {
                        return email.path("value").asText();
                    }
                }
            }
        }
        return userName.contains("@") ? userName : null;
    }
}
