package dev.gatehouse.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;
import org.apache.directory.api.ldap.model.cursor.SearchCursor;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.BindRequestImpl;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchRequestImpl;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.message.controls.PagedResults;
import org.apache.directory.api.ldap.model.message.controls.PagedResultsImpl;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;

/**
 * The directory sync and directory logins against a Samba domain controller on 127.0.0.1 (bench/directory.sh seeds it)
 * and a running Gatehouse, each next to a baseline measured in the same run:
 *
 * <ul>
 *   <li>A full sync of the bench OU ({@code POST …/directory/sync}, mode full; the server's own duration) next to a raw
 *       paged search of the same entries with the same attributes over LDAPS (users, then groups with every member
 *       range): entries per second of each.
 *   <li>An incremental sync after 100 users were changed.
 *   <li>Directory logins through the storage servers' authentication API ({@code POST /api/v1/storage/authenticate})
 *       per second, next to raw simple binds of the same user over LDAPS, with the same number of threads.
 * </ul>
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gatehouse.bench.DirectoryLoad PORT ADMIN_PASSWORD CA_PEM
 *     DOMAIN_ADMIN_PASSWORD USER_PASSWORD SECONDS THREADS</pre>
 */
public final class DirectoryLoad {
    static final String DOMAIN = "corp.gatehouse.test";
    static final String BENCH_OU = "OU=Bench,DC=corp,DC=gatehouse,DC=test";

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + Integer.parseInt(args[0]);
        String admin =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        String ca = Files.readString(Path.of(args[2]));
        String domainAdminPassword = args[3];
        String userPassword = args[4];
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));
        int threads = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        send(
                http,
                "PUT",
                base + "/api/v1/sites/default/directory",
                admin,
                Json.createObjectBuilder()
                        .add("domain", DOMAIN)
                        .add("controllers", Json.createArrayBuilder().add("127.0.0.1"))
                        .add("trustedCertificates", ca)
                        .add("serviceAccount", "administrator@" + DOMAIN)
                        .add("servicePassword", domainAdminPassword)
                        .add("searchBase", BENCH_OU)
                        .add("syncIntervalMinutes", 0)
                        .build()
                        .toString());

        // the baseline: the same entries, the same attributes, the same page size, over the same kind of connection
        long searchStart = System.nanoTime();
        long entries = rawPagedSearch(ca, domainAdminPassword);
        double searchSeconds = (System.nanoTime() - searchStart) / 1e9;

        JsonObject full = send(
                http, "POST", base + "/api/v1/sites/default/directory/sync", admin, "{\"mode\":\"full\"}");
        JsonObject counts = full.getJsonObject("counts");
        double syncSeconds = full.getJsonNumber("durationMillis").longValue() / 1000.0;
        long synced = counts.getInt("usersCreated") + counts.getInt("groupsCreated");
        System.out.println("| measurement | entries | seconds | entries per second | ratio |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf(
                "| raw paged search (users, groups with every range) | %d | %.2f | %.0f | 1.00 |%n",
                entries, searchSeconds, entries / searchSeconds);
        System.out.printf(
                "| full sync (%d users, %d groups created, %d memberships; outcome %s) | %d | %.2f | %.0f | %.2f |%n",
                counts.getInt("usersCreated"),
                counts.getInt("groupsCreated"),
                counts.getInt("membershipsChanged"),
                full.getString("outcome"),
                synced,
                syncSeconds,
                synced / syncSeconds,
                (synced / syncSeconds) / (entries / searchSeconds));

        changeUsers(ca, domainAdminPassword, 100);
        JsonObject incremental = send(
                http, "POST", base + "/api/v1/sites/default/directory/sync", admin, "{\"mode\":\"incremental\"}");
        System.out.printf(
                "%n| incremental sync after 100 user changes | mode %s, users updated %d, outcome %s | %d ms |%n",
                incremental.getString("mode"),
                incremental.getJsonObject("counts").getInt("usersUpdated"),
                incremental.getString("outcome"),
                incremental.getJsonNumber("durationMillis").longValue());

        JsonObject client = send(
                http, "POST", base + "/api/v1/sites/default/storage/clients", admin, "{\"name\":\"bench\"}");
        String storage = "Basic "
                + Base64.getEncoder()
                        .encodeToString((client.getString("id") + ":" + client.getString("secret"))
                                .getBytes(StandardCharsets.UTF_8));
        String login = Json.createObjectBuilder()
                .add("username", "benchuser")
                .add("password", userPassword)
                .build()
                .toString();
        // warm-up, then three interleaved rounds
        rate(duration.dividedBy(3), threads, () -> bind(ca, "benchuser@" + DOMAIN, userPassword));
        rate(duration.dividedBy(3), threads, () -> authenticate(http, base, storage, login));
        double[] binds = new double[3];
        double[] logins = new double[3];
        for (int round = 0; round < 3; round++) {
            binds[round] = rate(duration, threads, () -> bind(ca, "benchuser@" + DOMAIN, userPassword));
            logins[round] = rate(duration, threads, () -> authenticate(http, base, storage, login));
        }
        Arrays.sort(binds);
        Arrays.sort(logins);
        System.out.println();
        System.out.println("| measurement (" + threads + " threads, median of 3) | per second | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf("| raw LDAPS connect + simple bind | %.0f | 1.00 |%n", binds[1]);
        System.out.printf(
                "| authentication API, directory user | %.0f | %.2f |%n", logins[1], logins[1] / binds[1]);
    }

    /** Every user and group of the bench OU, as the sync reads them, counted. */
    static long rawPagedSearch(String ca, String password) throws Exception {
        try (LdapNetworkConnection connection = connect(ca)) {
            BindRequestImpl bind = new BindRequestImpl();
            bind.setName("administrator@" + DOMAIN);
            bind.setCredentials(password.getBytes(StandardCharsets.UTF_8));
            connection.bind(bind);
            long users = search(
                    connection,
                    "(&(objectClass=user)(!(objectClass=computer)))",
                    "objectGUID",
                    "userPrincipalName",
                    "sAMAccountName",
                    "displayName",
                    "givenName",
                    "sn",
                    "mail",
                    "userAccountControl");
            long groups = search(connection, "(objectClass=group)", "objectGUID", "sAMAccountName", "cn", "member;range=0-1499");
            return users + groups;
        }
    }

    private static long search(LdapNetworkConnection connection, String filter, String... attributes) throws Exception {
        long count = 0;
        byte[] cookie = null;
        do {
            SearchRequest request = new SearchRequestImpl();
            request.setBase(new Dn(BENCH_OU));
            request.setFilter(filter);
            request.setScope(SearchScope.SUBTREE);
            request.setDerefAliases(AliasDerefMode.NEVER_DEREF_ALIASES);
            request.addAttributes(attributes);
            PagedResults paged = new PagedResultsImpl();
            paged.setSize(500);
            paged.setCookie(cookie);
            request.addControl(paged);
            try (SearchCursor cursor = connection.search(request)) {
                while (cursor.next()) {
                    if (cursor.isEntry()) {
                        cursor.getEntry();
                        count++;
                    }
                }
                PagedResults response = (PagedResults) cursor.getSearchResultDone().getControl(PagedResults.OID);
                cookie = response == null ? null : response.getCookie();
            }
        } while (cookie != null && cookie.length > 0);
        return count;
    }

    /** Changes the display name of the first {@code count} bench users. */
    static void changeUsers(String ca, String password, int count) throws Exception {
        try (LdapNetworkConnection connection = connect(ca)) {
            BindRequestImpl bind = new BindRequestImpl();
            bind.setName("administrator@" + DOMAIN);
            bind.setCredentials(password.getBytes(StandardCharsets.UTF_8));
            connection.bind(bind);
            for (int i = 1; i <= count; i++) {
                connection.modify(
                        new Dn(String.format("CN=user%05d,%s", i, BENCH_OU)),
                        new org.apache.directory.api.ldap.model.entry.DefaultModification(
                                org.apache.directory.api.ldap.model.entry.ModificationOperation.REPLACE_ATTRIBUTE,
                                "displayName",
                                "Changed User " + i));
            }
        }
    }

    static LdapNetworkConnection connect(String ca) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(ca.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        LdapConnectionConfig config = new LdapConnectionConfig();
        config.setLdapHost("127.0.0.1");
        config.setLdapPort(636);
        config.setUseSsl(true);
        config.setTrustManagers(trust.getTrustManagers());
        config.setSslEndpointIdentificationAlgorithm("HTTPS");
        config.setEnabledProtocols("TLSv1.3", "TLSv1.2");
        config.setTimeout(30_000);
        LdapNetworkConnection connection = new LdapNetworkConnection(config);
        connection.connect();
        return connection;
    }

    /** What the authentication API does per login: a new LDAPS connection and one bind. */
    static boolean bind(String ca, String upn, String password) {
        try (LdapNetworkConnection connection = connect(ca)) {
            BindRequestImpl bind = new BindRequestImpl();
            bind.setName(upn);
            bind.setCredentials(password.getBytes(StandardCharsets.UTF_8));
            return connection.bind(bind).getLdapResult().getResultCode() == ResultCodeEnum.SUCCESS;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean authenticate(HttpClient http, String base, String storage, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/storage/authenticate"))
                            .header("Authorization", storage)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"allowed\":true");
        } catch (Exception e) {
            return false;
        }
    }

    interface Attempt {
        boolean run();
    }

    /** Successful attempts per second over {@code duration} with {@code threads} threads; failures are reported. */
    static double rate(Duration duration, int threads, Attempt attempt) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (attempt.run()) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get() * 20 > done.get() + failed.get()) {
            throw new IllegalStateException(
                    failed.get() + " of " + (done.get() + failed.get()) + " attempts failed; the figures would mean"
                            + " nothing");
        }
        if (failed.get() > 0) {
            System.out.println("(" + failed.get() + " of " + (done.get() + failed.get()) + " attempts failed)");
        }
        return done.get() / (duration.toNanos() / 1e9);
    }

    static JsonObject send(HttpClient http, String method, String url, String authorization, String body)
            throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(30))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private DirectoryLoad() {}
}
