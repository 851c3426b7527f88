package dev.gatehouse.sso.credentials;

import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.sso.signin.ExpiringCredential;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One expiring credential.
 *
 * @param type {@code SCIM_TOKEN}, {@code API_TOKEN}, {@code APP_PASSWORD}, {@code PROVIDER_CLIENT_SECRET} or
 *     {@code SAML_SIGNING_CERTIFICATE}
 * @param id the issued credential's id, or the provider's id
 * @param state {@code VALID}, {@code EXPIRING} (within 30 days), {@code EXPIRED} or {@code REVOKED}
 * @param whenExpired what stops working when it expires
 * @param howToRenew what to do before then
 */
@Schema(name = "ExpiringCredential")
public record CredentialView(
        String type,
        String id,
        String name,
        String kind,
        String expiresOn,
        long daysLeft,
        String state,
        String expiresAt,
        String user,
        String lastUsedAt,
        String whenExpired,
        String howToRenew) {
    public static CredentialView of(Credential credential, Instant now) {
        String kind = credential.kind().code();
        return new CredentialView(
                credential.kind().name(),
                credential.id().toString(),
                credential.name(),
                kind,
                credential
                        .expiry()
                        .map(e -> e.atOffset(ZoneOffset.UTC).toLocalDate().toString())
                        .orElse(null),
                credential.expiry().map(e -> ChronoUnit.DAYS.between(now, e)).orElse(Long.MAX_VALUE),
                credential.status(now).name(),
                credential.expiry().map(Instant::toString).orElse(null),
                credential.user() == null ? null : credential.user().toString(),
                credential.lastUsedAt() == null ? null : credential.lastUsedAt().toString(),
                credential.kind().whenExpired(),
                credential.kind().howToRenew());
    }

    static CredentialView of(Provider provider, ExpiringCredential credential, Instant now) {
        LocalDate expiresOn = credential.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate();
        long days = ChronoUnit.DAYS.between(now.atOffset(ZoneOffset.UTC).toLocalDate(), expiresOn);
        return new CredentialView(
                credential.type(),
                provider.id().toString(),
                provider.displayName() + ": " + credential.name(),
                provider.settings().kind(),
                expiresOn.toString(),
                days,
                state(days),
                credential.expiresAt().toString(),
                null,
                null,
                credential.whenExpired(),
                credential.howToRenew());
    }

    private static String state(long days) {
        return days < 0 ? "EXPIRED" : days <= Credential.EXPIRING_DAYS ? "EXPIRING" : "VALID";
    }
}
