package dev.gatehouse.sso.oidc.engine;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;

/**
 * What a token endpoint answered to an authorization code: the ID token and the access token. {@link #toString()}
 * never shows them.
 */
public record TokenResponse(String idToken, String accessToken) {
    /**
     * @param status the HTTP status of the answer
     * @throws OidcException {@code PROVIDER_ERROR} with the provider's {@code error} for a 4xx answer,
     *     {@code UNAVAILABLE} for anything else that is not a token response
     */
    public static TokenResponse parse(int status, String body) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new OidcException(
                    OidcException.Reason.UNAVAILABLE, "the token endpoint answered HTTP " + status + " without JSON");
        }
        if (status != 200) {
            Object error = json.get("error");
            Object description = json.get("error_description");
            throw new OidcException(
                    status >= 400 && status < 500
                            ? OidcException.Reason.PROVIDER_ERROR
                            : OidcException.Reason.UNAVAILABLE,
                    "the token endpoint answered HTTP " + status + (error == null ? "" : " " + safe(error))
                            + (description == null ? "" : ": " + safe(description)));
        }
        if (!(json.get("id_token") instanceof String idToken)) {
            throw new OidcException(OidcException.Reason.MALFORMED, "the token endpoint sent no id_token");
        }
        return new TokenResponse(idToken, json.get("access_token") instanceof String access ? access : null);
    }

    /** A provider's error text for the log: at most 300 visible characters. */
    public static String safe(Object text) {
        String value = String.valueOf(text).replaceAll("[\\p{Cntrl}]", " ");
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }

    @Override
    public String toString() {
        return "TokenResponse[id_token, " + (accessToken == null ? "no access token" : "access token") + "]";
    }
}
