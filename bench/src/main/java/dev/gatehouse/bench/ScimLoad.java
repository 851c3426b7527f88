package dev.gatehouse.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SCIM provisioning over loopback against a running Gatehouse, as Entra's provisioning client drives it.
 *
 * <ul>
 *   <li>Sustained requests: each client thread creates a user ({@code POST /Users}, Entra's body) and changes it
 *       ({@code PATCH /Users/<id>}: display name and a string {@code "False"} active flag, the default dialect), with
 *       the SCIM token as bearer. Requests per second and p50/p99 latency of every request.</li>
 *   <li>Baseline in the same run and threads: {@code GET /api/v1/storage/ping}, a trivial JAX-RS endpoint behind a
 *       storage client's credential (one SHA-256 like the SCIM token).</li>
 *   <li>A group of 10,000 members: 10,000 users are provisioned, then one {@code PATCH /Groups/<id>} adds them all;
 *       the time of that request.</li>
 * </ul>
 *
 * Three interleaved rounds; medians.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gatehouse.bench.ScimLoad PORT ADMIN_PASSWORD SECONDS THREADS</pre>
 */
public final class ScimLoad {
    private final String base;
    private final String scimAuth;
    private final String storageAuth;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    private ScimLoad(String base, String scimAuth, String storageAuth) {
        this.base = base;
        this.scimAuth = scimAuth;
        this.storageAuth = storageAuth;
    }

    private record Result(double perSecond, double p50, double p99) {}

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + Integer.parseInt(args[0]);
        String admin =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        int threads = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        String token = post(http, base + "/api/v1/sites/default/scim/tokens", admin, "{\"name\":\"benchmark\"}")
                .getString("token");
        JsonObject client =
                post(http, base + "/api/v1/sites/default/storage/clients", admin, "{\"name\":\"benchmark\"}");
        String storage = "Basic "
                + Base64.getEncoder()
                        .encodeToString((client.getString("id") + ":" + client.getString("secret"))
                                .getBytes(StandardCharsets.UTF_8));
        ScimLoad load = new ScimLoad(base, "Bearer " + token, storage);

        load.run("ping", Duration.ofSeconds(10), threads);
        load.run("scim", Duration.ofSeconds(10), threads);
        Result[] ping = new Result[3];
        Result[] scim = new Result[3];
        for (int round = 0; round < 3; round++) {
            ping[round] = load.run("ping", duration, threads);
            scim[round] = load.run("scim", duration, threads);
        }
        Result pingMedian = median(ping);
        Result scimMedian = median(scim);
        System.out.println("| measurement | requests per second (median of 3) | rounds | p50 ms | p99 ms | ratio |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(
                "| GET /api/v1/storage/ping (baseline) | %.0f | %s | %.1f | %.1f | 1 |%n",
                pingMedian.perSecond, rates(ping), pingMedian.p50, pingMedian.p99);
        System.out.printf(
                "| SCIM create + PATCH (every request counted) | %.0f | %s | %.1f | %.1f | %.3f |%n",
                scimMedian.perSecond,
                rates(scim),
                scimMedian.p50,
                scimMedian.p99,
                scimMedian.perSecond / pingMedian.perSecond);
        load.bigGroup(http, threads);
    }

    /** Provisions 10,000 users, then adds them to a new group in one PATCH and times that request. */
    private void bigGroup(HttpClient http, int threads) throws Exception {
        int members = 10_000;
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long provisioningStart = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                HttpClient client = HttpClient.newHttpClient();
                for (long i = next.getAndIncrement(); i < members; i = next.getAndIncrement()) {
                    try {
                        ids.add(createUser(client, "member" + i));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (ids.size() != members) {
            throw new IllegalStateException("only " + ids.size() + " members provisioned");
        }
        double provisioning = (System.nanoTime() - provisioningStart) / 1e9;
        HttpResponse<String> group = send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/scim/v2/default/Groups"))
                        .header("Authorization", scimAuth)
                        .header("Content-Type", "application/scim+json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"All"
                                        + " " + run + "\",\"externalId\":\"all-" + run + "\"}")),
                201);
        String groupId = Json.createReader(new StringReader(group.body())).readObject().getString("id");
        StringBuilder patch = new StringBuilder(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\","
                        + "\"path\":\"members\",\"value\":[");
        String separator = "";
        for (String id : ids) {
            patch.append(separator).append("{\"value\":\"").append(id).append("\"}");
            separator = ",";
        }
        patch.append("]}]}");
        long start = System.nanoTime();
        send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/scim/v2/default/Groups/" + groupId))
                        .header("Authorization", scimAuth)
                        .header("Content-Type", "application/scim+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch.toString())),
                204);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "| one PATCH adding %d members to a group (%d KB body) | %.2f s | | | | |%n",
                members, patch.length() / 1024, seconds);
        System.out.printf(
                "| (provisioning the %d members beforehand, %d threads) | %.0f users/s | | | | |%n",
                members, threads, members / provisioning);
    }

    private String createUser(HttpClient http, String name) throws Exception {
        String userName = name + "." + run + "@contoso.example";
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"externalId\":\"" + name + run
                + "\",\"userName\":\"" + userName + "\",\"active\":true,\"displayName\":\"Bench User\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
                + "\"meta\":{\"resourceType\":\"User\"},\"name\":{\"formatted\":\"Bench User\",\"familyName\":\"User\","
                + "\"givenName\":\"Bench\"},\"roles\":[]}";
        HttpResponse<String> created = send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/scim/v2/default/Users"))
                        .header("Authorization", scimAuth)
                        .header("Content-Type", "application/scim+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                201);
        return Json.createReader(new StringReader(created.body())).readObject().getString("id");
    }

    private void patchUser(HttpClient http, String id) throws Exception {
        send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/scim/v2/default/Users/" + id))
                        .header("Authorization", scimAuth)
                        .header("Content-Type", "application/scim+json")
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\","
                                                + "\"value\":\"Bench User 2\"},{\"op\":\"Replace\",\"path\":\"active\","
                                                + "\"value\":\"False\"}]}")),
                200);
    }

    private Result run(String what, Duration duration, int threads) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    try {
                        if ("ping".equals(what)) {
                            long start = System.nanoTime();
                            send(
                                    http,
                                    HttpRequest.newBuilder(URI.create(base + "/api/v1/storage/ping"))
                                            .header("Authorization", storageAuth)
                                            .GET(),
                                    200);
                            mine.add(System.nanoTime() - start);
                        } else {
                            long start = System.nanoTime();
                            String id = createUser(http, "u" + sequence.incrementAndGet());
                            long created = System.nanoTime();
                            patchUser(http, id);
                            mine.add(created - start);
                            mine.add(System.nanoTime() - created);
                        }
                    } catch (Exception e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println(what + " failed: " + e);
                        }
                    }
                }
                latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " " + what + " requests failed; the figures would mislead");
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                all.length / (double) duration.toSeconds(),
                all[all.length / 2] / 1e6,
                all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, int expected)
            throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    "expected " + expected + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonObject post(HttpClient http, String url, String auth, String body) throws Exception {
        HttpResponse<String> response = send(
                http,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                201);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static Result median(Result[] results) {
        Result[] sorted = results.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a.perSecond, b.perSecond));
        return sorted[sorted.length / 2];
    }

    private static String rates(Result[] results) {
        return Arrays.toString(
                Arrays.stream(results).mapToLong(r -> Math.round(r.perSecond)).toArray());
    }
}
