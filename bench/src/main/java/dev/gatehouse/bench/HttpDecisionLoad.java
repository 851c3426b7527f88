package dev.gatehouse.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback HTTP load against a running Gatehouse on 127.0.0.1: seeds the benchmark site through the admin API
 * (10,000 users, 2,000 groups nested 5 deep, 5,000 folders), then drives, one after the other for the same time and
 * with the same number of connections, the trivial endpoint {@code GET /api/v1/storage/ping} (baseline), single
 * decisions and batches of 100 decisions. Prints throughput and p50/p99 latency as a Markdown table.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gatehouse.bench.HttpDecisionLoad PORT ADMIN_PASSWORD SECONDS THREADS</pre>
 */
public final class HttpDecisionLoad {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient admin;
    private String csrf;

    private HttpDecisionLoad(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = args[1];
        int seconds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        HttpDecisionLoad load = new HttpDecisionLoad(port);
        load.signIn(password);
        Seeded world = load.seed();
        System.err.println("seeded: " + world.users.size() + " users, " + world.paths.size() + " folders");
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (world.clientId + ":" + world.secret).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(3);
        load.run("warm-up", client, auth, seconds, threads, () -> load.decision(world, random, auth), 1);
        Result ping = load.run("ping (trivial JAX-RS endpoint, baseline)", client, auth, seconds, threads,
                () -> HttpRequest.newBuilder(URI.create(load.base + "/api/v1/storage/ping")).header("Authorization", auth)
                        .GET().build(), 1);
        Result single = load.run("single decision", client, auth, seconds, threads, () -> load.decision(world, random, auth), 1);
        Result batch = load.run("batch of 100 decisions", client, auth, seconds, threads,
                () -> load.batch(world, random, auth), 100);
        System.out.println("| endpoint | requests/s | decisions/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|");
        for (Result r : List.of(ping, single, batch)) {
            System.out.printf("| %s | %.0f | %s | %.2f | %.2f |%n", r.name, r.requestsPerSecond,
                    r == ping ? "–" : String.format("%.0f", r.requestsPerSecond * r.decisionsPerRequest), r.p50, r.p99);
        }
        System.out.printf("%nsingle decision throughput / ping throughput = %.2f%n",
                single.requestsPerSecond / ping.requestsPerSecond);
    }

    record Seeded(List<String> users, List<String> paths, String clientId, String secret) {}

    record Result(String name, double requestsPerSecond, int decisionsPerRequest, double p50, double p99) {}

    private void signIn(String password) throws Exception {
        String page = send("GET", "/login", null, null).body();
        Matcher m = CSRF.matcher(page);
        m.find();
        String form = "_csrf=" + enc(m.group(1)) + "&site=default&login=admin&password=" + enc(password);
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
        Matcher again = CSRF.matcher(send("GET", "/console/users", null, null).body());
        again.find();
        csrf = again.group(1);
    }

    private Seeded seed() throws Exception {
        Random random = new Random(42);
        String s = Long.toString(System.nanoTime(), 36);
        int perLevel = BenchWorld.GROUPS / BenchWorld.LEVELS;
        List<String> groups = parallel(BenchWorld.GROUPS, i -> id(send("POST", "/api/v1/sites/default/groups",
                "{\"name\":\"g" + i + "-" + s + "\"}", 201)));
        parallel(BenchWorld.GROUPS - perLevel, i -> {
            int level = i / perLevel;
            String parent = groups.get((level + 1) * perLevel + new Random(i).nextInt(perLevel));
            return send("POST", "/api/v1/sites/default/groups/" + parent + "/members",
                    "{\"group\":\"" + groups.get(i) + "\"}", 201).body();
        });
        List<String> users = parallel(BenchWorld.USERS, i -> {
            String user = id(send("POST", "/api/v1/sites/default/users",
                    "{\"login\":\"u" + i + "-" + s + "\",\"displayName\":\"U" + i + "\"}", 201));
            send("POST", "/api/v1/sites/default/groups/" + groups.get(new Random(i).nextInt(perLevel)) + "/members",
                    "{\"user\":\"" + user + "\"}", 201);
            return user;
        });
        List<String> paths = new ArrayList<>();
        for (int f = 0; f < BenchWorld.SHARED; f++) {
            String top = "/share" + f + "-" + s;
            send("POST", "/api/v1/sites/default/storage/folders", "{\"name\":\"share" + f + "-" + s + "\",\"path\":\""
                    + top + "\"}", 201);
            for (int e = 0; e < 4; e++) {
                entry(top, "group:" + groups.get(random.nextInt(groups.size())), e == 0 ? "READ_WRITE" : "READ_ONLY");
            }
            for (int d = 0; d < BenchWorld.SUBFOLDERS; d++) {
                String sub = top + "/dept" + (d / 10) + "/team" + d;
                paths.add(sub);
                if (d % 10 == 0) {
                    entry(sub, "group:" + groups.get(random.nextInt(groups.size())), "READ_WRITE");
                }
            }
        }
        JsonObject client = json(send("POST", "/api/v1/sites/default/storage/clients", "{\"name\":\"bench-" + s + "\"}", 201).body());
        return new Seeded(users, paths, client.getString("id"), client.getString("secret"));
    }

    private void entry(String path, String grantee, String right) throws Exception {
        send("PUT", "/api/v1/sites/default/storage/entries",
                "{\"path\":\"" + path + "\",\"grantee\":\"" + grantee + "\",\"right\":\"" + right + "\"}", 200);
    }

    private HttpRequest decision(Seeded world, Random random, String auth) {
        String body = "{\"user\":\"" + world.users.get(random.nextInt(world.users.size())) + "\",\"action\":\"read\","
                + "\"path\":\"" + world.paths.get(random.nextInt(world.paths.size())) + "/file\"}";
        return post("/api/v1/storage/decisions", body, auth);
    }

    private HttpRequest batch(Seeded world, Random random, String auth) {
        StringBuilder body = new StringBuilder("{\"user\":\"" + world.users.get(random.nextInt(world.users.size()))
                + "\",\"requests\":[");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append("{\"action\":\"read\",\"path\":\"")
                    .append(world.paths.get(random.nextInt(world.paths.size()))).append("/f").append(i).append("\"}");
        }
        return post("/api/v1/storage/decisions/batch", body.append("]}").toString(), auth);
    }

    private HttpRequest post(String path, String body, String auth) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Result run(String name, HttpClient client, String auth, int seconds, int threads,
            java.util.function.Supplier<HttpRequest> requests, int decisionsPerRequest) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 22];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    HttpRequest request;
                    synchronized (requests) {
                        request = requests.get();
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[n++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double rps = merged.length / (double) seconds;
        return new Result(name, rps, decisionsPerRequest, merged[merged.length / 2] / 1e6,
                merged[(int) (merged.length * 0.99)] / 1e6);
    }

    private <T> List<T> parallel(int count, ThrowingFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit((Callable<T>) () -> work.apply(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

    interface ThrowingFunction<T> {
        T apply(int index) throws Exception;
    }

    private HttpResponse<String> send(String method, String path, String body, Integer expected) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = admin.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (expected != null && response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String id(HttpResponse<String> response) {
        return json(response.body()).getString("id");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
