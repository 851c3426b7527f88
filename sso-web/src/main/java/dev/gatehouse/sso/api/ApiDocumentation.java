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
        Schema fieldError = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        openAPI.getComponents()
                .addSchema(
                        "Problem",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("An RFC 9457 problem document (application/problem+json)")
                                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.ARRAY)
                                                .items(fieldError)));
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
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.INTEGER)
                                .format("int64")
                                .minimum(java.math.BigDecimal.ZERO)
                                .nullable("QuotaRequest".equals(name)));
            }
        }
        Schema change = schemas.get("UserChangeRequest");
        if (change != null
                && change.getProperties() != null
                && change.getProperties().containsKey("email")) {
            change.addProperty(
                    "email",
                    OASFactory.createSchema().type(Schema.SchemaType.STRING).nullable(true));
        }
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
