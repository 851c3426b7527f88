package dev.gatehouse.sso.oidc.engine;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The signing keys of one provider, from its JWKS URL only (never from a token's {@code jwk}, {@code jku} or
 * {@code x5u} header), cached. A token signed with a key the cache does not know (a rotation) makes one fetch of the
 * key set, and such fetches happen at most once per {@link #REFETCH_INTERVAL}: a flood of tokens with invented
 * {@code kid}s cannot turn into a flood of requests to the provider. Fetches for other reasons (saving or refreshing
 * the provider) do not count against it. While there are no keys at all (the provider was down at the first fetch), a
 * fetch is tried at most once per {@link #EMPTY_RETRY_INTERVAL}.
 */
public final class ProviderKeys {
    public static final Duration REFETCH_INTERVAL = Duration.ofMinutes(5);
    public static final Duration EMPTY_RETRY_INTERVAL = Duration.ofSeconds(10);

    private final Supplier<String> fetch;
    private final Clock clock;
    private volatile JWKSet keys;
    /** The {@code issuer} each key of Entra's key set names, by {@code kid} (Entra publishes it beside the key). */
    private volatile java.util.Map<String, String> issuers = java.util.Map.of();

    private volatile Instant lastAttempt;
    private volatile Instant lastUnknownKidFetch;
    private volatile String lastError;

    /** @param fetch reads the key set document; throws {@link OidcException} with the reason when it cannot */
    public ProviderKeys(Supplier<String> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    /**
     * The keys that may have signed a token with this header: same {@code kid} (when the token names one), a key type
     * that fits the algorithm, meant for signatures.
     *
     * @throws OidcException {@code SIGNATURE} when no key fits even after the allowed refetch
     */
    public List<JWK> candidates(String kid, JWSAlgorithm algorithm) {
        JWKSet current = keys;
        List<JWK> found = current == null ? List.of() : matching(current, kid, algorithm);
        if (found.isEmpty() && refetchAllowed()) {
            synchronized (this) {
                found = keys == current ? List.of() : matching(keys, kid, algorithm);
                if (found.isEmpty() && refetchAllowed()) {
                    if (keys != null) {
                        lastUnknownKidFetch = clock.instant();
                    }
                    refetch();
                    found = keys == null ? List.of() : matching(keys, kid, algorithm);
                }
            }
        }
        if (found.isEmpty()) {
            String why = keys == null
                    ? "the provider's key set could not be read" + (lastError == null ? "" : " (" + lastError + ")")
                    : "no key " + (kid == null ? "" : "with kid '" + printable(kid) + "' ") + "for " + algorithm
                            + " in the provider's key set";
            throw new OidcException(OidcException.Reason.SIGNATURE, why);
        }
        return found;
    }

    /** Fetches the key set now (when a provider is saved or refreshed); failures leave the keys in use. */
    public synchronized void refetch() {
        lastAttempt = clock.instant();
        try {
            String document = fetch.get();
            JWKSet parsed = JWKSet.parse(document).toPublicJWKSet();
            issuers = keyIssuers(document);
            keys = parsed;
            lastError = null;
        } catch (ParseException e) {
            lastError = "the key set is not a JWK set: " + e.getMessage();
        } catch (OidcException e) {
            lastError = e.getMessage();
        }
    }

    /** The issuer the key set names for this key, if it names one (Entra does; its template may hold {tenantid}). */
    public java.util.Optional<String> issuerOf(JWK key) {
        return key.getKeyID() == null
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(issuers.get(key.getKeyID()));
    }

    private static java.util.Map<String, String> keyIssuers(String document) throws ParseException {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        Object list = com.nimbusds.jose.util.JSONObjectUtils.parse(document).get("keys");
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof java.util.Map<?, ?> key
                        && key.get("kid") instanceof String kid
                        && key.get("issuer") instanceof String issuer) {
                    found.put(kid, issuer);
                }
            }
        }
        return java.util.Map.copyOf(found);
    }

    /** When the keys were last fetched or tried, and the last failure if it failed. */
    public Instant lastAttempt() {
        return lastAttempt;
    }

    public String lastError() {
        return lastError;
    }

    private boolean refetchAllowed() {
        Instant last = keys == null ? lastAttempt : lastUnknownKidFetch;
        Duration interval = keys == null ? EMPTY_RETRY_INTERVAL : REFETCH_INTERVAL;
        return last == null || !clock.instant().isBefore(last.plus(interval));
    }

    private static List<JWK> matching(JWKSet set, String kid, JWSAlgorithm algorithm) {
        return set.getKeys().stream()
                .filter(key -> kid == null || kid.equals(key.getKeyID()))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> key.getAlgorithm() == null || Objects.equals(key.getAlgorithm(), algorithm))
                .filter(key -> fits(key, algorithm))
                .limit(8)
                .toList();
    }

    private static boolean fits(JWK key, JWSAlgorithm algorithm) {
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return KeyType.RSA.equals(key.getKeyType());
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            return key instanceof ECKey ec && Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve());
        }
        return false;
    }

    /** A kid for the log: at most 64 characters, nothing but visible ASCII. */
    static String printable(String kid) {
        String cut = kid.length() > 64 ? kid.substring(0, 64) + "…" : kid;
        return cut.replaceAll("[^\\x21-\\x7e…]", "?");
    }
}
