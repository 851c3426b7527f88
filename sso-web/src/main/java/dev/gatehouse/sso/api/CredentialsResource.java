package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.credentials.CredentialView;
import dev.gatehouse.sso.credentials.ExpiringCredentials;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every credential of a site that expires, in one list sorted by expiry, with what breaks when it expires and how to
 * renew it: the secrets Gatehouse issued (SCIM tokens, API tokens, app passwords), the client secrets of OpenID Connect
 * and OAuth providers and of SAML providers' Graph apps, and what each provider's protocol adds (the SAML providers'
 * signing certificates). The secrets
 * Gatehouse issued are extended, reset and revoked here.
 */
@Path("v1/sites/{site}/credentials")
@Tag(name = "Credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    Credentials credentials;

    @Inject
    ExpiringCredentials expiring;

    @Inject
    AdminContext context;

    /** A reset credential: its new secret, in this answer only. */
    @Schema(name = "ResetCredential")
    public record SecretView(String id, String expiresAt, String secret, String userName, String password) {
        @Override
        public String toString() {
            return "SecretView[" + id + ", ****]";
        }
    }

    record Issue(Site site, Credentials.Issued token, ScimSettings settings) {}

    @GET
    @Operation(
            summary = "Every credential of the site that expires, soonest first",
            description = "SCIM tokens, API tokens and app passwords Gatehouse issued; client secrets of sign-in"
                    + " providers and SAML providers' Graph apps (with the expiry the administrator copied from Entra);"
                    + " the signing certificates of SAML providers' metadata. State EXPIRING within 30 days, EXPIRED"
                    + " after. No secret is ever listed. Query: revoked=true to list revoked credentials too.")
    public List<CredentialView> list(@PathParam("site") String slug, @QueryParam("revoked") boolean revoked) {
        return adminChanges.read(() -> expiring.of(context.site(slug).id(), revoked));
    }

    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move the expiry of a SCIM token, API token or app password",
            description = "Body: {expiresAt}, an ISO-8601 instant or date, at most three years ahead")
    public CredentialView extend(
            @PathParam("site") String slug, @PathParam("id") String id, Requests.ExtendRequest body) {
        UUID credentialId = StorageViews.uuid("id", id);
        Instant expiresAt = instant("expiresAt", body.expiresAt());
        return adminChanges.change(
                null,
                context.admin().actor(),
                () -> CredentialView.of(
                        credentials.extend(
                                context.site(slug).id(),
                                credentialId,
                                expiresAt,
                                context.admin().actor()),
                        Clock.systemUTC().instant()));
    }

    @POST
    @Path("{id}/reset")
    @Operation(
            summary = "Issue a new secret for a SCIM token, API token or app password; the old one stops at once",
            description = "The expiry stays. The new secret is in this answer only.")
    @APIResponse(responseCode = "200", description = "The new secret, shown only in this answer")
    public Response reset(@PathParam("site") String slug, @PathParam("id") String id) {
        UUID credentialId = StorageViews.uuid("id", id);
        Issue issue = adminChanges.change(null, context.admin().actor(), () -> {
            Site site = context.site(slug);
            return new Issue(
                    site,
                    credentials.reset(site.id(), credentialId, context.admin().actor()),
                    null);
        });
        String secret = issue.token().secret().value();
        return Response.ok(new SecretView(
                        id,
                        issue.token()
                                .credential()
                                .expiry()
                                .map(Instant::toString)
                                .orElse(null),
                        secret,
                        secret.substring(0, 26),
                        secret.substring(26)))
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a SCIM token, API token or app password at once")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("site") String slug, @PathParam("id") String id) {
        UUID credentialId = StorageViews.uuid("id", id);
        adminChanges.change(
                null,
                context.admin().actor(),
                () -> credentials.revoke(
                        context.site(slug).id(), credentialId, context.admin().actor()));
        return Response.noContent().build();
    }

    /** An instant from {@code 2027-12-01T00:00:00Z} or a date {@code 2027-12-01} (its start, UTC); null stays null. */
    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException notADate) {
                throw ValidationException.of(
                        field, "'" + text + "' is not a date; use 2027-12-01 or 2027-12-01T00:00:00Z");
            }
        }
    }
}
