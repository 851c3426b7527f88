package dev.gatehouse.sso.metrics;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records Gatehouse's metrics in the application registry of MicroProfile Metrics, which the server publishes at
 * {@code /metrics?scope=application} in Prometheus text (for example {@code gatehouse_signins_total{provider="…",
 * outcome="success"}}). A server without MicroProfile Metrics (or a unit test) records nothing: the registry is looked
 * up once, and its absence is logged once.
 *
 * <p>Names: {@code gatehouse_signins} (tags {@code provider}: a provider id or {@code local}; {@code outcome}:
 * {@code success} or the refusal: {@code unknown_user}, {@code wrong_method}, {@code disabled}, {@code untrusted},
 * {@code collided}, {@code invalid_message}, {@code wrong_password}, {@code throttled}), {@code gatehouse_decisions}
 * ({@code result}: {@code allow}, {@code deny}), {@code gatehouse_policy_index_builds} (a timer),
 * {@code gatehouse_policy_invalidations}, {@code gatehouse_invalidation_confirm} (a timer: from a committed change to
 * every node of the cluster having dropped what it invalidates), {@code gatehouse_grid_members} (a gauge),
 * {@code gatehouse_metadata_refreshes} ({@code result}: {@code ok},
 * {@code failed}), {@code gatehouse_scim_requests} ({@code method}, {@code status} class {@code 2xx}/{@code 4xx}/
 * {@code 5xx}).
 */
public final class Metrics {
    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());
    private static volatile Recorder recorder;

    /** Where metrics go: the MicroProfile registry, or nowhere. */
    interface Recorder {
        void count(String name, String description, String... tags);

        void time(String name, String description, Duration took);

        void gauge(String name, String description, java.util.function.Supplier<Integer> value);
    }

    private static final Recorder NONE = new Recorder() {
        @Override
        public void count(String name, String description, String... tags) {}

        @Override
        public void time(String name, String description, Duration took) {}

        @Override
        public void gauge(String name, String description, java.util.function.Supplier<Integer> value) {}
    };

    private Metrics() {}

    public static void signIn(String provider, String outcome) {
        recorder()
                .count(
                        "gatehouse_signins",
                        "Sign-ins by provider and outcome",
                        "provider",
                        provider,
                        "outcome",
                        outcome);
    }

    /** A duration into a timer (Prometheus: a summary with quantiles). */
    public static void time(String name, String description, Duration took) {
        recorder().time(name, description, took);
    }

    /** A value read whenever the metrics are scraped. */
    public static void gauge(String name, String description, java.util.function.Supplier<Integer> value) {
        recorder().gauge(name, description, value);
    }

    public static void decision(boolean allowed) {
        recorder().count("gatehouse_decisions", "Storage decisions answered", "result", allowed ? "allow" : "deny");
    }

    public static void indexBuilt(Duration took) {
        recorder()
                .time(
                        "gatehouse_policy_index_builds",
                        "Builds of a site's storage decision index after a change",
                        took);
    }

    public static void invalidated() {
        recorder().count("gatehouse_policy_invalidations", "Committed changes that dropped a site's decision index");
    }

    public static void metadataRefresh(boolean ok) {
        recorder().count("gatehouse_metadata_refreshes", "SAML metadata refreshes", "result", ok ? "ok" : "failed");
    }

    public static void scimRequest(String method, int status) {
        recorder()
                .count(
                        "gatehouse_scim_requests",
                        "SCIM requests by method and status class",
                        "method",
                        method,
                        "status",
                        (status / 100) + "xx");
    }

    private static Recorder recorder() {
        Recorder found = recorder;
        if (found == null) {
            try {
                found = MicroProfileRecorder.lookUp();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "no MicroProfile Metrics registry", e);
                found = null;
            }
            if (found == null) {
                LOG.info("MicroProfile Metrics is not available here; Gatehouse records no metrics");
                found = NONE;
            }
            recorder = found;
        }
        return found;
    }
}
