package dev.gatehouse.bench;

import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestMetadata;
import dev.gatehouse.sso.saml.engine.RedirectBinding;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browserless sign-in round trips over loopback against a running Gatehouse, SAML and OpenID Connect in the same run.
 *
 * <ul>
 *   <li>SAML: GET {@code /saml/<id>/login} (the AuthnRequest redirect), the Entra-shaped response for that request
 *       signed here as the IdP would sign it, POST to the ACS and GET of the page it lands on with the new session.</li>
 *   <li>OpenID Connect: GET {@code /oidc/<id>/login} (the authorization redirect with state, nonce and PKCE challenge,
 *       and the browser-binding cookie), POST of the code to the callback as {@code form_post} would, Gatehouse's
 *       exchange of the code at the token endpoint of {@link OidcBenchIdp} (which signs the ID token), and GET of the
 *       page it lands on with the new session.</li>
 * </ul>
 *
 * Each signs in one of 50 identities per protocol (just-in-time users, then found by their link). The baseline, in the
 * same run with the same threads, is GET {@code /health/live}. Three interleaved rounds; medians.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.gatehouse.bench.SignInLoad PORT ADMIN_PASSWORD SECONDS THREADS</pre>
 */
public final class SignInLoad {
    private static final Pattern ID = Pattern.compile(" ID=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern BINDING = Pattern.compile("(gh_oidc_[A-Za-z0-9_-]+)=([^;]+)");

    private final String base;
    private final String provider;
    private final String entityId;
    private final String acs;
    private final List<String> oids = new ArrayList<>();
    private final List<String> oidcOids = new ArrayList<>();
    private final OidcBenchIdp idp;
    private final String oidcProvider;

    private SignInLoad(
            String base, String provider, String entityId, String acs, OidcBenchIdp idp, String oidcProvider) {
        this.base = base;
        this.provider = provider;
        this.entityId = entityId;
        this.acs = acs;
        this.idp = idp;
        this.oidcProvider = oidcProvider;
        for (int i = 0; i < 50; i++) {
            oids.add(UUID.randomUUID().toString());
            oidcOids.add(UUID.randomUUID().toString());
        }
    }

    private static JsonObject create(String base, String auth, JsonObject body) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/sites/default/providers"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("provider not created: " + created.statusCode() + " " + created.body());
        }
        return Json.createReader(new StringReader(created.body())).readObject();
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + Integer.parseInt(args[0]);
        String auth =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        int threads = Integer.parseInt(args[3]);
        JsonObject body = Json.createObjectBuilder()
                .add("displayName", "Benchmark IdP")
                .add("kind", "saml")
                .add(
                        "settings",
                        Json.createObjectBuilder()
                                .add("trust", "METADATA_XML")
                                .add("metadataXml", TestMetadata.xml(List.of("idp"), "https://idp.bench.example/sso"))
                                .add("justInTime", true))
                .build();
        JsonObject provider = create(base, auth, body);
        try (OidcBenchIdp idp = new OidcBenchIdp()) {
            measure(base, auth, provider, idp, duration, threads);
        }
    }

    private static void measure(
            String base, String auth, JsonObject provider, OidcBenchIdp idp, Duration duration, int threads)
            throws Exception {
        JsonObject oidc = create(
                base,
                auth,
                Json.createObjectBuilder()
                        .add("displayName", "Benchmark OpenID provider")
                        .add("kind", "oidc")
                        .add(
                                "settings",
                                Json.createObjectBuilder()
                                        .add("tenantId", dev.gatehouse.sso.oidc.engine.TokenMint.TENANT)
                                        .add("clientId", idp.clientId)
                                        .add("clientSecret", OidcBenchIdp.SECRET)
                                        .add("secretExpiresOn", "2099-12-31")
                                        .add("issuerUrl", idp.issuer)
                                        .add("justInTime", true))
                        .build());
        SignInLoad load = new SignInLoad(
                base,
                provider.getString("id"),
                provider.getString("entityId"),
                provider.getString("acsUrl"),
                idp,
                oidc.getString("id"));

        load.run("saml", Duration.ofSeconds(20), threads);
        load.run("oidc", Duration.ofSeconds(20), threads);
        load.run("ping", Duration.ofSeconds(10), threads);
        double[] ping = new double[3];
        double[] login = new double[3];
        double[] openid = new double[3];
        for (int round = 0; round < 3; round++) {
            ping[round] = load.run("ping", duration, threads);
            login[round] = load.run("saml", duration, threads);
            openid[round] = load.run("oidc", duration, threads);
        }
        double pingMedian = median(ping);
        double loginMedian = median(login);
        double oidcMedian = median(openid);
        System.out.println("| measurement | per second (median of 3) | rounds | ratio to baseline |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
                "| GET /health/live (baseline) | %.0f | %s | 1 |%n", pingMedian, Arrays.toString(round(ping)));
        System.out.printf(
                "| SAML login round trip (login redirect + signed response + ACS + landing page) | %.0f | %s | %.3f |%n",
                loginMedian, Arrays.toString(round(login)), loginMedian / pingMedian);
        System.out.printf(
                "| OpenID Connect round trip (login redirect + form_post code + token exchange + landing page) | %.0f"
                        + " | %s | %.3f |%n",
                oidcMedian, Arrays.toString(round(openid)), oidcMedian / pingMedian);
        System.out.printf("| ratio OpenID Connect / SAML | %.2f | | |%n", oidcMedian / loginMedian);
    }

    private double run(String what, Duration duration, int threads) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread worker = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                int i = seed; // each thread signs in its own identities: thread t takes t, t + threads, …
                while (System.nanoTime() < end) {
                    try {
                        boolean ok =
                                switch (what) {
                                    case "ping" -> ping(http);
                                    case "saml" -> login(http, oids.get(i % oids.size()));
                                    default -> openIdLogin(http, oidcOids.get(i % oidcOids.size()));
                                };
                        i += threads;
                        (ok ? done : failed).incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println(what + " failed: " + e);
                        }
                    }
                }
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
        return done.get() / (double) duration.toSeconds();
    }

    private boolean ping(HttpClient http) throws Exception {
        return http.send(
                                HttpRequest.newBuilder(URI.create(base + "/health/live"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                == 200;
    }

    private boolean login(HttpClient http, String oid) throws Exception {
        HttpResponse<String> redirect = http.send(
                HttpRequest.newBuilder(URI.create(base + "/saml/" + provider + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String request = RedirectBinding.receive(location.substring(location.indexOf('?') + 1))
                .xml();
        Matcher id = ID.matcher(request);
        if (!id.find()) {
            return false;
        }
        EntraResponses entra = new EntraResponses(entityId, acs);
        entra.inResponseTo = id.group(1);
        entra.nameId = "user-" + oid + "@contoso.example";
        entra.attributes.put(EntraResponses.CLAIMS + "objectidentifier", List.of(oid));
        entra.attributes.put(EntraResponses.WS_CLAIMS + "name", List.of(entra.nameId));
        String form = "SAMLResponse=" + URLEncoder.encode(entra.signedAssertion(), StandardCharsets.UTF_8);
        HttpResponse<String> acsResponse = http.send(
                HttpRequest.newBuilder(URI.create(acs))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (acsResponse.statusCode() != 303) {
            throw new IllegalStateException("ACS answered " + acsResponse.statusCode() + ": "
                    + acsResponse.body().replaceAll("(?s).*id=\"sso-error\">([^<]*)<.*", "$1"));
        }
        Matcher session = SESSION.matcher(String.join(";", acsResponse.headers().allValues("Set-Cookie")));
        if (!session.find()) {
            return false;
        }
        HttpResponse<String> landing = http.send(
                HttpRequest.newBuilder(URI.create(base
                                + acsResponse.headers().firstValue("Location").orElseThrow()))
                        .header("Cookie", "JSESSIONID=" + session.group(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return landing.statusCode() == 200 && landing.body().contains("You are signed in as");
    }

    private boolean openIdLogin(HttpClient http, String oid) throws Exception {
        HttpResponse<String> redirect = http.send(
                HttpRequest.newBuilder(URI.create(base + "/oidc/" + oidcProvider + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        java.util.Map<String, String> query =
                dev.gatehouse.sso.oidc.FormData.parse(location.substring(location.indexOf('?') + 1));
        Matcher binding = BINDING.matcher(String.join(";", redirect.headers().allValues("Set-Cookie")));
        if (!binding.find()) {
            return false;
        }
        String code = idp.code(oid, query.get("nonce"), query.get("code_challenge"));
        String form = "state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
        HttpResponse<String> callback = http.send(
                HttpRequest.newBuilder(URI.create(base + "/oidc/" + oidcProvider + "/callback"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", binding.group(1) + "=" + binding.group(2))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (callback.statusCode() != 303) {
            throw new IllegalStateException("callback answered " + callback.statusCode() + ": "
                    + callback.body().replaceAll("(?s).*id=\"sso-error\">([^<]*)<.*", "$1"));
        }
        Matcher session = SESSION.matcher(String.join(";", callback.headers().allValues("Set-Cookie")));
        if (!session.find()) {
            return false;
        }
        HttpResponse<String> landing = http.send(
                HttpRequest.newBuilder(URI.create(
                                base + callback.headers().firstValue("Location").orElseThrow()))
                        .header("Cookie", "JSESSIONID=" + session.group(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return landing.statusCode() == 200 && landing.body().contains("You are signed in as");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
