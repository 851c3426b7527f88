package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PATCH requests (RFC 7644 §3.5.2) in either of Entra's dialects, reduced to plain operations and applied.
 *
 * <p><b>What is accepted as Entra means it.</b> Operation names in any case ({@code Add}, {@code replace}); the
 * booleans {@code "True"}/{@code "False"} as strings; a path-less {@code replace} whose value holds attributes, dotted
 * sub-attributes ({@code "name.givenName"}) or extension URNs; a complex value as a set of sub-attributes to change (the
 * others stay, RFC 7644 §3.5.2.3); the manager as a plain id; roles as a JSON string; an e-mail, phone number or
 * address changed through a filter path ({@code emails[type eq "work"].value}) that matches nothing yet, which adds
 * it. Member removal as a value list or as {@code members[value eq "…"]} is read by the group endpoint from the
 * operations as normalised here.
 */
public final class Patches {
    /** Operations one PATCH may carry: Entra sends up to a few hundred members per request. */
    public static final int MAX_OPERATIONS = 10_000;

    private Patches() {}

    public enum Type {
        ADD,
        REPLACE,
        REMOVE
    }

    /** One plain operation: a path ({@code null}: the resource itself) and a value. */
    public record Op(Type type, String path, JsonNode value) {}

    /** The operations of a PATCH body, normalised. */
    public static List<Op> operations(ObjectNode body) {
        JsonNode operations = field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimError.invalidSyntax("Operations is required: a list of {\"op\", \"path\", \"value\"}");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ScimError(
                    413, null, "at most " + MAX_OPERATIONS + " operations per PATCH; split the change into several");
        }
        List<Op> ops = new ArrayList<>();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw ScimError.invalidSyntax("each operation must be an object with op, path and value");
            }
            JsonNode opNode = field((ObjectNode) operation, "op");
            Type type = type(opNode == null ? null : opNode.asText(null));
            JsonNode pathNode = field((ObjectNode) operation, "path");
            String path = pathNode == null || pathNode.isNull()
                    ? null
                    : pathNode.asText().strip();
            if (path != null && path.isEmpty()) {
                path = null;
            }
            JsonNode value = field((ObjectNode) operation, "value");
            if (type == Type.REMOVE) {
                if (path == null) {
                    throw ScimError.noTarget("a remove operation needs a path, such as members[value eq \"<id>\"]");
                }
                ops.add(new Op(type, path, value));
            } else {
                if (value == null || value.isNull()) {
                    throw ScimError.invalidValue("the " + type.name().toLowerCase(Locale.ROOT) + " operation"
                            + (path == null ? "" : " on " + path) + " needs a value");
                }
                expand(type, path, value, ops);
            }
        }
        return ops;
    }

    /** A path-less or complex value becomes one operation per attribute it sets. */
    private static void expand(Type type, String path, JsonNode value, List<Op> ops) {
        JsonNode normalised = path == null ? value : value(path, value);
        if (normalised.isObject() && (path == null || isPlainAttribute(path))) {
            if (path != null && normalised.isEmpty()) {
                return;
            }
            for (Map.Entry<String, JsonNode> field : iterable(normalised)) {
                String sub = path == null
                        ? field.getKey()
                        : path.startsWith("urn:") && isSchemaUrn(path)
                                ? path + ":" + field.getKey()
                                : path + "." + field.getKey();
                if (path == null
                        && isSchemaUrn(field.getKey())
                        && field.getValue().isObject()) {
                    expand(type, field.getKey(), field.getValue(), ops);
                } else if (path == null) {
                    expand(type, sub, field.getValue(), ops);
                } else {
                    ops.add(new Op(type, sub, value(sub, field.getValue())));
                }
            }
            return;
        }
        if (path == null) {
            throw ScimError.invalidValue("a path-less " + type.name().toLowerCase(Locale.ROOT)
                    + " needs an object of attributes as its value");
        }
        ops.add(new Op(type, path, normalised));
    }

    /** Entra's value forms as RFC 7643 types: string booleans, a plain manager id, roles as a JSON string. */
    static JsonNode value(String path, JsonNode value) {
        String last = lastAttribute(path);
        if (value.isTextual()) {
            String text = value.asText();
            if ("active".equals(last) || "primary".equals(last)) {
                if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
                    throw ScimError.invalidValue(path + " must be true or false");
                }
                return BooleanNode.valueOf("true".equalsIgnoreCase(text));
            }
            if ("manager".equals(last)) {
                return JsonUtils.getJsonNodeFactory().objectNode().put("value", text);
            }
            if ("roles".equals(last) && (text.startsWith("[") || text.startsWith("{"))) {
                JsonNode parsed = Resources.parse("{\"roles\":" + text + "}").get("roles");
                return parsed.isArray()
                        ? parsed
                        : JsonUtils.getJsonNodeFactory().arrayNode().add(parsed);
            }
        }
        return value;
    }

    /** Applies operations to a resource (a user, or a group without its members). */
    public static void apply(ObjectNode resource, List<Op> ops) {
        for (Op op : ops) {
            Path path = path(op.path());
            try {
                if (op.type() == Type.REMOVE) {
                    PatchOperation.remove(path).apply(resource);
                } else if (hasValueFilter(path)) {
                    applyFiltered(resource, path, op.value());
                } else if (op.type() == Type.ADD) {
                    PatchOperation.add(path, op.value()).apply(resource);
                } else {
                    PatchOperation.replace(path, op.value()).apply(resource);
                }
            } catch (ScimException e) {
                String scimType = e.getScimError().getScimType();
                throw new ScimError(
                        400,
                        scimType == null ? "invalidValue" : scimType,
                        "the " + op.type().name().toLowerCase(Locale.ROOT) + " of " + op.path() + " failed: "
                                + e.getMessage());
            }
        }
    }

    /**
     * {@code attr[filter].sub = value}: sets {@code sub} on every value of {@code attr} the filter matches; when none
     * does and the filter is an equality ({@code type eq "work"}), adds a value that matches it.
     */
    private static void applyFiltered(ObjectNode resource, Path path, JsonNode value) throws ScimException {
        if (path.size() != 1 && !(path.size() == 2 && path.getElement(1).getValueFilter() == null)) {
            throw ScimError.invalidPath("'" + path + "' is deeper than attr[filter].sub");
        }
        Path.Element element = path.getElement(0);
        String sub = path.size() == 2 ? path.getElement(1).getAttribute() : null;
        ObjectNode container = container(resource, path.getSchemaUrn());
        JsonNode existing = field(container, element.getAttribute());
        ArrayNode values;
        if (existing instanceof ArrayNode array) {
            values = array;
        } else {
            values = container.putArray(element.getAttribute());
        }
        boolean matched = false;
        for (JsonNode item : values) {
            if (item.isObject() && FilterEvaluator.evaluate(element.getValueFilter(), item)) {
                matched = true;
                if (sub == null) {
                    if (!value.isObject()) {
                        throw ScimError.invalidValue("the value for " + path + " must be an object");
                    }
                    ((ObjectNode) item).setAll((ObjectNode) value);
                } else {
                    ((ObjectNode) item).set(sub, value);
                }
            }
        }
        if (matched) {
            return;
        }
        Filter filter = element.getValueFilter();
        if (filter.getFilterType() != FilterType.EQUAL
                || filter.getAttributePath().size() != 1) {
            throw ScimError.noTarget("no value of " + element.getAttribute() + " matches " + filter);
        }
        ObjectNode added = values.addObject();
        added.set(filter.getAttributePath().getElement(0).getAttribute(), filter.getComparisonValue());
        if (sub == null) {
            if (!value.isObject()) {
                throw ScimError.invalidValue("the value for " + path + " must be an object");
            }
            added.setAll((ObjectNode) value);
        } else {
            added.set(sub, value);
        }
    }

    private static ObjectNode container(ObjectNode resource, String schemaUrn) {
        if (schemaUrn == null
                || schemaUrn.equalsIgnoreCase(ScimSchemas.USER)
                || schemaUrn.equalsIgnoreCase(ScimSchemas.GROUP)) {
            return resource;
        }
        JsonNode extension = field(resource, schemaUrn);
        if (extension instanceof ObjectNode object) {
            return object;
        }
        return resource.putObject(schemaUrn);
    }

    public static Path path(String text) {
        try {
            return Path.fromString(text);
        } catch (ScimException | RuntimeException e) {
            throw ScimError.invalidPath("'" + text + "' is not a SCIM attribute path: " + e.getMessage());
        }
    }

    private static boolean hasValueFilter(Path path) {
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlainAttribute(String path) {
        return !path.contains("[") && !lastAttribute(path).equals("manager") || isSchemaUrn(path);
    }

    static boolean isSchemaUrn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals(ScimSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT))
                || lower.equals(ScimSchemas.USER.toLowerCase(Locale.ROOT))
                || lower.equals(ScimSchemas.GROUP.toLowerCase(Locale.ROOT));
    }

    /** The last attribute name of a path, lower case: {@code givenName} of {@code name.givenName}. */
    static String lastAttribute(String path) {
        String plain = path.replaceAll("\\[[^\\]]*\\]", "");
        int cut = Math.max(plain.lastIndexOf('.'), plain.lastIndexOf(':'));
        return plain.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    private static Type type(String op) {
        if (op != null) {
            switch (op.strip().toLowerCase(Locale.ROOT)) {
                case "add":
                    return Type.ADD;
                case "replace":
                    return Type.REPLACE;
                case "remove":
                    return Type.REMOVE;
                default:
                    break;
            }
        }
        throw ScimError.invalidSyntax("op must be add, replace or remove (in any case)");
    }

    /** A field by name in any case, as SCIM attribute names are. */
    static JsonNode field(ObjectNode node, String name) {
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> field : iterable(node)) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
