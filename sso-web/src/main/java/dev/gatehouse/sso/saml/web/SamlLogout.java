package dev.gatehouse.sso.saml.web;

import dev.gatehouse.sso.saml.SamlService;
import dev.gatehouse.sso.saml.config.SamlProviderConfiguration;
import dev.gatehouse.sso.saml.engine.RedirectBinding;
import dev.gatehouse.sso.saml.engine.SamlMessages;
import dev.gatehouse.sso.saml.metadata.MetadataException;
import dev.gatehouse.sso.signin.state.PendingRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * SP-initiated single logout: after the local session is gone, the browser is sent to the IdP with a LogoutRequest
 * naming the SAML session; the IdP's LogoutResponse comes back to {@code /saml/<id>/slo} and lands on {@code target}.
 * Providers without a logout URL get a local logout only.
 */
public final class SamlLogout {
    private SamlLogout() {}

    /** The URL to send the browser to, or empty for a local logout only. */
    public static Optional<String> start(SamlService saml, SamlSession session, String target) {
        try {
            return saml.client(session.provider()).flatMap(client -> {
                SamlProviderConfiguration configuration = client.configuration();
                return configuration.sloUrl().map(slo -> {
                    String id = SamlMessages.newId();
                    Instant now = Instant.now();
                    saml.state()
                            .rememberRequest(new PendingRequest(
                                    id,
                                    PendingRequest.Kind.LOGOUT,
                                    session.provider(),
                                    target,
                                    now.plus(Duration.ofMinutes(10))));
                    String xml = SamlMessages.logoutRequest(
                            id,
                            now,
                            configuration.sp(),
                            slo,
                            session.nameId(),
                            session.nameIdFormat(),
                            session.sessionIndex());
                    return RedirectBinding.url(slo, "SAMLRequest", xml, null);
                });
            });
        } catch (MetadataException e) {
            return Optional.empty();
        }
    }
}
