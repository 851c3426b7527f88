package dev.gatehouse.sso.scim.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * A SCIM error (RFC 7644 §3.12): the HTTP status, the {@code scimType} where the RFC defines one, and a detail that
 * names the attribute at fault and what to send instead. Never carries a submitted value of a secret.
 */
public final class ScimError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String scimType;

    public ScimError(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    public static ScimError invalidSyntax(String detail) {
        return new ScimError(400, "invalidSyntax", detail);
    }

    public static ScimError invalidFilter(String detail) {
        return new ScimError(400, "invalidFilter", detail);
    }

    public static ScimError invalidPath(String detail) {
        return new ScimError(400, "invalidPath", detail);
    }

    public static ScimError noTarget(String detail) {
        return new ScimError(400, "noTarget", detail);
    }

    public static ScimError mutability(String detail) {
        return new ScimError(400, "mutability", detail);
    }

    public static ScimError uniqueness(String detail) {
        return new ScimError(409, "uniqueness", detail);
    }

    public static ScimError notFound(String detail) {
        return new ScimError(404, null, detail);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public ObjectNode body() {
        ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
        body.putArray("schemas").add(ScimSchemas.ERROR);
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return body;
    }
}
