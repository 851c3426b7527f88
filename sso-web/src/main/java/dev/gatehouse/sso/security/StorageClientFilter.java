package dev.gatehouse.sso.security;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.sso.errors.Problems;
import dev.gatehouse.storage.application.StorageClients;
import dev.gatehouse.storage.model.StorageClient;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits storage servers to {@code /api/v1/storage/*} with HTTP Basic {@code <client id>:<secret>} of a site's storage
 * client; the request then acts for that site only. Clients are cached after their first use, so checking a request
 * costs one SHA-256; a revoked client is dropped from the cache when it is deleted, on every node of a cluster
 * ({@code Change.storageClient}). A client read from the database while a removal happened is not cached.
 */
@WebFilter(filterName = "StorageClientFilter", urlPatterns = "/api/v1/storage/*")
public class StorageClientFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    public static final String REQUEST_ATTRIBUTE = "gatehouse.storageClient";
    private static final Map<UUID, StorageClient> CACHE = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong REMOVALS = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    AdminChanges adminChanges;

    @Inject
    StorageClients storageClients;

    /** Forgets a revoked client at once. */
    public static void forget(UUID client) {
        REMOVALS.incrementAndGet();
        CACHE.remove(client);
    }

    /** Forgets every client: they are read again at their next request. */
    public static void forgetAll() {
        REMOVALS.incrementAndGet();
        CACHE.clear();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<StorageClient> client = authenticate(request.getHeader("Authorization"));
        if (client.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Gatehouse storage\", charset=\"UTF-8\"");
            Problems.write(
                    response,
                    401,
                    "Unauthorized",
                    "send HTTP Basic credentials of a storage client of the site: <client id>:<secret>");
            return;
        }
        request.setAttribute(REQUEST_ATTRIBUTE, client.get());
        chain.doFilter(request, response);
    }

    private Optional<StorageClient> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !Uuids.isCanonical(decoded.substring(0, colon))) {
            return Optional.empty();
        }
        UUID id = UUID.fromString(decoded.substring(0, colon));
        String secret = decoded.substring(colon + 1);
        StorageClient client = CACHE.get(id);
        if (client == null) {
            long removals = REMOVALS.get();
            client = adminChanges.read(() -> storageClients.find(id)).orElse(null);
            if (client == null) {
                return Optional.empty();
            }
            CACHE.put(id, client);
            if (REMOVALS.get() != removals) {
                CACHE.remove(id); // a removal raced with the read: read again next time
            }
        }
        return StorageClients.matches(client, secret) ? Optional.of(client) : Optional.empty();
    }
}
