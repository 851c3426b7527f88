package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.sso.api.Views.SiteView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("v1/sites")
@Tag(name = "Sites")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SitesResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    SiteService siteService;

    @Inject
    AdminContext context;

    @GET
    @Operation(summary = "The sites the caller administers: their own and every site below it")
    public List<SiteView> list() {
        return adminChanges.read(() -> siteService.subtree(context.admin().site()).stream()
                .map(site -> SiteView.of(site, this::parentSlug))
                .toList());
    }

    @GET
    @Path("{site}")
    @Operation(summary = "One site")
    public SiteView get(@PathParam("site") String slug) {
        return adminChanges.read(() -> SiteView.of(context.site(slug), this::parentSlug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a child site under one of the caller's sites",
            description = "Body: {\"slug\", \"displayName\", \"parent\"}; parent is a site slug and defaults to the"
                    + " caller's own site.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class)))
    public Response create(Requests.SiteRequest body) {
        String parentSlug = body.parent();
        Site created =
                adminChanges.change(context.admin().site(), context.admin().actor(), () -> {
                    SiteId parent = parentSlug == null
                            ? context.admin().site()
                            : context.site(parentSlug).id();
                    return siteService.create(
                            body.slug(),
                            body.displayName(),
                            parent,
                            context.admin().actor());
                });
        return Response.created(UriBuilder.fromResource(SitesResource.class)
                        .path(created.slug().value())
                        .build())
                .entity(adminChanges.read(() -> SiteView.of(created, this::parentSlug)))
                .build();
    }

    @PATCH
    @Path("{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a site", description = "Body: {\"displayName\"}")
    public SiteView update(@PathParam("site") String slug, Requests.SiteRenameRequest body) {
        return adminChanges.change(
                context.admin().site(),
                context.admin().actor(),
                () -> SiteView.of(
                        siteService.rename(
                                context.site(slug).id(),
                                body.displayName(),
                                context.admin().actor()),
                        this::parentSlug));
    }

    private String parentSlug(Site site) {
        return site.parentId()
                .map(parent -> siteService
                        .find(parent)
                        .orElseThrow(() -> new NotFoundException("site", parent))
                        .slug()
                        .value())
                .orElse(null);
    }
}
