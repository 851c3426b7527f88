package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.EntraGroupNames;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Readable names for Entra group object IDs, for groups that no SCIM or directory source has named. */
@Path("v1/sites/{site}/entra-groups")
@Tag(name = "Groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EntraGroupsResource {
    /** The name now used for an Entra group, and the Gatehouse group linked to it (if any yet). */
    public record EntraGroupView(String objectId, String name, String groupId) {}

    @Inject
    AdminChanges adminChanges;

    @Inject
    EntraGroupNames entraGroupNames;

    @Inject
    AdminContext context;

    @PUT
    @Path("{objectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Name an Entra group",
            description = "Body: {name}. Sign-ins that carry this group object ID use the name; a group already"
                    + " created for it at a sign-in is renamed.")
    public EntraGroupView name(
            @PathParam("site") String slug,
            @PathParam("objectId") String objectId,
            Requests.EntraGroupNameRequest body) {
        EntraObjectId object = EntraObjectId.parse("objectId", objectId);
        String name = body.name();
        Site site = adminChanges.read(() -> context.site(slug));
        return adminChanges.change(site.id(), context.admin().actor(), () -> {
            var renamed = entraGroupNames.name(
                    site.id(), object, name, context.admin().actor());
            return new EntraGroupView(
                    object.toString(),
                    renamed.map(g -> g.name().value()).orElse(name == null ? null : name.strip()),
                    renamed.map(g -> g.id().toString()).orElse(null));
        });
    }
}
