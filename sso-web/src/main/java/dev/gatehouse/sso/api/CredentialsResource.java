package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.port.ProviderRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The credentials of a site that expire, soonest first: today the client secrets of its sign-in providers (an expired
 * Entra client secret stops every OpenID Connect and OAuth sign-in and every Graph call of that provider). The
 * expiring-credentials view reads this list; it never contains a secret.
 */
@Path("v1/sites/{site}/credentials")
@Tag(name = "Credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    /** Within this many days a credential is listed as {@code EXPIRING}. */
    static final int WARN_DAYS = 30;

    @Inject
    AdminChanges adminChanges;

    @Inject
    ProviderRepository providers;

    @Inject
    AdminContext context;

    /**
     * One expiring credential.
     *
     * @param type {@code PROVIDER_CLIENT_SECRET}
     * @param id the provider's ID
     * @param state {@code VALID}, {@code EXPIRING} (within 30 days) or {@code EXPIRED}
     */
    @Schema(name = "ExpiringCredential")
    public record CredentialView(
            String type, String id, String name, String kind, String expiresOn, long daysLeft, String state) {}

    @GET
    @Operation(
            summary = "The site's credentials that expire, soonest first",
            description = "Client secrets of sign-in providers with the expiry date the administrator copied from"
                    + " Entra; state EXPIRING within 30 days, EXPIRED after the date. No secret is ever listed.")
    public List<CredentialView> list(@PathParam("site") String slug) {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        return adminChanges.read(() -> providers.listBySite(context.site(slug).id()).stream()
                .filter(p -> p.settings().secretExpiry().isPresent())
                .map(p -> view(p, today))
                .sorted(Comparator.comparing(CredentialView::expiresOn))
                .toList());
    }

    private static CredentialView view(Provider provider, LocalDate today) {
        LocalDate expires = provider.settings().secretExpiry().orElseThrow();
        long days = ChronoUnit.DAYS.between(today, expires);
        return new CredentialView(
                "PROVIDER_CLIENT_SECRET",
                provider.id().toString(),
                provider.displayName(),
                provider.settings().kind(),
                expires.toString(),
                days,
                days < 0 ? "EXPIRED" : days <= WARN_DAYS ? "EXPIRING" : "VALID");
    }
}
