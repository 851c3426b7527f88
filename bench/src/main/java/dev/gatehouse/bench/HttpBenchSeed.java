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
 * Seeds the benchmark site into a running Gatehouse on 127.0.0.1 through the admin API (10,000 users, 2,000 groups
 * nested 5 deep, 5,000 folders, a storage client) and writes the users, folders and the client's Basic header as a
 * Lua file for the wrk scripts of {@code bench/http.sh}.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gatehouse.bench.HttpBenchSeed PORT ADMIN_PASSWORD OUT.lua</pre>
 */
public final class HttpBenchSeed {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient admin;
    private String csrf;

    private HttpBenchSeed(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String password = args[1];
        java.nio.file.Path out = java.nio.file.Path.of(args[2]);
        HttpBenchSeed load = new HttpBenchSeed(port);
        load.signIn(password);
        Seeded world = load.seed();
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((world.clientId + ":" + world.secret).getBytes(StandardCharsets.UTF_8));
        StringBuilder lua = new StringBuilder("auth = \"" + auth + "\"\nusers = {");
        world.users.forEach(u -> lua.append('"').append(u).append("\","));
        lua.append("}\npaths = {");
        world.paths.forEach(p -> lua.append('"').append(p).append("\","));
        lua.append("}\n");
        java.nio.file.Files.writeString(out, lua);
        System.err.println("seeded: " + world.users.size() + " users, " + world.paths.size() + " folders -> " + out);
    }

    record Seeded(List<String> users, List<String> paths, String clientId, String secret) {}

    private void signIn(String password) throws Exception {
        String page = send("GET", "/login", null, null).body();
        Matcher m = CSRF.matcher(page);
        m.find();
        String form = "_csrf=" + enc(m.group(1)) + "&site=default&login=admin&password=" + enc(password);
        HttpResponse<String> r = admin.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
        List<String> groups = parallel(
                BenchWorld.GROUPS,
                i -> id(send("POST", "/api/v1/sites/default/groups", "{\"name\":\"g" + i + "-" + s + "\"}", 201)));
        parallel(BenchWorld.GROUPS - perLevel, i -> {
            int level = i / perLevel;
            String parent = groups.get((level + 1) * perLevel + new Random(i).nextInt(perLevel));
            return send(
                            "POST",
                            "/api/v1/sites/default/groups/" + parent + "/members",
                            "{\"group\":\"" + groups.get(i) + "\"}",
                            201)
                    .body();
        });
        List<String> users = parallel(BenchWorld.USERS, i -> {
            String user = id(send(
                    "POST",
                    "/api/v1/sites/default/users",
                    "{\"login\":\"u" + i + "-" + s + "\",\"displayName\":\"U" + i + "\"}",
                    201));
            send(
                    "POST",
                    "/api/v1/sites/default/groups/" + groups.get(new Random(i).nextInt(perLevel)) + "/members",
                    "{\"user\":\"" + user + "\"}",
                    201);
            return user;
        });
        List<String> paths = new ArrayList<>();
        for (int f = 0; f < BenchWorld.SHARED; f++) {
            String top = "/share" + f + "-" + s;
            send(
                    "POST",
                    "/api/v1/sites/default/storage/folders",
                    "{\"name\":\"share" + f + "-" + s + "\",\"path\":\"" + top + "\"}",
                    201);
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
        JsonObject client =
                json(send("POST", "/api/v1/sites/default/storage/clients", "{\"name\":\"bench-" + s + "\"}", 201)
                        .body());
        return new Seeded(users, paths, client.getString("id"), client.getString("secret"));
    }

    private void entry(String path, String grantee, String right) throws Exception {
        send(
                "PUT",
                "/api/v1/sites/default/storage/entries",
                "{\"path\":\"" + path + "\",\"grantee\":\"" + grantee + "\",\"right\":\"" + right + "\"}",
                200);
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
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf)
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
