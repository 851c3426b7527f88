package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.domain.ScimResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SCIM groups to and from {@link Provisioning}'s records: {@code displayName} is the group's name (unique in the site),
 * {@code members} its direct members; the rest of what the client wrote is returned as written.
 */
public final class GroupResources {
    private static final Set<String> NOT_STORED =
            Set.of("id", "meta", "schemas", "displayname", "externalid", "members");

    private GroupResources() {}

    /** @param members the member ids, or {@code null} when the client excluded them */
    public static ObjectNode toJson(Provisioning.ProvisionedGroup provisioned, List<String> members, String base) {
        ObjectNode stored = provisioned
                .resource()
                .map(r -> Resources.parse(r.attributes()))
                .orElseGet(() -> JsonUtils.getJsonNodeFactory().objectNode());
        ObjectNode json = JsonUtils.getJsonNodeFactory().objectNode();
        json.putArray("schemas").add(ScimSchemas.GROUP);
        String id = provisioned.group().id().toString();
        json.put("id", id);
        provisioned.resource().map(ScimResource::externalId).ifPresent(e -> json.put("externalId", e));
        json.put("displayName", provisioned.group().name().value());
        json.setAll(stored);
        if (members != null) {
            ArrayNode array = json.putArray("members");
            members.forEach(member -> array.addObject().put("value", member));
        }
        String created = provisioned
                .resource()
                .map(ScimResource::createdAt)
                .orElse(provisioned.group().createdAt())
                .toString();
        String modified = provisioned
                .resource()
                .map(ScimResource::updatedAt)
                .orElse(provisioned.group().createdAt())
                .toString();
        Resources.meta(json, "Group", base + "/Groups/" + id, created, modified);
        return json;
    }

    public static Provisioning.GroupData toData(ObjectNode body) {
        JsonNode name = body.get("displayName");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw ScimError.invalidValue("displayName is required: the group's name");
        }
        JsonNode externalId = body.get("externalId");
        if (externalId != null && !externalId.isNull() && !externalId.isTextual()) {
            throw ScimError.invalidValue("externalId must be a string");
        }
        ObjectNode attributes = JsonUtils.getJsonNodeFactory().objectNode();
        body.fields().forEachRemaining(field -> {
            if (!NOT_STORED.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                attributes.set(field.getKey(), field.getValue());
            }
        });
        return new Provisioning.GroupData(
                name.asText().strip(),
                externalId == null || externalId.isNull() ? null : externalId.asText(),
                Resources.write(attributes));
    }

    /** The member ids of a {@code members} value: an array of {@code {"value": id}} (or of ids). */
    public static List<String> memberIds(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return ids;
        }
        for (JsonNode member : value.isArray() ? value : List.of(value)) {
            JsonNode id = member.isObject() ? member.get("value") : member;
            if (id == null || !id.isTextual()) {
                throw ScimError.invalidValue("members must be a list of {\"value\": \"<user or group id>\"}");
            }
            ids.add(id.asText());
        }
        return ids;
    }
}
