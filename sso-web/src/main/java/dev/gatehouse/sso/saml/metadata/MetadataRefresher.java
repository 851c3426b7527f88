package dev.gatehouse.sso.saml.metadata;

import dev.gatehouse.identity.domain.ProviderId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fetches a provider's metadata URL and keeps the last good copy: a document is stored only when it parses and, if
 * signed, verifies against the keys of the previous good copy. When the URL is down, slow, or serves something
 * invalid, the previous copy stays in use and the failure is recorded for the alert.
 *
 * <p>Configuration: {@code connectTimeoutMillis} 5000 and {@code requestTimeoutMillis} 10000 (constructor); documents
 * above {@link IdpMetadataParser#MAX_METADATA_BYTES} are refused without reading further.
 */
public final class MetadataRefresher {
    /** The outcome of one refresh. */
    public record Outcome(boolean refreshed, Optional<String> error) {}

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    public MetadataRefresher(long connectTimeoutMillis, long requestTimeoutMillis, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = Duration.ofMillis(requestTimeoutMillis);
        this.clock = clock;
    }

    /** Fetches and checks the document without touching the cache: used on save, where failures are field errors. */
    public byte[] fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", "application/samlmetadata+xml, application/xml, text/xml")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new MetadataException("the metadata URL answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(IdpMetadataParser.MAX_METADATA_BYTES + 1);
                if (bytes.length > IdpMetadataParser.MAX_METADATA_BYTES) {
                    throw new MetadataException(
                            "the metadata URL served more than " + IdpMetadataParser.MAX_METADATA_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new MetadataException("the metadata URL cannot be read: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataException("the metadata fetch was interrupted");
        }
    }

    /** Refreshes one provider: call inside a transaction. */
    public Outcome refresh(ProviderId provider, String url, MetadataCache cache) {
        Instant now = clock.instant();
        Optional<String> previous = cache.find(provider).flatMap(MetadataCache.Entry::xml);
        try {
            List<PublicKey> trusted = previous.map(xml ->
                            IdpMetadataParser.parse(xml.getBytes(StandardCharsets.UTF_8), List.of())
                                    .signingCertificates()
                                    .stream()
                                    .map(X509Certificate::getPublicKey)
                                    .toList())
                    .orElse(List.of());
            byte[] fetched = fetch(url);
            IdpMetadataParser.parse(fetched, trusted);
            cache.recordSuccess(provider, new String(withoutBom(fetched), StandardCharsets.UTF_8), now);
            return new Outcome(true, Optional.empty());
        } catch (MetadataException e) {
            cache.recordFailure(provider, e.getMessage(), now);
            return new Outcome(false, Optional.of(e.getMessage()));
        }
    }

    private static byte[] withoutBom(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
