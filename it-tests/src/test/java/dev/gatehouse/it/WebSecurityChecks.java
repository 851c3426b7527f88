package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions, cookies, CSRF and login throttling (security matrix rows W1, W2, W3, W5). */
abstract class WebSecurityChecks {
    private final Http admin = Http.admin();

    @Test
    void signingInRenewsTheSessionIdAndKillsTheOldOne() {
        Http browser = Http.anonymous();
        browser.get("/login");
        String before = browser.cookie("JSESSIONID");

        Http.Response signedIn = browser.signIn("admin", It.adminPassword());

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/console/users");
        String after = browser.cookie("JSESSIONID");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/console/users").status()).isEqualTo(200);

        Http attacker = Http.anonymous();
        attacker.setCookie("JSESSIONID", before);
        Http.Response withOldId = attacker.get("/console/users");
        assertThat(withOldId.status()).isEqualTo(302);
        assertThat(withOldId.header("Location")).endsWith("/login");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        String setCookie = Http.anonymous().get("/login").header("Set-Cookie");

        assertThat(setCookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void overTlsTheSessionCookieIsAlsoSecure() throws Exception {
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new TrustEverything()}, null);
        // Payara Micro's default TLS certificate is self-signed for its own host name: trust it for this check only
        var connection = (javax.net.ssl.HttpsURLConnection) java.net
                .URI
                .create("https://127.0.0.1:" + It.property("gatehouse.it.tls-port") + "/login")
                .toURL()
                .openConnection();
        connection.setSSLSocketFactory(trustAll.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));

        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(connection.getHeaderField("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(connection.getHeaderField("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        connection.disconnect();
        Http.Response plain = Http.anonymous().get("/login");
        assertThat(plain.header("Set-Cookie")).doesNotContain("Secure");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void oversizedPostsAndUnknownPagesGetGatehousesOwnAnswer() {
        Http.Response form =
                Http.anonymous().form("/login", Map.of("login", "someone", "password", "y".repeat(3 * 1024 * 1024)));
        assertThat(form.status()).isEqualTo(413);
        assertThat(form.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(form.body()).contains("The request is too large");
        Http.Response api = admin.json("POST", "/api/v1/sites", "{\"slug\":\"" + "y".repeat(3 * 1024 * 1024) + "\"}");
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        Http.Response missing = Http.anonymous().get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no page at this address");
        assertThat(missing.header("Content-Security-Policy")).isNotNull();
        for (Http.Response answer : List.of(form, api, missing)) {
            assertThat(answer.body().toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("payara")
                    .doesNotContain("glassfish")
                    .doesNotContain("grizzly");
        }
    }

    @Test
    void stateChangingRequestsNeedTheCsrfTokenAndTheOwnOrigin() {
        Http browser = Http.anonymous();
        assertThat(browser.signIn("admin", It.adminPassword()).status()).isEqualTo(303);
        String token = browser.get("/console/groups").csrfField();
        String name = "csrf-" + AdminApiChecks.suffix();

        assertThat(browser.form("/console/groups", Map.of("name", name)).status())
                .isEqualTo(403);
        assertThat(browser.form("/console/groups", Map.of("name", name, "_csrf", "forged"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.form(
                                "/console/groups",
                                Map.of("name", name, "_csrf", token),
                                "Origin",
                                "https://evil.example")
                        .status())
                .isEqualTo(403);
        assertThat(browser.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"" + name + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/sites/default/groups?size=500").body()).doesNotContain(name);

        assertThat(browser.form("/console/groups", Map.of("name", name, "_csrf", token))
                        .status())
                .isEqualTo(303);
        assertThat(browser.json(
                                "POST",
                                "/api/v1/sites/default/groups",
                                "{\"name\":\"" + name + "-api\"}",
                                "X-CSRF-Token",
                                token)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theLoginFormItselfNeedsTheCsrfToken() {
        Http browser = Http.anonymous();
        browser.get("/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "admin");
        fields.put("password", It.adminPassword());

        assertThat(browser.form("/login", fields).status()).isEqualTo(403);
    }

    @Test
    void aHundredWrongPasswordsThrottleButDoNotLockTheOwnerOut() throws InterruptedException {
        String login = "victim." + AdminApiChecks.suffix();
        assertThat(admin.json(
                                "POST",
                                "/api/v1/sites/default/users",
                                "{\"login\":\"" + login
                                        + "\",\"displayName\":\"V\",\"password\":\"the owner's password\"}")
                        .status())
                .isEqualTo(201);
        Http attacker = Http.anonymous();
        int throttled = 0;
        Http.Response last = null;
        for (int i = 0; i < 100; i++) {
            last = attacker.signIn(login, "guess number " + i);
            assertThat(last.status()).isIn(401, 429);
            throttled += last.status() == 429 ? 1 : 0;
        }
        if (last.status() == 401) {
            // a delay ran out just before the last guess, which was tried and started a longer delay: the next
            // guess is throttled for certain, and its Retry-After is the one that counts
            last = attacker.signIn(login, "one more guess");
        }

        assertThat(throttled).isGreaterThan(80);
        assertThat(last.body()).contains("Too many failed sign-ins");
        long retryAfter = Long.parseLong(last.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 300L);
        assertThat(admin.get("/api/v1/audit?type=LOGIN_THROTTLED&size=1")
                        .object()
                        .getInt("total"))
                .isPositive();

        Thread.sleep((retryAfter + 1) * 1000);
        assertThat(Http.anonymous().signIn(login, "the owner's password").status())
                .isEqualTo(303);
    }

    @Test
    void aDisabledAdministratorIsShutOutAtOnce() {
        String login = "admin2." + AdminApiChecks.suffix();
        String id = admin.json(
                        "POST",
                        "/api/v1/sites/default/users",
                        "{\"login\":\"" + login
                                + "\",\"displayName\":\"A2\",\"administrator\":true,\"password\":\"second admin password\"}")
                .object()
                .getString("id");
        Http browser = Http.anonymous();
        assertThat(browser.signIn(login, "second admin password").status()).isEqualTo(303);
        assertThat(browser.get("/console/users").status()).isEqualTo(200);

        assertThat(admin.json("PATCH", "/api/v1/sites/default/users/" + id, "{\"state\":\"DISABLED\"}")
                        .status())
                .isEqualTo(200);

        assertThat(browser.get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(browser.get("/console/users").status()).isEqualTo(302);
    }

    @Test
    void aUserWhoIsNotAnAdministratorCannotUseTheConsoleOrTheApi() {
        String login = "plain." + AdminApiChecks.suffix();
        admin.json(
                "POST",
                "/api/v1/sites/default/users",
                "{\"login\":\"" + login + "\",\"displayName\":\"P\",\"password\":\"plain user password\"}");

        assertThat(Http.basic(login, "plain user password").get("/api/v1/sites").status())
                .isEqualTo(403);
        Http browser = Http.anonymous();
        Http.Response signedIn = browser.signIn(login, "plain user password");
        assertThat(signedIn.header("Location")).endsWith("/");
        assertThat(browser.get("/console/users").status()).isEqualTo(403);
    }

    /** Accepts any certificate for any host: only for reading the cookie of the test server's self-signed listener. */
    private static final class TrustEverything extends javax.net.ssl.X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {}

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type, java.net.Socket s) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type, java.net.Socket s) {}

        @Override
        public void checkClientTrusted(
                java.security.cert.X509Certificate[] chain, String type, javax.net.ssl.SSLEngine engine) {}

        @Override
        public void checkServerTrusted(
                java.security.cert.X509Certificate[] chain, String type, javax.net.ssl.SSLEngine engine) {}

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
