package dev.gatehouse.sso.saml.metadata;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Gatehouse takes from an identity provider's SAML metadata: the entity ID (the issuer of its responses), every
 * signing certificate it lists (all are trusted, for rollover), and its sign-in and sign-out endpoints for the
 * HTTP-Redirect binding.
 *
 * @param signed the document carried a signature that verified
 */
public record IdpMetadata(
        String entityId,
        List<X509Certificate> signingCertificates,
        String ssoUrl,
        Optional<String> sloUrl,
        boolean signed) {
    public IdpMetadata {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(ssoUrl, "ssoUrl");
        Objects.requireNonNull(sloUrl, "sloUrl");
        signingCertificates = List.copyOf(signingCertificates);
    }
}
