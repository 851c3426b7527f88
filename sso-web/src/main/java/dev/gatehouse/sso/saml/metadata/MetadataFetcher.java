package dev.gatehouse.sso.saml.metadata;

import dev.gatehouse.sso.outbound.OutboundException;
import dev.gatehouse.sso.outbound.OutboundHttp;
import java.util.Map;

/**
 * Fetches a metadata URL through the guarded {@link OutboundHttp} (deadline, size cap, no internal hosts): anything
 * but HTTP 200 with a body is a {@link MetadataException} with the reason.
 */
public final class MetadataFetcher {
    /** Metadata fetches at a time: they run on save, on refresh and on the schedule, never per sign-in. */
    public static final int CONCURRENT = 4;

    private final OutboundHttp http;

    /** @param http capped at {@link IdpMetadataParser#MAX_METADATA_BYTES}, {@link #CONCURRENT} at a time */
    public MetadataFetcher(OutboundHttp http) {
        this.http = http;
    }

    public byte[] fetch(String url) {
        try {
            OutboundHttp.Answer answer =
                    http.get(url, "application/samlmetadata+xml, application/xml, text/xml", Map.of());
            if (answer.status() != 200) {
                throw new MetadataException("the metadata URL answered HTTP " + answer.status());
            }
            return answer.body();
        } catch (OutboundException e) {
            throw new MetadataException("the metadata URL: " + e.getMessage());
        }
    }
}
