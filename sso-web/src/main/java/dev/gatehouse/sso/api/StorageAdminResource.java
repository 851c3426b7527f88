package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.api.StorageViews.ClientView;
import dev.gatehouse.sso.api.StorageViews.CreatedClientView;
import dev.gatehouse.sso.api.StorageViews.EntryView;
import dev.gatehouse.sso.api.StorageViews.ExplanationView;
import dev.gatehouse.sso.api.StorageViews.FolderView;
import dev.gatehouse.sso.api.StorageViews.InheritanceView;
import dev.gatehouse.sso.api.StorageViews.QuotaView;
import dev.gatehouse.storage.application.DecisionService;
import dev.gatehouse.storage.application.StorageClients;
import dev.gatehouse.storage.application.StoragePolicyService;
import dev.gatehouse.storage.model.FolderPath;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration of a site's storage policy: shared folders, access entries, inheritance, quotas, storage clients. */
@Path("v1/sites/{site}/storage")
@Tag(name = "Storage policy", description = "Shared folders, access entries, quotas, storage clients, the explainer")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorageAdminResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    dev.gatehouse.sso.cluster.Cluster cluster;

    @Inject
    StoragePolicyService storagePolicy;

    @Inject
    DecisionService decisions;

    @Inject
    StorageClients storageClients;

    @Inject
    AdminContext context;

    @GET
    @Path("folders")
    @Operation(summary = "The site's shared folders")
    public List<FolderView> folders(@PathParam("site") String slug) {
        return adminChanges.read(() -> storagePolicy.folders(context.site(slug).id()).stream()
                .map(FolderView::of)
                .toList());
    }

    @POST
    @Path("folders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a shared folder", description = "Body: {name, path}; shared folders do not nest")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FolderView.class)))
    public Response createFolder(@PathParam("site") String slug, Requests.FolderRequest body) {
        Site site = site(slug);
        var folder = adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> storagePolicy.createFolder(
                        site.id(), body.name(), body.path(), context.admin().actor()));
        return Response.status(201).entity(FolderView.of(folder)).build();
    }

    @DELETE
    @Path("folders/{id}")
    @Operation(summary = "Delete a shared folder with every entry on or below it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteFolder(@PathParam("site") String slug, @PathParam("id") String id) {
        UUID folderId = StorageViews.uuid("id", id);
        Site site = site(slug);
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            storagePolicy.deleteFolder(site.id(), folderId, context.admin().actor());
        });
        return Response.noContent().build();
    }

    @GET
    @Path("entries")
    @Operation(summary = "Every access entry of the site, with the inheritance settings")
    public List<EntryView> entries(@PathParam("site") String slug) {
        return adminChanges.read(() -> storagePolicy.entries(context.site(slug).id()).stream()
                .map(EntryView::of)
                .toList());
    }

    @PUT
    @Path("entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set a grantee's right on a folder path",
            description = "Body: {path, grantee: 'user:<id>' | 'group:<id>' | 'everyone', right: READ_ONLY |"
                    + " READ_WRITE | DENY}. Replaces the grantee's earlier entry on the same path.")
    public EntryView setEntry(@PathParam("site") String slug, Requests.EntryRequest body) {
        Site site = site(slug);
        return EntryView.of(adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> storagePolicy.setEntry(
                        site.id(),
                        body.path(),
                        body.grantee(),
                        body.right(),
                        context.admin().actor())));
    }

    @DELETE
    @Path("entries/{id}")
    @Operation(summary = "Remove an access entry")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeEntry(@PathParam("site") String slug, @PathParam("id") String id) {
        UUID entryId = StorageViews.uuid("id", id);
        Site site = site(slug);
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            storagePolicy.removeEntry(site.id(), entryId, context.admin().actor());
        });
        return Response.noContent().build();
    }

    @GET
    @Path("inheritance")
    @Operation(summary = "The folders whose entries add to their parent's instead of replacing them")
    public List<InheritanceView> inheritance(@PathParam("site") String slug) {
        return adminChanges.read(
                () -> storagePolicy.inheritance(context.site(slug).id()).stream()
                        .map(InheritanceView::of)
                        .toList());
    }

    @PUT
    @Path("inheritance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mark a subfolder to also inherit its parent's entries (or not)",
            description = "Body: {path, inheritsParent}")
    public InheritanceView setInheritance(@PathParam("site") String slug, Requests.InheritanceRequest body) {
        Boolean inherits = body.inheritsParent();
        if (inherits == null) {
            throw ValidationException.of("inheritsParent", "is required: true or false");
        }
        Site site = site(slug);
        return InheritanceView.of(adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> storagePolicy.setInheritance(
                        site.id(), body.path(), inherits, context.admin().actor())));
    }

    @GET
    @Path("quotas")
    @Operation(summary = "The site's user and group quotas")
    public List<QuotaView> quotas(@PathParam("site") String slug) {
        return adminChanges.read(() -> storagePolicy.quotas(context.site(slug).id()).stream()
                .map(QuotaView::of)
                .toList());
    }

    @PUT
    @Path("quotas")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set a user's quota or a group's default quota",
            description = "Body: {grantee: 'user:<id>' | 'group:<id>', bytes: <number> | null for unlimited}")
    public QuotaView setQuota(@PathParam("site") String slug, Requests.QuotaRequest body) {
        Long bytes = bytes(body.bytes());
        Site site = site(slug);
        return QuotaView.of(adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> storagePolicy.setQuota(
                        site.id(), body.grantee(), bytes, context.admin().actor())));
    }

    @DELETE
    @Path("quotas/{grantee}")
    @Operation(summary = "Remove a quota (user:<id> or group:<id>)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeQuota(@PathParam("site") String slug, @PathParam("grantee") String grantee) {
        Site site = site(slug);
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            storagePolicy.removeQuota(site.id(), grantee, context.admin().actor());
        });
        return Response.noContent().build();
    }

    @GET
    @Path("clients")
    @Operation(summary = "The storage servers' credentials for this site (without secrets)")
    public List<ClientView> clients(@PathParam("site") String slug) {
        return adminChanges.read(() -> storageClients.list(context.site(slug).id()).stream()
                .map(ClientView::of)
                .toList());
    }

    @POST
    @Path("clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a storage-server credential; the secret is in this answer only",
            description = "Body: {name}. The storage server calls /api/v1/storage/… with HTTP Basic <id>:<secret>.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the secret is shown only in this answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedClientView.class)))
    public Response createClient(@PathParam("site") String slug, Requests.StorageClientRequest body) {
        Site site = site(slug);
        StorageClients.Created created = adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> storageClients.create(
                        site.id(), body.name(), context.admin().actor()));
        return Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(CreatedClientView.of(created))
                .build();
    }

    @DELETE
    @Path("clients/{id}")
    @Operation(summary = "Revoke a storage-server credential")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteClient(@PathParam("site") String slug, @PathParam("id") String id) {
        UUID clientId = StorageViews.uuid("id", id);
        Site site = site(slug);
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            storageClients.delete(site.id(), clientId, context.admin().actor());
        });
        cluster.changed(dev.gatehouse.sso.cluster.Change.storageClient(clientId)); // every node forgets it
        return Response.noContent().build();
    }

    @GET
    @Path("explain")
    @Operation(
            summary = "Effective access: every entry that applies to a path for a user, with its source",
            description = "Query: user (a user id), path")
    public ExplanationView explain(
            @PathParam("site") String slug, @QueryParam("user") String user, @QueryParam("path") String path) {
        UserId userId = UserId.parse("user", user);
        FolderPath folderPath = FolderPath.parse("path", path);
        Site site = site(slug);
        return ExplanationView.of(decisions.explain(site.id(), userId, folderPath));
    }

    private Site site(String slug) {
        return adminChanges.read(() -> context.site(slug));
    }

    private static Long bytes(JsonValue value) {
        if (value == null) {
            throw ValidationException.of("bytes", "is required: a number of bytes, or null for unlimited");
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return JsonInput.byteCount(value, "bytes", "a whole number of bytes, or null for unlimited");
    }
}
