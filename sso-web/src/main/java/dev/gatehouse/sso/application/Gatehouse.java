package dev.gatehouse.sso.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts Gatehouse with the application: the platform (settings, database), then the identity and storage features,
 * then a fresh installation's default site and first administrator. Started eagerly, so a bad setting or an
 * unreachable database stops the deployment with a clear message. Each feature produces its own services for
 * injection ({@link PlatformFeature}, {@link IdentityFeature}, {@link StorageFeature}, and the SAML feature).
 */
@ApplicationScoped
public class Gatehouse {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Gatehouse.class.getName());

    @Inject
    PlatformFeature platform;

    @Inject
    IdentityFeature identity;

    @Inject
    StorageFeature storage;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        platform.started();
        identity.started();
        storage.started();
        identity.prepareFirstStart();
        String base = platform.settings().baseUrl().toString();
        LOG.info(() -> "Gatehouse started: sign in at " + base + "/login; administration at " + base + "/console and "
                + base + "/api/v1 (" + base + "/openapi); readiness at " + base + "/health/ready");
    }
}
