package dev.gatehouse.sso.saml.metadata;

import dev.gatehouse.identity.domain.ProviderId;
import java.time.Instant;
import java.util.Optional;

/** The last good metadata of each metadata-URL provider and the outcome of its last refresh; survives restarts. */
public interface MetadataCache {
    /**
     * @param xml the last good document; empty when no fetch has succeeded yet
     * @param lastError why the last refresh failed; empty when it succeeded
     */
    record Entry(Optional<String> xml, Optional<Instant> fetchedAt, Instant attemptedAt, Optional<String> lastError) {}

    Optional<Entry> find(ProviderId provider);

    /** When the metadata in use was fetched, without reading the document itself. */
    Optional<Instant> fetchedAt(ProviderId provider);

    void recordSuccess(ProviderId provider, String xml, Instant at);

    void recordFailure(ProviderId provider, String error, Instant at);
}
