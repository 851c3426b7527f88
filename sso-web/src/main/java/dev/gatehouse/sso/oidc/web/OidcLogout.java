package dev.gatehouse.sso.oidc.web;

import dev.gatehouse.sso.oidc.OidcService;
import dev.gatehouse.sso.oidc.engine.OidcException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Ends the identity provider's session too, where its discovery document publishes an {@code end_session_endpoint}
 * (RP-initiated logout): the browser goes there with the client ID and comes back to {@code target}. Without one, or
 * while the provider cannot be reached, the logout is local only.
 */
final class OidcLogout {
    private OidcLogout() {}

    static Optional<String> start(OidcService oidc, OidcSession session, String target) {
        try {
            return oidc.client(session.provider()).flatMap(client -> client.configuration()
                    .metadata()
                    .endSessionEndpoint()
                    .map(endpoint -> endpoint + (endpoint.contains("?") ? "&" : "?") + "client_id="
                            + encode(client.configuration().settings().clientId())
                            + "&post_logout_redirect_uri=" + encode(oidc.baseUrl() + target)));
        } catch (OidcException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
