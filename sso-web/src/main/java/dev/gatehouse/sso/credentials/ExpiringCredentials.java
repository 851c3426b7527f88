package dev.gatehouse.sso.credentials;

import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.sso.signin.SignInRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything of a site that expires, soonest first, for the admin API and the console alike: the secrets Gatehouse
 * issued (SCIM tokens, API tokens, app passwords) and what each sign-in provider's protocol reports (client secrets,
 * SAML signing certificates).
 */
@ApplicationScoped
public class ExpiringCredentials {
    @Inject
    Credentials credentials;

    @Inject
    ProviderRepository providers;

    @Inject
    SignInRegistry signIn;

    @Inject
    dev.gatehouse.identity.application.DirectoryAdministration directories;

    /** Call inside a transaction. @param revoked list revoked credentials too */
    public List<CredentialView> of(SiteId site, boolean revoked) {
        Instant now = Clock.systemUTC().instant();
        List<CredentialView> views = new ArrayList<>();
        for (Credential credential : credentials.list(site)) {
            if (revoked || credential.revokedAt() == null) {
                views.add(CredentialView.of(credential, now));
            }
        }
        for (Provider provider : providers.listBySite(site)) {
            signIn.protocols().find(provider.settings().kind()).ifPresent(protocol -> protocol.expiringCredentials(
                            provider)
                    .forEach(credential -> views.add(CredentialView.of(provider, credential, now))));
        }
        directories.settings(site).ifPresent(directory -> {
            for (java.security.cert.X509Certificate certificate : certificates(directory.trustedCertificates())) {
                views.add(directoryCertificate(directory, certificate, now));
            }
        });
        views.sort(Comparator.comparing(CredentialView::expiresAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return views;
    }

    /** The certificates of a PEM text; none when it cannot be read (the directory settings checked it on save). */
    static List<java.security.cert.X509Certificate> certificates(String pem) {
        try {
            return java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(
                            new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .stream()
                    .filter(java.security.cert.X509Certificate.class::isInstance)
                    .map(java.security.cert.X509Certificate.class::cast)
                    .toList();
        } catch (java.security.cert.CertificateException e) {
            return List.of();
        }
    }

    private static CredentialView directoryCertificate(
            dev.gatehouse.identity.domain.DirectorySettings directory,
            java.security.cert.X509Certificate certificate,
            Instant now) {
        Instant expires = certificate.getNotAfter().toInstant();
        java.time.LocalDate expiresOn =
                expires.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        long days = java.time.temporal.ChronoUnit.DAYS.between(
                now.atOffset(java.time.ZoneOffset.UTC).toLocalDate(), expiresOn);
        return new CredentialView(
                "DIRECTORY_LDAPS_CERTIFICATE",
                directory.domain(),
                directory.domain() + ": trusted certificate "
                        + certificate.getSubjectX500Principal().getName(),
                "directory",
                expiresOn.toString(),
                days,
                days < 0
                        ? "EXPIRED"
                        : days <= dev.gatehouse.identity.domain.Credential.EXPIRING_DAYS ? "EXPIRING" : "VALID",
                expires.toString(),
                null,
                null,
                "the domain controllers' LDAPS certificates no longer chain to a valid trusted certificate: every"
                        + " directory login fails",
                "renew the secure LDAP certificate (in Entra Domain Services: upload the new one under Secure LDAP),"
                        + " then paste it, or its CA, into the site's directory settings (trustedCertificates)");
    }
}
