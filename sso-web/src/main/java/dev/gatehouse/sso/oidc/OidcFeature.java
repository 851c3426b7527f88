package dev.gatehouse.sso.oidc;

import dev.gatehouse.sso.application.IdentityFeature;
import dev.gatehouse.sso.application.PlatformFeature;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.graph.GraphFeature;
import dev.gatehouse.sso.signin.SignInStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * OpenID Connect's part of the application: builds the {@link OidcService} from the identity feature's repositories,
 * the shared sign-in state store and the typed settings ({@code gatehouse.entra.authority-url} and the
 * {@code gatehouse.outbound.*} keys).
 */
@ApplicationScoped
public class OidcFeature {
    /** Requests to token endpoints run during sign-ins: this many at a time per node, each within the deadline. */
    static final int CONCURRENT_REQUESTS = 64;
    /** Discovery documents, key sets and token responses are small; anything larger is refused. */
    static final int MAX_ANSWER_BYTES = 512 * 1024;

    @Inject
    PlatformFeature platform;

    @Inject
    IdentityFeature identity;

    @Inject
    SignInStates states;

    @Inject
    GraphFeature graph;

    private OidcService service;

    /** The OpenID Connect service, built at the first call. */
    public synchronized OidcService service() {
        if (service == null) {
            GatehouseSettings settings = platform.settings();
            service = new OidcService(
                    platform.transactions(),
                    identity.providers(),
                    platform.outboundHttp(CONCURRENT_REQUESTS, MAX_ANSWER_BYTES),
                    settings.baseUrl().toString(),
                    settings.microsoft().authorityUrl(),
                    states.store(),
                    graph.groups(),
                    identity.auditLog(),
                    Clock.systemUTC());
        }
        return service;
    }
}
