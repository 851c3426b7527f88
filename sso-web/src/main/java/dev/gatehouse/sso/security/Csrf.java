package dev.gatehouse.sso.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Cross-site request forgery defence for every state-changing request (POST, PUT, PATCH, DELETE):
 * <ol>
 *   <li>an {@code Origin} header, when the browser sends one, must be this server's own origin as the request reached
 *       it, or the origin of {@code gatehouse.base-url} (behind a TLS-terminating proxy the two differ);</li>
 *   <li>a request authenticated by the session cookie must also carry the session's synchronizer token, as the form
 *       field {@value #FORM_FIELD} or the header {@value #HEADER}; it is compared in constant time.</li>
 * </ol>
 * The token is created with the session and replaced at sign-in together with the session ID.
 */
public final class Csrf {
    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "gatehouse.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** The session's token, created when missing. */
    public static String token(HttpSession session) {
        Object token = session.getAttribute(SESSION_ATTRIBUTE);
        if (token instanceof String text) {
            return text;
        }
        return renew(session);
    }

    public static String renew(HttpSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_ATTRIBUTE, token);
        return token;
    }

    public static boolean isStateChanging(HttpServletRequest request) {
        return switch (request.getMethod().toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    /** Whether the request's {@code Origin} header is absent, this server's own origin, or the base URL's. */
    public static boolean originAllowed(HttpServletRequest request, URI baseUrl) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return sameOrigin(uri, request.getScheme(), request.getServerName(), request.getServerPort())
                    || sameOrigin(uri, baseUrl.getScheme(), baseUrl.getHost(), port(baseUrl));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameOrigin(URI origin, String scheme, String host, int port) {
        return scheme.equalsIgnoreCase(origin.getScheme())
                && host.equalsIgnoreCase(origin.getHost())
                && port == port(origin);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether the request carries the session's token (form field or header). */
    public static boolean tokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(SESSION_ATTRIBUTE);
        String given = request.getHeader(HEADER);
        if (given == null && isForm(request)) {
            given = request.getParameter(FORM_FIELD);
        }
        return expected instanceof String text
                && given != null
                && MessageDigest.isEqual(
                        text.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
