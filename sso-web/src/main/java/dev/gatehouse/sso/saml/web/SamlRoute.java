package dev.gatehouse.sso.saml.web;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.validation.ValidationException;
import jakarta.servlet.http.HttpServletRequest;

/** A request to {@code /saml/<provider id>/<action>}. */
record SamlRoute(ProviderId provider, String action) {
    /** @return {@code null} when the path has another shape or no valid provider ID */
    static SamlRoute of(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return null;
        }
        String[] parts = path.split("/");
        if (parts.length != 3 || !parts[0].isEmpty()) {
            return null;
        }
        try {
            return new SamlRoute(ProviderId.parse("provider", parts[1]), parts[2]);
        } catch (ValidationException e) {
            return null;
        }
    }
}
