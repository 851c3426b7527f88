package dev.gatehouse.sso.graph;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.sso.outbound.OutboundException;
import dev.gatehouse.sso.outbound.OutboundHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few Microsoft Graph calls Gatehouse makes, with an app-only token from the client-credentials grant (cached per
 * tenant and app until a minute before it expires).
 *
 * <ul>
 *   <li>{@link #groupsOf}: {@code GET /v1.0/users/{oid}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName}
 *       following {@code @odata.nextLink} (only to Graph itself: a next link elsewhere would carry the token away), at
 *       most {@value #MAX_PAGES} pages.</li>
 *   <li>Throttling: a 429 or 503 whose {@code Retry-After} is at most {@link #MAX_WAIT} is waited for once; a longer
 *       one is a {@link GraphException.Reason#THROTTLED} failure naming the wait. A 401 drops the cached token and
 *       tries once more with a new one; a 403 is {@link GraphException.Reason#FORBIDDEN} with the permission to
 *       grant.</li>
 * </ul>
 */
public final class GraphClient {
    static final int MAX_PAGES = 50;
    static final Duration MAX_WAIT = Duration.ofSeconds(3);

    /** A group as Graph names it. */
    public record GraphGroup(String id, String displayName) {}

    private record Token(String value, Instant expires) {
        @Override
        public String toString() {
            return "Token[until " + expires + "]";
        }
    }

    private final OutboundHttp http;
    private final String authorityUrl;
    private final String graphUrl;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /**
     * @param authorityUrl Entra's sign-in host with a trailing slash, such as {@code https://login.microsoftonline.com/}
     * @param graphUrl Graph with a trailing slash, such as {@code https://graph.microsoft.com/}
     */
    public GraphClient(OutboundHttp http, String authorityUrl, String graphUrl, Clock clock) {
        this.http = http;
        this.authorityUrl = authorityUrl;
        this.graphUrl = graphUrl;
        this.clock = clock;
    }

    /** Every group the user is a member of, directly or through other groups, with display names. */
    public List<GraphGroup> groupsOf(GraphCredentials credentials, String userObjectId) {
        List<GraphGroup> groups = new ArrayList<>();
        String next = graphUrl + "v1.0/users/" + encode(userObjectId)
                + "/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$top=999";
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new GraphException(
                        GraphException.Reason.UNAVAILABLE, "the user is in more groups than " + MAX_PAGES + " pages");
            }
            Map<String, Object> answer = get(credentials, next);
            if (!(answer.get("value") instanceof List<?> values)) {
                throw new GraphException(GraphException.Reason.UNAVAILABLE, "Graph answered without a value list");
            }
            for (Object value : values) {
                if (value instanceof Map<?, ?> group && group.get("id") instanceof String id) {
                    groups.add(new GraphGroup(id, group.get("displayName") instanceof String name ? name : null));
                }
            }
            Object link = answer.get("@odata.nextLink");
            if (link instanceof String nextLink && !nextLink.startsWith(graphUrl)) {
                throw new GraphException(
                        GraphException.Reason.UNAVAILABLE, "Graph's next link leads away from " + graphUrl);
            }
            next = link instanceof String nextLink ? nextLink : null;
        }
        return groups;
    }

    private Map<String, Object> get(GraphCredentials credentials, String url) {
        boolean renewed = false;
        boolean waited = false;
        while (true) {
            OutboundHttp.Answer answer;
            try {
                answer = http.get(url, "application/json", Map.of("Authorization", "Bearer " + token(credentials)));
            } catch (OutboundException e) {
                throw new GraphException(GraphException.Reason.UNAVAILABLE, "Graph: " + e.getMessage());
            }
            int status = answer.status();
            if (status == 200) {
                return json(answer);
            }
            if (status == 401 && !renewed) {
                tokens.remove(key(credentials));
                renewed = true;
                continue;
            }
            if (status == 403) {
                throw new GraphException(
                        GraphException.Reason.FORBIDDEN,
                        "Graph answered 403 Forbidden: grant the app registration the Microsoft Graph application"
                                + " permission GroupMember.Read.All and give admin consent in tenant "
                                + credentials.tenantId());
            }
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(answer);
                if (!waited && wait.compareTo(MAX_WAIT) <= 0) {
                    sleep(wait);
                    waited = true;
                    continue;
                }
                throw new GraphException(
                        GraphException.Reason.THROTTLED,
                        "Graph is throttling this app (HTTP " + status + ", Retry-After " + wait.toSeconds() + " s);"
                                + " group memberships stay as they were until it answers");
            }
            throw new GraphException(GraphException.Reason.UNAVAILABLE, "Graph answered HTTP " + status);
        }
    }

    private String token(GraphCredentials credentials) {
        Token cached = tokens.get(key(credentials));
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.value();
        }
        String form = "grant_type=client_credentials&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret().value())
                + "&scope=" + encode(graphUrl + ".default");
        OutboundHttp.Answer answer;
        try {
            answer =
                    http.postForm(authorityUrl + encode(credentials.tenantId()) + "/oauth2/v2.0/token", form, Map.of());
        } catch (OutboundException e) {
            throw new GraphException(GraphException.Reason.UNAVAILABLE, "Entra's token endpoint: " + e.getMessage());
        }
        Map<String, Object> json = answer.body().length == 0 ? Map.of() : json(answer);
        if (answer.status() != 200 || !(json.get("access_token") instanceof String token)) {
            throw new GraphException(
                    GraphException.Reason.CREDENTIALS,
                    "Entra refused the app's credentials for Graph (HTTP " + answer.status()
                            + (json.get("error") == null ? "" : " " + String.valueOf(json.get("error")))
                            + "): check the client secret and its expiry");
        }
        long seconds = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
        tokens.put(key(credentials), new Token(token, clock.instant().plusSeconds(Math.max(0, seconds - 60))));
        return token;
    }

    private static Map<String, Object> json(OutboundHttp.Answer answer) {
        try {
            return JSONObjectUtils.parse(answer.text());
        } catch (ParseException e) {
            throw new GraphException(GraphException.Reason.UNAVAILABLE, "the answer is not JSON");
        }
    }

    private static Duration retryAfter(OutboundHttp.Answer answer) {
        try {
            return Duration.ofSeconds(Long.parseLong(
                    answer.headers().firstValue("Retry-After").orElse("60").strip()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(GraphException.Reason.UNAVAILABLE, "interrupted");
        }
    }

    private static String key(GraphCredentials credentials) {
        return credentials.tenantId() + "/" + credentials.clientId();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
