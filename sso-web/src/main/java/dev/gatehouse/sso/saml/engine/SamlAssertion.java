package dev.gatehouse.sso.saml.engine;

import dev.gatehouse.sso.signin.state.PendingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a validated response says: read only from the signed assertion. {@link #toString()} names the assertion ID
 * and issuer only; attribute values are personal data and stay out of logs.
 *
 * @param request the outstanding request this answers; empty for an IdP-initiated (unsolicited) response
 * @param sessionIndex the IdP session, needed to ask for single logout; may be empty
 */
public record SamlAssertion(
        String issuer,
        String assertionId,
        String nameId,
        String nameIdFormat,
        Optional<String> sessionIndex,
        Map<String, List<String>> attributes,
        Optional<PendingRequest> request,
        Instant validUntil) {
    public SamlAssertion {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> first(String attributeName) {
        List<String> values = attributes.getOrDefault(attributeName, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String attributeName) {
        return attributes.getOrDefault(attributeName, List.of());
    }

    @Override
    public String toString() {
        return "SamlAssertion[" + assertionId + " from " + issuer + "]";
    }
}
