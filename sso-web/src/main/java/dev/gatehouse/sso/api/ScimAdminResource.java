package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.ProvisioningEntry;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.ProvisioningLog;
import dev.gatehouse.sso.config.GatehouseSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A site's SCIM provisioning: its settings, its tokens and its provisioning log. */
@Path("v1/sites/{site}/scim")
@Tag(name = "SCIM")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScimAdminResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    Provisioning provisioning;

    @Inject
    Credentials credentials;

    @Inject
    ProvisioningLog provisioningLog;

    @Inject
    GatehouseSettings gatehouseSettings;

    @Inject
    AdminContext context;

    /**
     * @param tenantUrl what to paste into the Entra provisioning app's Tenant URL
     */
    @Schema(name = "ScimSettings")
    public record SettingsView(
            String tenantUrl,
            String newUserMethod,
            String tenantId,
            String objectIdAttribute,
            String deletePolicy,
            String tokenScheme,
            String displayNameFrom,
            String emailFrom) {}

    /**
     * A new SCIM token: {@code secret} whole, which a bearer client sends (Entra's Secret Token; also in {@code token}
     * when the site's scheme is bearer), and {@code userName} and {@code password}, the same secret in two parts for
     * HTTP Basic. Shown in this answer only.
     */
    @Schema(name = "CreatedScimToken")
    public record CreatedTokenView(
            String id,
            String name,
            String expiresAt,
            String tenantUrl,
            String secret,
            String token,
            String userName,
            String password) {
        @Override
        public String toString() {
            return "CreatedTokenView[" + id + ", ****]";
        }
    }

    @Schema(name = "ProvisioningLogEntry")
    public record LogEntryView(
            String at, String method, String resource, int status, String outcome, String changed, int durationMillis) {
        static LogEntryView of(ProvisioningEntry entry) {
            return new LogEntryView(
                    entry.at().toString(),
                    entry.method(),
                    entry.resource(),
                    entry.status(),
                    entry.outcome(),
                    entry.changed(),
                    entry.durationMillis());
        }
    }

    @Schema(name = "ProvisioningLogPage")
    public record LogPageView(List<LogEntryView> items, int page, int size, long total) {}

    @GET
    @Operation(summary = "The site's SCIM settings and the tenant URL for Entra's provisioning app")
    public SettingsView settings(@PathParam("site") String slug) {
        return adminChanges.read(() -> {
            Site site = context.site(slug);
            return view(site, provisioning.settings(site.id()));
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the site's SCIM settings",
            description = "newUserMethod is how users SCIM creates sign in (normally 'sso:<provider id>' of the site's"
                    + " Entra provider). tenantId with objectIdAttribute (the SCIM attribute Entra's objectId is mapped"
                    + " to, such as externalId) gives provisioned users the same Entra link SAML and OpenID Connect"
                    + " sign-ins make. deletePolicy 'disable' (default) deprovisions and unlinks on DELETE, 'delete'"
                    + " deletes the user. displayNameFrom: name (givenName + familyName, the default) or displayName;"
                    + " emailFrom: emails (the primary, else the work address, the default) or userName.")
    public SettingsView update(@PathParam("site") String slug, Requests.ScimSettingsRequest body) {
        return adminChanges.change(null, context.admin().actor(), () -> {
            Site site = context.site(slug);
            ScimSettings saved = provisioning.saveSettings(
                    site.id(),
                    body.newUserMethod(),
                    body.tenantId(),
                    body.objectIdAttribute(),
                    body.deletePolicy(),
                    body.tokenScheme(),
                    body.displayNameFrom(),
                    body.emailFrom(),
                    context.admin().actor());
            return view(site, saved);
        });
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a SCIM token; its secret is in this answer only",
            description = "Body: {name, expiresAt?}; expiresAt defaults to one year. Manage it afterwards under"
                    + " /credentials/{id} (extend, reset, revoke).")
    @APIResponse(responseCode = "201", description = "Created; the secret is shown only in this answer")
    public Response createToken(@PathParam("site") String slug, Requests.CredentialRequest body) {
        CredentialsResource.Issue issued =
                adminChanges.change(null, context.admin().actor(), () -> {
                    Site site = context.site(slug);
                    Credentials.Issued token = credentials.issue(
                            site.id(),
                            CredentialKind.SCIM_TOKEN,
                            null,
                            body.name(),
                            CredentialsResource.instant("expiresAt", body.expiresAt()),
                            context.admin().actor());
                    return new CredentialsResource.Issue(site, token, provisioning.settings(site.id()));
                });
        return Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(created(issued))
                .build();
    }

    CreatedTokenView created(CredentialsResource.Issue issue) {
        String secret = issue.token().secret().value();
        boolean basic = issue.settings().tokenScheme() == ScimSettings.TokenScheme.BASIC;
        return new CreatedTokenView(
                issue.token().credential().id().toString(),
                issue.token().credential().name(),
                issue.token().credential().expiresAt().toString(),
                tenantUrl(issue.site()),
                secret,
                basic ? null : secret,
                secret.substring(0, 26),
                secret.substring(26));
    }

    @GET
    @Path("log")
    @Operation(
            summary = "The provisioning log: one entry per SCIM request, newest first",
            description = "Query: method (GET, POST, PUT, PATCH, DELETE), resource (a prefix such as Users or"
                    + " Users/<id>), failures (true: only answers of 400 and above), page, size")
    public LogPageView log(
            @PathParam("site") String slug,
            @QueryParam("method") String method,
            @QueryParam("resource") String resource,
            @QueryParam("failures") boolean failures,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return adminChanges.read(() -> {
            Site site = context.site(slug);
            Page<ProvisioningEntry> entries = provisioningLog.query(
                    site.id(),
                    method == null || method.isBlank() ? null : method.strip().toUpperCase(java.util.Locale.ROOT),
                    resource == null || resource.isBlank() ? null : resource.strip(),
                    failures,
                    null,
                    AdminContext.page(page, size));
            return new LogPageView(
                    entries.items().stream().map(LogEntryView::of).toList(),
                    entries.page(),
                    entries.size(),
                    entries.total());
        });
    }

    private SettingsView view(Site site, ScimSettings settings) {
        return new SettingsView(
                tenantUrl(site),
                settings.newUserMethod().code(),
                settings.tenant() == null ? null : settings.tenant().toString(),
                settings.objectIdAttribute(),
                Provisioning.camel(settings.deletePolicy()),
                Provisioning.camel(settings.tokenScheme()),
                Provisioning.camel(settings.displayNameFrom()),
                Provisioning.camel(settings.emailFrom()));
    }

    private String tenantUrl(Site site) {
        return dev.gatehouse.sso.scim.web.ScimServlet.tenantUrl(gatehouseSettings, site);
    }
}
