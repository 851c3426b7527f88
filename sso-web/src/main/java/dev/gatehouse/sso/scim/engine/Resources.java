package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Reading and writing SCIM JSON, with limits, and the version (ETag) of a resource. */
public final class Resources {
    /** Deepest nesting a SCIM body may have: Entra's deepest is 4 (a PATCH of a manager). */
    static final int MAX_DEPTH = 16;

    /** UnboundID's SCIM mapper (case-insensitive attribute names), reading at most {@link #MAX_DEPTH} levels. */
    private static final com.fasterxml.jackson.databind.ObjectMapper READER = JsonUtils.createObjectMapper();

    static {
        READER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build());
    }

    private Resources() {}

    /** Parses a request body; anything but a JSON object of sane depth is {@code invalidSyntax}. */
    public static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimError.invalidSyntax("the request has no body; send a JSON object");
        }
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimError.invalidSyntax("the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw ScimError.invalidSyntax("the body could not be read");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ScimError.invalidSyntax("the body must be a JSON object");
        }
        return object;
    }

    public static String write(JsonNode node) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SCIM resource could not be written", e);
        }
    }

    /** A weak ETag of the resource as the client sees it, {@code meta} aside. */
    public static String version(ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove("meta");
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(write(copy).getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 10) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Puts {@code meta} on a resource, its version last, computed over everything else. */
    static void meta(ObjectNode resource, String type, String location, String created, String lastModified) {
        resource.remove("meta");
        ObjectNode meta = ScimSchemas.meta(type, location);
        meta.put("created", created).put("lastModified", lastModified);
        String version = version(resource);
        resource.set("meta", meta);
        meta.put("version", version);
    }

    /** The text at {@code path} (such as {@code externalId} or an extension's attribute), or {@code null}. */
    static String text(ObjectNode resource, String path) {
        try {
            List<JsonNode> values = JsonUtils.findMatchingPaths(Path.fromString(path), resource);
            for (JsonNode value : values) {
                if (value.isTextual()) {
                    return value.asText();
                }
                if (value.isObject() && value.path("value").isTextual()) {
                    return value.path("value").asText();
                }
            }
            return null;
        } catch (ScimException e) {
            throw ScimError.invalidPath("'" + path + "' is not a SCIM attribute path: " + e.getMessage());
        }
    }

    /** A boolean as SCIM sends it, including Entra's {@code "True"} and {@code "False"} strings. */
    static boolean bool(JsonNode value, String attribute, boolean absent) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            if ("true".equalsIgnoreCase(value.asText())) {
                return true;
            }
            if ("false".equalsIgnoreCase(value.asText())) {
                return false;
            }
        }
        throw ScimError.invalidValue(attribute + " must be true or false");
    }
}
