package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;

/**
 * The schema URNs and the discovery documents (RFC 7644 §4): {@code ServiceProviderConfig}, {@code ResourceTypes}
 * and {@code Schemas} for the core User, the enterprise extension and Group, with the attributes Gatehouse keeps.
 */
public final class ScimSchemas {
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String SP_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /** The most resources one page of a list answers with; a larger {@code count} is lowered to it. */
    public static final int MAX_RESULTS = 1000;

    private static final JsonNodeFactory NODES = JsonUtils.getJsonNodeFactory();

    private ScimSchemas() {}

    /** @param basic the site's SCIM clients authenticate by HTTP Basic rather than a bearer token */
    public static ObjectNode serviceProviderConfig(String base, boolean basic) {
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add(SP_CONFIG);
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", MAX_RESULTS);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        ObjectNode scheme = config.putArray("authenticationSchemes").addObject();
        if (basic) {
            scheme.put("type", "httpbasic")
                    .put("name", "HTTP Basic")
                    .put("description", "The user name and password of a SCIM token of the site");
        } else {
            scheme.put("type", "oauthbearertoken")
                    .put("name", "Bearer token")
                    .put("description", "A SCIM token of the site as a bearer token (Entra's Secret Token)");
        }
        scheme.put("primary", true);
        config.set("meta", meta("ServiceProviderConfig", base + "/ServiceProviderConfig"));
        return config;
    }

    public static ArrayNode resourceTypes(String base) {
        ArrayNode types = NODES.arrayNode();
        types.add(resourceType(base, "User", "/Users", USER, "User Account", List.of(ENTERPRISE_USER)));
        types.add(resourceType(base, "Group", "/Groups", GROUP, "Group", List.of()));
        return types;
    }

    private static ObjectNode resourceType(
            String base, String name, String endpoint, String schema, String description, List<String> extensions) {
        ObjectNode type = NODES.objectNode();
        type.putArray("schemas").add(RESOURCE_TYPE);
        type.put("id", name).put("name", name).put("endpoint", endpoint).put("description", description);
        type.put("schema", schema);
        ArrayNode schemaExtensions = type.putArray("schemaExtensions");
        extensions.forEach(
                urn -> schemaExtensions.addObject().put("schema", urn).put("required", false));
        type.set("meta", meta("ResourceType", base + "/ResourceTypes/" + name));
        return type;
    }

    public static ArrayNode schemas(String base) {
        ArrayNode schemas = NODES.arrayNode();
        schemas.add(schema(
                base,
                USER,
                "User",
                "User Account",
                List.of(
                        attr("userName", "string", false, true, false, "readWrite", "server"),
                        complex(
                                "name",
                                false,
                                attr("formatted", "string"),
                                attr("familyName", "string"),
                                attr("givenName", "string"),
                                attr("middleName", "string"),
                                attr("honorificPrefix", "string"),
                                attr("honorificSuffix", "string")),
                        attr("displayName", "string"),
                        attr("nickName", "string"),
                        attr("title", "string"),
                        attr("userType", "string"),
                        attr("preferredLanguage", "string"),
                        attr("locale", "string"),
                        attr("timezone", "string"),
                        attr("active", "boolean"),
                        multi("emails"),
                        multi("phoneNumbers"),
                        complex(
                                "addresses",
                                true,
                                attr("type", "string"),
                                attr("formatted", "string"),
                                attr("streetAddress", "string"),
                                attr("locality", "string"),
                                attr("region", "string"),
                                attr("postalCode", "string"),
                                attr("country", "string"),
                                attr("primary", "boolean")),
                        multi("roles"),
                        complex(
                                "groups",
                                true,
                                attr("value", "string", false, false, false, "readOnly", "none"),
                                attr("display", "string", false, false, false, "readOnly", "none")))));
        schemas.add(schema(
                base,
                ENTERPRISE_USER,
                "EnterpriseUser",
                "Enterprise User",
                List.of(
                        attr("employeeNumber", "string"),
                        attr("costCenter", "string"),
                        attr("organization", "string"),
                        attr("division", "string"),
                        attr("department", "string"),
                        complex("manager", false, attr("value", "string"), attr("displayName", "string")))));
        schemas.add(schema(
                base,
                GROUP,
                "Group",
                "Group",
                List.of(
                        attr("displayName", "string", false, true, false, "readWrite", "server"),
                        complex("members", true, attr("value", "string"), attr("display", "string")))));
        return schemas;
    }

    private static ObjectNode schema(
            String base, String id, String name, String description, List<ObjectNode> attributes) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("schemas").add(SCHEMA);
        schema.put("id", id).put("name", name).put("description", description);
        schema.putArray("attributes").addAll(attributes);
        schema.set("meta", meta("Schema", base + "/Schemas/" + id));
        return schema;
    }

    private static ObjectNode attr(String name, String type) {
        return attr(name, type, false, false, false, "readWrite", "none");
    }

    private static ObjectNode attr(
            String name,
            String type,
            boolean multiValued,
            boolean required,
            boolean caseExact,
            String mutability,
            String uniqueness) {
        ObjectNode attribute = NODES.objectNode();
        attribute.put("name", name).put("type", type).put("multiValued", multiValued);
        attribute.put("required", required).put("caseExact", caseExact).put("mutability", mutability);
        attribute.put("returned", "default").put("uniqueness", uniqueness);
        return attribute;
    }

    private static ObjectNode multi(String name) {
        return complex(
                name,
                true,
                attr("value", "string"),
                attr("display", "string"),
                attr("type", "string"),
                attr("primary", "boolean"));
    }

    private static ObjectNode complex(String name, boolean multiValued, ObjectNode... subAttributes) {
        ObjectNode attribute = attr(name, "complex", multiValued, false, false, "readWrite", "none");
        attribute.putArray("subAttributes").addAll(List.of(subAttributes));
        return attribute;
    }

    static ObjectNode meta(String resourceType, String location) {
        ObjectNode meta = NODES.objectNode();
        meta.put("resourceType", resourceType).put("location", location);
        return meta;
    }

    /** A ListResponse of {@code resources}, which are the page starting at {@code startIndex}. */
    public static ObjectNode listResponse(
            List<? extends com.fasterxml.jackson.databind.JsonNode> resources, long total, int startIndex) {
        ObjectNode list = NODES.objectNode();
        list.putArray("schemas").add(LIST_RESPONSE);
        list.put("totalResults", total);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return list;
    }
}
