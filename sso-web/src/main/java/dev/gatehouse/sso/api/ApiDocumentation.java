package dev.gatehouse.sso.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document (registered as {@code mp.openapi.filter}): the problem document every error
 * answers with becomes the schema {@code Problem}, and each operation lists the error statuses it can answer — 400,
 * 401, 403, 404 and 503 for all, 409 and 413 for those that change something — besides its own success status. An
 * operation whose only response is the generated "default" gets it as {@code 200}.
 */
public class ApiDocumentation implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    private static final Map<String, String> ALWAYS = Map.of(
            "400", "The input is not valid; errors names each field and the fix",
            "401", "No or wrong credentials",
            "403", "Not allowed for this caller, or a cross-site request",
            "404", "No such site or item among the caller's",
            "503", "The database or the storage policy is unavailable; try again after Retry-After");

    private static final Map<String, String> CHANGES = Map.of(
            "409", "The change collides with existing data or a rule (the last break-glass administrator)",
            "413", "The request body is too large");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema fieldError = typed(Schema.SchemaType.OBJECT, false)
                .addProperty("field", typed(Schema.SchemaType.STRING, false))
                .addProperty("message", typed(Schema.SchemaType.STRING, false));
        openAPI.getComponents()
                .addSchema(
                        "Problem",
                        typed(Schema.SchemaType.OBJECT, false)
                                .description("An RFC 9457 problem document (application/problem+json)")
                                .addProperty("type", typed(Schema.SchemaType.STRING, false))
                                .addProperty("title", typed(Schema.SchemaType.STRING, false))
                                .addProperty("status", typed(Schema.SchemaType.INTEGER, false))
                                .addProperty("detail", typed(Schema.SchemaType.STRING, false))
                                .addProperty(
                                        "errors",
                                        typed(Schema.SchemaType.ARRAY, false).items(fieldError)));
        typeRawFields(openAPI.getComponents().getSchemas());
    }

    /**
     * Fields read as raw JSON because an explicit null means something (or the type is checked by hand for a precise
     * message) would show as "object": give them their real types.
     */
    private static void typeRawFields(Map<String, Schema> schemas) {
        for (String name : new String[] {"QuotaRequest", "DecisionRequest", "DecisionBatchItem", "UsageRequest"}) {
            Schema schema = schemas.get(name);
            if (schema != null
                    && schema.getProperties() != null
                    && schema.getProperties().containsKey("bytes")) {
                schema.addProperty(
                        "bytes",
                        typed(Schema.SchemaType.INTEGER, "QuotaRequest".equals(name))
                                .format("int64")
                                .minimum(java.math.BigDecimal.ZERO));
            }
        }
        Schema change = schemas.get("UserChangeRequest");
        if (change != null
                && change.getProperties() != null
                && change.getProperties().containsKey("email")) {
            change.addProperty("email", typed(Schema.SchemaType.STRING, true));
        }
    }

    /**
     * A schema of one type, {@code null} allowed or not, on either model of MicroProfile OpenAPI: 3.x (Payara 6:
     * {@code type(SchemaType)}, {@code nullable(Boolean)}) or 4.x (WildFly: {@code addType(SchemaType)}, {@code null}
     * as a second type). The EAR runs on both, so the one that exists is called.
     */
    static Schema typed(Schema.SchemaType type, boolean nullable) {
        Schema schema = OASFactory.createSchema();
        try {
            try {
                Schema.class.getMethod("addType", Schema.SchemaType.class).invoke(schema, type);
                if (nullable) {
                    Schema.class
                            .getMethod("addType", Schema.SchemaType.class)
                            .invoke(schema, Schema.SchemaType.valueOf("NULL"));
                }
            } catch (NoSuchMethodException version3) {
                Schema.class.getMethod("type", Schema.SchemaType.class).invoke(schema, type);
                if (nullable) {
                    Schema.class.getMethod("nullable", Boolean.class).invoke(schema, Boolean.TRUE);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the server's MicroProfile OpenAPI model cannot type a schema", e);
        }
        return schema;
    }

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.getOperations().forEach((method, operation) -> document(method, operation));
        return pathItem;
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse generated = responses.getAPIResponse("default");
        if (generated != null && !hasSuccess(responses)) {
            responses.removeAPIResponse("default");
            responses.addAPIResponse("200", generated.description("OK"));
        }
        add(responses, ALWAYS);
        if (method != PathItem.HttpMethod.GET) {
            add(responses, CHANGES);
        }
    }

    private static boolean hasSuccess(APIResponses responses) {
        return responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
    }

    private static void add(APIResponses responses, Map<String, String> statuses) {
        statuses.forEach((code, description) -> {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(
                        code,
                        OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                "application/problem+json",
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .ref(PROBLEM)))));
            }
        });
    }
}
