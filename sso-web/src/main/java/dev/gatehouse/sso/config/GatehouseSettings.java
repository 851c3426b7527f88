package dev.gatehouse.sso.config;

import dev.gatehouse.identity.domain.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gatehouse's process settings, read from MicroProfile Config (environment variables override: {@code GATEHOUSE_DB_URL}
 * sets {@code gatehouse.db.url}). Everything per site is data, not settings.
 *
 * <h2>Configuration</h2>
 * <table>
 *   <caption>keys</caption>
 *   <tr><td>{@code gatehouse.data-dir}</td><td>working data (H2 files, generated master key); default {@code ./data}</td></tr>
 *   <tr><td>{@code gatehouse.db.url}</td><td>JDBC URL, H2 or PostgreSQL; default an H2 file database in the data dir</td></tr>
 *   <tr><td>{@code gatehouse.db.user}, {@code gatehouse.db.password}</td><td>default {@code gatehouse} and empty</td></tr>
 *   <tr><td>{@code gatehouse.db.pool-size}</td><td>connections; default 10</td></tr>
 *   <tr><td>{@code gatehouse.db.connect-timeout-millis}</td><td>how long a request waits for a connection before 503; default 5000</td></tr>
 *   <tr><td>{@code gatehouse.base-url}</td><td>the public URL, used in redirect URIs and metadata; default {@code http://localhost:8080}</td></tr>
 *   <tr><td>{@code gatehouse.master-key}</td><td>base64 of 32 bytes encrypting stored secrets; default a key generated into {@code <data-dir>/master.key}</td></tr>
 *   <tr><td>{@code gatehouse.admin-password}</td><td>the first administrator's password on first start; default generated and printed once</td></tr>
 *   <tr><td>{@code gatehouse.password.iterations}</td><td>PBKDF2 iterations for new password hashes; default 600000</td></tr>
 *   <tr><td>{@code gatehouse.audit.retention-days}</td><td>audit events older than this are deleted daily, 1 to 36500; default 400</td></tr>
 *   <tr><td>{@code gatehouse.scim.log-retention-days}</td><td>provisioning log entries older than this are deleted daily, 1 to 3650; default 30</td></tr>
 *   <tr><td>{@code gatehouse.saml.metadata-refresh-minutes}</td><td>between scheduled metadata refreshes, 1 to 10080; default 60</td></tr>
 *   <tr><td>{@code gatehouse.outbound.connect-timeout-millis}, {@code gatehouse.outbound.timeout-millis}</td><td>requests to identity providers and Graph (metadata, discovery, keys, tokens): connect timeout and the deadline of a whole request; default 5000 and 10000</td></tr>
 *   <tr><td>{@code gatehouse.entra.authority-url}, {@code gatehouse.graph.url}</td><td>Entra's sign-in host and Microsoft Graph, for a national cloud; default {@code https://login.microsoftonline.com/} and {@code https://graph.microsoft.com/}</td></tr>
 *   <tr><td>{@code gatehouse.outbound.allow-internal-hosts}</td><td>contact loopback and private addresses too; default false</td></tr>
 *   <tr><td>{@code gatehouse.cluster.enabled}</td><td>share sign-in state, login throttles and decision-index changes with the other nodes over the server's data grid (Payara); needs a shared PostgreSQL database; default false</td></tr>
 *   <tr><td>{@code gatehouse.cluster.confirm-millis}</td><td>a node that has not heard from every live node for this long answers decisions with 503; a change waits at most about this long for every node's confirmation, 500 to 30000; default 3000</td></tr>
 * </table>
 */
public record GatehouseSettings(
        Path dataDir,
        String dbUrl,
        String dbUser,
        Secret dbPassword,
        int dbPoolSize,
        int dbConnectTimeoutMillis,
        URI baseUrl,
        Optional<Secret> masterKey,
        Optional<Secret> adminPassword,
        int passwordIterations,
        int auditRetentionDays,
        int provisioningLogRetentionDays,
        int samlMetadataRefreshMinutes,
        Outbound outbound,
        MicrosoftCloud microsoft,
        Cluster cluster) {

    /**
     * Whether this node is one of several sharing the database.
     *
     * @param enabled {@code gatehouse.cluster.enabled}: share sign-in state, throttles and decision-index changes over
     *     the data grid of the server; default false (a single node, no grid traffic)
     * @param confirmMillis {@code gatehouse.cluster.confirm-millis}: how long a node may go without hearing from a live
     *     node before it stops answering decisions, and about how long a change waits for every node; 500 to 30000,
     *     default 3000
     */
    public record Cluster(boolean enabled, int confirmMillis) {}

    /**
     * Where Entra and Microsoft Graph are: the global cloud by default; a national cloud (such as
     * {@code https://login.microsoftonline.us/} and {@code https://graph.microsoft.us/}) when set.
     *
     * @param authorityUrl {@code gatehouse.entra.authority-url}: Entra's sign-in host, default
     *     {@code https://login.microsoftonline.com/}
     * @param graphUrl {@code gatehouse.graph.url}: Microsoft Graph, default {@code https://graph.microsoft.com/}
     */
    public record MicrosoftCloud(String authorityUrl, String graphUrl) {}

    /** Keys of earlier versions and the keys that replace them: a start with an old key stops, naming the new one. */
    private static final java.util.Map<String, String> RENAMED = java.util.Map.of(
            "gatehouse.saml.metadata-connect-timeout-millis", "gatehouse.outbound.connect-timeout-millis",
            "gatehouse.saml.metadata-timeout-millis", "gatehouse.outbound.timeout-millis",
            "gatehouse.saml.metadata-allow-internal-hosts", "gatehouse.outbound.allow-internal-hosts");

    /**
     * How Gatehouse makes requests to identity providers and Microsoft Graph.
     *
     * @param connectTimeoutMillis {@code gatehouse.outbound.connect-timeout-millis}: 100 to 60000, default 5000
     * @param deadlineMillis {@code gatehouse.outbound.timeout-millis}: the deadline of a whole request (connect,
     *     headers, body, redirects), 100 to 120000, default 10000
     * @param allowInternalHosts {@code gatehouse.outbound.allow-internal-hosts}: contact loopback, link-local and
     *     private addresses too (an identity provider inside the network); default false
     */
    public record Outbound(int connectTimeoutMillis, int deadlineMillis, boolean allowInternalHosts) {}

    /** Reads and checks every key; all problems are reported together, each naming its key and the fix. */
    public static GatehouseSettings read(Function<String, Optional<String>> source) {
        List<String> problems = new ArrayList<>();
        Path dataDir = Path.of(source.apply("gatehouse.data-dir").orElse("./data"))
                .toAbsolutePath()
                .normalize();
        String dbUrl = source.apply("gatehouse.db.url")
                .orElse("jdbc:h2:file:" + dataDir.resolve("gatehouse") + ";DB_CLOSE_ON_EXIT=FALSE");
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            problems.add("gatehouse.db.url: '" + dbUrl.replaceAll("password=[^&;]*", "password=****")
                    + "' is not supported; use jdbc:postgresql://host:5432/db or jdbc:h2:file:/path/name");
        }
        int pool = integer(source, "gatehouse.db.pool-size", 10, 1, 200, problems);
        int timeout = integer(source, "gatehouse.db.connect-timeout-millis", 5000, 250, 60_000, problems);
        int iterations = integer(source, "gatehouse.password.iterations", 600_000, 10_000, 10_000_000, problems);
        int refreshMinutes = integer(source, "gatehouse.saml.metadata-refresh-minutes", 60, 1, 10_080, problems);
        Outbound outbound = new Outbound(
                integer(source, "gatehouse.outbound.connect-timeout-millis", 5000, 100, 60_000, problems),
                integer(source, "gatehouse.outbound.timeout-millis", 10_000, 100, 120_000, problems),
                bool(source, "gatehouse.outbound.allow-internal-hosts", problems));
        RENAMED.forEach((old, now) -> {
            if (source.apply(old).isPresent()) {
                problems.add(old + ": is no longer read; it is now " + now + " (it covers every request to identity"
                        + " providers)");
            }
        });
        MicrosoftCloud microsoft = new MicrosoftCloud(
                serviceUrl(source, "gatehouse.entra.authority-url", "https://login.microsoftonline.com/", problems),
                serviceUrl(source, "gatehouse.graph.url", "https://graph.microsoft.com/", problems));
        URI baseUrl = baseUrl(source.apply("gatehouse.base-url").orElse("http://localhost:8080"), problems);
        Optional<Secret> masterKey =
                source.apply("gatehouse.master-key").filter(s -> !s.isBlank()).map(Secret::new);
        Optional<Secret> admin = source.apply("gatehouse.admin-password")
                .filter(s -> !s.isEmpty())
                .map(Secret::new);
        int retentionDays = integer(source, "gatehouse.audit.retention-days", 400, 1, 36_500, problems);
        int provisioningLogDays = integer(source, "gatehouse.scim.log-retention-days", 30, 1, 3650, problems);
        Cluster cluster = new Cluster(
                bool(source, "gatehouse.cluster.enabled", problems),
                integer(source, "gatehouse.cluster.confirm-millis", 3000, 500, 30_000, problems));
        if (cluster.enabled() && dbUrl.startsWith("jdbc:h2:")) {
            problems.add("gatehouse.cluster.enabled: the nodes of a cluster share one database, and '"
                    + dbUrl.replaceAll("password=[^&;]*", "password=****") + "' is this node's own; set"
                    + " gatehouse.db.url to jdbc:postgresql://host:5432/db on every node");
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new GatehouseSettings(
                dataDir,
                dbUrl,
                source.apply("gatehouse.db.user").orElse("gatehouse"),
                new Secret(source.apply("gatehouse.db.password").orElse("")),
                pool,
                timeout,
                baseUrl,
                masterKey,
                admin,
                iterations,
                retentionDays,
                provisioningLogDays,
                refreshMinutes,
                outbound,
                microsoft,
                cluster);
    }

    private static int integer(
            Function<String, Optional<String>> source,
            String key,
            int fallback,
            int min,
            int max,
            List<String> problems) {
        Optional<String> text = source.apply(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < min || value > max) {
                problems.add(key + ": " + value + " is out of range; use " + min + " to " + max + " (default "
                        + fallback + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(key + ": '" + text.get() + "' is not a whole number; use " + min + " to " + max + " (default "
                    + fallback + ")");
            return fallback;
        }
    }

    private static boolean bool(Function<String, Optional<String>> source, String key, List<String> problems) {
        String text = source.apply(key).map(String::strip).orElse("false");
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(key + ": '" + text + "' is not allowed; use true or false (default false)");
        }
        return text.equals("true");
    }

    /** An http(s) URL of a Microsoft service, returned with a trailing slash. */
    private static String serviceUrl(
            Function<String, Optional<String>> source, String key, String fallback, List<String> problems) {
        String text = source.apply(key).map(String::strip).orElse(fallback);
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getQuery() != null) {
                problems.add(key + ": '" + text + "' is not an absolute http(s) URL; use, for example, " + fallback);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(key + ": '" + text + "' is not a URL (" + e.getReason() + "); use, for example, " + fallback);
        }
        return text.endsWith("/") ? text : text + "/";
    }

    private static URI baseUrl(String text, List<String> problems) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                problems.add("gatehouse.base-url: '" + text
                        + "' is not an absolute http(s) URL without query; use the URL users reach, such as"
                        + " https://gatehouse.example.com");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            problems.add("gatehouse.base-url: '" + text + "' is not a URL (" + e.getReason()
                    + "); use the URL users reach, such as https://gatehouse.example.com");
            return URI.create("http://localhost:8080");
        }
    }

    @Override
    public String toString() {
        return "GatehouseSettings[dataDir=" + dataDir + ", dbUrl="
                + dbUrl.replaceAll("password=[^&;]*", "password=****") + ", dbUser=" + dbUser + ", baseUrl=" + baseUrl
                + (cluster.enabled() ? ", cluster" : "") + "]";
    }
}
