package dev.gatehouse.sso.saml.metadata;

import dev.gatehouse.identity.domain.ProviderId;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a provider's last good metadata: a fetched document is stored only when it parses and, once a signed copy was
 * stored, is signed by a key of that copy (certificate rollover: the new document signed by an old key). When the URL
 * is down, slow, or serves something invalid, the previous copy stays in use and the failure is recorded for the
 * alert. An administrator's re-trust takes what the URL serves now as a first copy.
 *
 * <p>The fetch ({@link MetadataFetcher}) and the check-and-store ({@link #apply}) are separate steps, so that the fetch
 * runs outside any database transaction. The cache records a generic error for people; the outcome carries the precise
 * reason for the audit log.
 */
public final class MetadataRefresher {
    /** What the provider status shows after a failed refresh; the audit log has the reason. */
    public static final String FAILED = "the metadata URL cannot be read or did not serve acceptable SAML metadata;"
            + " the audit log (SAML_METADATA_REFRESH_FAILED) has the reason";

    /** The outcome of one refresh; {@code error} is the precise reason. */
    public record Outcome(boolean refreshed, Optional<String> error) {}

    /** What a fetch brought: the document, or why there is none. */
    public record Fetched(Optional<byte[]> document, Optional<String> error) {
        static Fetched of(MetadataFetcher fetcher, String url) {
            try {
                return new Fetched(Optional.of(fetcher.fetch(url)), Optional.empty());
            } catch (MetadataException e) {
                return new Fetched(Optional.empty(), Optional.of(e.getMessage()));
            }
        }
    }

    private final MetadataFetcher fetcher;
    private final Clock clock;

    public MetadataRefresher(MetadataFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** Fetches without touching the cache; call outside a transaction. */
    public Fetched fetch(String url) {
        return Fetched.of(fetcher, url);
    }

    /**
     * Checks what was fetched against the last good copy and stores it, or records the failure; call inside a
     * transaction.
     *
     * @param retrust take the document as a first copy (an administrator's explicit re-trust)
     */
    public Outcome apply(ProviderId provider, Fetched fetched, MetadataCache cache, boolean retrust) {
        Instant now = clock.instant();
        try {
            byte[] document = fetched.document()
                    .orElseThrow(() -> new MetadataException(fetched.error().orElseThrow()));
            Optional<IdpMetadata> previous = retrust
                    ? Optional.empty()
                    : cache.find(provider)
                            .flatMap(MetadataCache.Entry::xml)
                            .map(xml -> IdpMetadataParser.parse(xml.getBytes(StandardCharsets.UTF_8), List.of()));
            List<PublicKey> trusted = previous.map(p -> p.signingCertificates().stream()
                            .map(X509Certificate::getPublicKey)
                            .toList())
                    .orElse(List.of());
            IdpMetadataParser.parse(
                    document, trusted, previous.map(IdpMetadata::signed).orElse(false));
            cache.recordSuccess(provider, new String(withoutBom(document), StandardCharsets.UTF_8), now);
            return new Outcome(true, Optional.empty());
        } catch (MetadataException e) {
            cache.recordFailure(provider, FAILED, now);
            return new Outcome(false, Optional.of(e.getMessage()));
        }
    }

    /** Fetch and apply in one call, for a caller without a transaction to keep the fetch out of. */
    public Outcome refresh(ProviderId provider, String url, MetadataCache cache) {
        return apply(provider, fetch(url), cache, false);
    }

    private static byte[] withoutBom(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).getBytes(StandardCharsets.UTF_8);
    }
}
