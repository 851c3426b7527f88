package dev.gatehouse.sso.graph;

import dev.gatehouse.sso.application.PlatformFeature;
import dev.gatehouse.sso.config.GatehouseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Microsoft Graph for every protocol: one {@link GraphGroups} with its caches, on the cloud of
 * {@code gatehouse.entra.authority-url} and {@code gatehouse.graph.url}.
 */
@ApplicationScoped
public class GraphFeature {
    static final int CONCURRENT_REQUESTS = 16;
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    @Inject
    PlatformFeature platform;

    private GraphGroups groups;

    public synchronized GraphGroups groups() {
        if (groups == null) {
            GatehouseSettings settings = platform.settings();
            Clock clock = Clock.systemUTC();
            groups = new GraphGroups(
                    new GraphClient(
                            platform.outboundHttp(CONCURRENT_REQUESTS, MAX_ANSWER_BYTES),
                            settings.microsoft().authorityUrl(),
                            settings.microsoft().graphUrl(),
                            clock),
                    clock);
        }
        return groups;
    }
}
