package dev.gatehouse.sso.saml.metadata;

import dev.gatehouse.sso.outbound.OutboundException;
import dev.gatehouse.sso.outbound.OutboundHttp;
import java.util.Map;

/**
 * Fetches a metadata URL through the guarded {@link OutboundHttp} (deadline, size cap, no internal hosts), at most
 * {@value #CONCURRENT} at a time: anything but HTTP 200 with a body is a {@link MetadataException} with the reason.
 */
public final class MetadataFetcher {
    static final int CONCURRENT = 4;

    private final OutboundHttp http;

    public MetadataFetcher(long connectTimeoutMillis, long deadlineMillis, boolean allowInternalHosts) {
        this.http = new OutboundHttp(
                connectTimeoutMillis,
                deadlineMillis,
                OutboundHttp.addresses(allowInternalHosts),
                CONCURRENT,
                IdpMetadataParser.MAX_METADATA_BYTES);
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
