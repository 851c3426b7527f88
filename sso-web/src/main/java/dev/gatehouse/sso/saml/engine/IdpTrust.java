package dev.gatehouse.sso.saml.engine;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Gatehouse trusts about one identity provider: its issuer, every signing key it publishes (rollover: all of them
 * are accepted), and which algorithms it may use.
 *
 * @param logoutIssuers issuers accepted on logout messages: Entra issues LogoutResponses as
 *     {@code https://login.microsoftonline.com/{tid}/}, not as the {@code https://sts.windows.net/{tid}/} of responses
 * @param signingKeys keys from metadata; empty when the provider pins certificate fingerprints instead
 * @param pinnedSha256 SHA-256 fingerprints (DER) of certificates that may sign; a certificate in a message's KeyInfo is
 *     used only when its fingerprint is one of these
 */
public record IdpTrust(
        String issuer,
        Set<String> logoutIssuers,
        List<PublicKey> signingKeys,
        List<byte[]> pinnedSha256,
        SignaturePolicy policy) {
    private static final String ENTRA_ISSUER_PREFIX = "https://sts.windows.net/";

    public IdpTrust {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(policy, "policy");
        signingKeys = List.copyOf(signingKeys);
        pinnedSha256 = pinnedSha256.stream().map(byte[]::clone).toList();
        logoutIssuers = Set.copyOf(logoutIssuers);
        if (signingKeys.isEmpty() && pinnedSha256.isEmpty()) {
            throw new IllegalArgumentException("an identity provider needs at least one signing key or fingerprint");
        }
    }

    /** Trust for {@code issuer}, adding Entra's logout issuer when the issuer is an Entra tenant. */
    public static IdpTrust of(String issuer, List<PublicKey> signingKeys, SignaturePolicy policy) {
        return new IdpTrust(issuer, logoutIssuersFor(issuer), signingKeys, List.of(), policy);
    }

    /** Trust by a pinned certificate fingerprint: the certificate travels in each message's KeyInfo. */
    public static IdpTrust pinned(String issuer, byte[] certificateSha256, SignaturePolicy policy) {
        return new IdpTrust(issuer, logoutIssuersFor(issuer), List.of(), List.of(certificateSha256), policy);
    }

    static Set<String> logoutIssuersFor(String issuer) {
        if (issuer.startsWith(ENTRA_ISSUER_PREFIX)) {
            return Set.of(
                    issuer, "https://login.microsoftonline.com/" + issuer.substring(ENTRA_ISSUER_PREFIX.length()));
        }
        return Set.of(issuer);
    }
}
