package dev.gatehouse.sso.saml;

import dev.gatehouse.sso.application.IdentityFeature;
import dev.gatehouse.sso.application.PlatformFeature;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.saml.config.SamlProviders;
import dev.gatehouse.sso.saml.metadata.IdpMetadataParser;
import dev.gatehouse.sso.saml.metadata.MetadataFetcher;
import dev.gatehouse.sso.saml.metadata.MetadataRefresher;
import dev.gatehouse.sso.saml.persistence.JpaMetadataCache;
import dev.gatehouse.sso.signin.SignInStates;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * SAML's part of the application: builds the {@link SamlService} from the identity feature's repositories and the
 * typed settings, and starts the scheduled metadata refresh with the application.
 *
 * <p>Configuration: {@code gatehouse.saml.metadata-refresh-minutes} and the {@code gatehouse.outbound.*} keys, read and
 * checked at start by {@link GatehouseSettings}.
 */
@ApplicationScoped
public class SamlFeature {
    @Inject
    PlatformFeature platform;

    @Inject
    IdentityFeature identity;

    @Inject
    SignInStates states;

    @Inject
    dev.gatehouse.sso.application.ClusterFeature cluster;

    private SamlService service;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        service();
    }

    /** The SAML service, built at the first call. */
    public synchronized SamlService service() {
        if (service == null) {
            GatehouseSettings settings = platform.settings();
            Clock clock = Clock.systemUTC();
            JpaMetadataCache metadataCache = new JpaMetadataCache(platform.transactions()::entityManager);
            service = new SamlService(
                    platform.transactions(),
                    identity.providers(),
                    metadataCache,
                    new MetadataRefresher(
                            new MetadataFetcher(platform.outboundHttp(
                                    MetadataFetcher.CONCURRENT, IdpMetadataParser.MAX_METADATA_BYTES)),
                            clock),
                    new SamlProviders(settings.baseUrl(), metadataCache),
                    states.store(),
                    identity.auditLog(),
                    clock);
            long minutes = settings.samlMetadataRefreshMinutes();
            service.startRefreshing(
                    minutes,
                    task -> cluster.oncePerCluster(
                            "saml-metadata-refresh", java.time.Duration.ofMinutes(minutes), task));
        }
        return service;
    }

    @PreDestroy
    synchronized void stop() {
        if (service != null) {
            service.close();
        }
    }
}
