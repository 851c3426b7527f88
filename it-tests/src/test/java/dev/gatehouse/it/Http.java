package dev.gatehouse.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the tests, always towards 127.0.0.1: optional HTTP Basic credentials, its own cookie jar
 * (one browser-like session), no redirects followed so tests can assert them.
 */
final class Http {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String authorization;
    private String base;

    static Http anonymous() {
        return new Http();
    }

    static Http admin() {
        return basic("admin", It.adminPassword());
    }

    static Http basic(String user, String password) {
        Http http = new Http();
        http.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http;
    }

    /** This client, talking to another server (a smoke-tested application server) than the suite's. */
    Http at(String otherBase) {
        this.base = otherBase;
        return this;
    }

    /** A client that sends {@code authorization} as its Authorization header, such as {@code Bearer <token>}. */
    static Http authorized(String authorization) {
        Http http = new Http();
        http.authorization = authorization;
        return http;
    }

    Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** The body of a GET as bytes (a binary download), failing unless the answer is 200. */
    byte[] download(String path) {
        try {
            HttpResponse<byte[]> response =
                    client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    Response json(String method, String path, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    Response form(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the login page and signs in through the form; returns the POST's response. */
    Response signIn(String login, String password) {
        return signIn(login, password, "default");
    }

    /** Opens the login page of {@code site} and signs in through the form; returns the POST's response. */
    Response signIn(String login, String password, String site) {
        String token = get("/login?site=" + site).csrfField();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.put("login", login);
        fields.put("password", password);
        fields.put("site", site);
        return form("/login", fields);
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(It.baseUrl()), cookie);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create((base == null ? It.baseUrl() : base) + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonObject object() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        JsonArray array() {
            return Json.createReader(new StringReader(raw.body())).readArray();
        }

        String csrfField() {
            Matcher matcher = CSRF_FIELD.matcher(raw.body());
            if (!matcher.find()) {
                throw new AssertionError("no CSRF field in the page: " + raw.body());
            }
            return matcher.group(1);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
