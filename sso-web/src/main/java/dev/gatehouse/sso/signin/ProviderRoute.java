package dev.gatehouse.sso.signin;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.validation.ValidationException;
import jakarta.servlet.http.HttpServletRequest;

/** A request to a protocol's endpoint of one provider: {@code /<protocol>/<provider id>/<action>}. */
public record ProviderRoute(ProviderId provider, String action) {
    /** @return {@code null} when the path has another shape or no valid provider ID */
    public static ProviderRoute of(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) {
            return null;
        }
        String[] parts = path.split("/");
        if (parts.length != 3 || !parts[0].isEmpty()) {
            return null;
        }
        try {
            return new ProviderRoute(ProviderId.parse("provider", parts[1]), parts[2]);
        } catch (ValidationException e) {
            return null;
        }
    }
}
