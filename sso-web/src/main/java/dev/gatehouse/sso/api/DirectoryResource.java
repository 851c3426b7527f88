package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.DirectoryAdministration;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How a site reaches its Active Directory or Entra Domain Services for directory logins. */
@Path("v1/sites/{site}/directory")
@Tag(name = "Directory")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    DirectoryAdministration directories;

    @Inject
    AdminContext context;

    @Inject
    dev.gatehouse.identity.port.DirectoryDiagnostics diagnostics;

    /** The preflight checklist: every line with what was found and, when it failed, the fix. */
    @Schema(name = "DirectoryPreflight")
    public record PreflightView(boolean passed, List<dev.gatehouse.identity.domain.DiagnosticCheck> checks) {}

    @Schema(name = "Directory")
    public record DirectoryView(
            String domain,
            List<String> controllers,
            String transport,
            String baseDn,
            String trustedCertificates,
            boolean justInTime,
            String updatedAt) {
        static DirectoryView of(DirectorySettings settings) {
            return new DirectoryView(
                    settings.domain(),
                    settings.controllers(),
                    settings.transport().name().toLowerCase(java.util.Locale.ROOT),
                    settings.baseDn(),
                    settings.trustedCertificates(),
                    settings.justInTime(),
                    settings.updatedAt().toString());
        }
    }

    @GET
    @Operation(summary = "The site's directory settings (404 when it has none)")
    public DirectoryView get(@PathParam("site") String slug) {
        return adminChanges.read(() -> {
            Site site = context.site(slug);
            return directories
                    .settings(site.id())
                    .map(DirectoryView::of)
                    .orElseThrow(() -> new NotFoundException("directory of site", slug));
        });
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the site's directory: its users then sign in with their domain password",
            description = "On the login page and through the storage servers' authentication API, a user whose method"
                    + " is 'directory', or a login no local user has, is checked by a bind over LDAPS (or StartTLS)"
                    + " to the controllers in order; the answer ends in the identity pipeline, linked by objectGUID.")
    public DirectoryView put(@PathParam("site") String slug, Requests.DirectoryRequest body) {
        return adminChanges.change(
                null,
                context.admin().actor(),
                () -> DirectoryView.of(directories.save(
                        context.site(slug).id(),
                        body.domain(),
                        body.controllers(),
                        body.transport(),
                        body.trustedCertificates(),
                        body.justInTime(),
                        context.admin().actor())));
    }

    @jakarta.ws.rs.POST
    @Path("preflight")
    @Operation(
            summary = "Check the site's directory before anyone relies on it",
            description = "For each controller: name resolution, reachability of its port, the LDAPS certificate's"
                    + " chain to the trusted certificates, its host name and expiry, the root DSE (the naming context"
                    + " the domain implies) and the clock offset (Kerberos allows 5 minutes). Every failed line has a"
                    + " fix. Changes nothing.")
    public PreflightView preflight(@PathParam("site") String slug) {
        DirectorySettings settings = adminChanges.read(() -> directories
                .settings(context.site(slug).id())
                .orElseThrow(() -> new NotFoundException("directory of site", slug)));
        List<dev.gatehouse.identity.domain.DiagnosticCheck> checks = diagnostics.preflight(settings);
        return new PreflightView(
                checks.stream().allMatch(dev.gatehouse.identity.domain.DiagnosticCheck::passed), checks);
    }
}
