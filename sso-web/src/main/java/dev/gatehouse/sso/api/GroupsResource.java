package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.GroupService;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.api.Views.GroupView;
import dev.gatehouse.sso.api.Views.MemberView;
import dev.gatehouse.sso.api.Views.PageView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("v1/sites/{site}/groups")
@Tag(name = "Groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    GroupService groupService;

    @Inject
    AdminContext context;

    @GET
    @Operation(summary = "The groups of a site, by name, a page at a time")
    public PageView<GroupView> list(
            @PathParam("site") String slug, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return adminChanges.read(() ->
                PageView.of(groupService.list(context.site(slug).id(), AdminContext.page(page, size)), GroupView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One group")
    public GroupView get(@PathParam("site") String slug, @PathParam("id") String id) {
        GroupId groupId = GroupId.parse("id", id);
        return adminChanges.read(
                () -> GroupView.of(groupService.get(context.site(slug).id(), groupId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a group",
            description = "Body: {name, description?}; names are unique per site, ignoring case")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GroupView.class)))
    public Response create(@PathParam("site") String slug, Requests.GroupRequest body) {
        Site site = adminChanges.read(() -> context.site(slug));
        Group created = adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> groupService.create(
                        site.id(),
                        body.name(),
                        body.description(),
                        context.admin().actor()));
        return Response.created(UriBuilder.fromResource(GroupsResource.class)
                        .path(created.id().toString())
                        .build(slug))
                .entity(GroupView.of(created))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a group or change its description", description = "Body: {name?, description?}")
    public GroupView update(@PathParam("site") String slug, @PathParam("id") String id, Requests.GroupRequest body) {
        GroupId groupId = GroupId.parse("id", id);
        Site site = adminChanges.read(() -> context.site(slug));
        return adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> GroupView.of(groupService.update(
                        site.id(),
                        groupId,
                        body.name(),
                        body.description(),
                        context.admin().actor())));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a group and its memberships")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("site") String slug, @PathParam("id") String id) {
        GroupId groupId = GroupId.parse("id", id);
        Site site = adminChanges.read(() -> context.site(slug));
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            groupService.delete(site.id(), groupId, context.admin().actor());
        });
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    @Operation(summary = "The direct members of a group: users and groups")
    public List<MemberView> members(@PathParam("site") String slug, @PathParam("id") String id) {
        GroupId groupId = GroupId.parse("id", id);
        return adminChanges.read(() -> groupService.members(context.site(slug).id(), groupId).stream()
                .map(member -> new MemberView(
                        member instanceof UserId ? "user" : "group",
                        member.value().toString()))
                .toList());
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a member",
            description = "Body: {\"user\": \"<user id>\"} or {\"group\": \"<group id>\"};"
                    + " 201 when added, 200 when it was already a member; a group that would contain itself is refused")
    @APIResponses({
        @APIResponse(
                responseCode = "201",
                description = "Added",
                content =
                        @Content(
                                mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = MemberView.class))),
        @APIResponse(
                responseCode = "200",
                description = "Already a member",
                content =
                        @Content(
                                mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = MemberView.class)))
    })
    public Response addMember(@PathParam("site") String slug, @PathParam("id") String id, Requests.MemberRequest body) {
        GroupId groupId = GroupId.parse("id", id);
        PrincipalId member = member(body);
        Site site = adminChanges.read(() -> context.site(slug));
        boolean added = adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> groupService.addMember(
                        site.id(), groupId, member, context.admin().actor()));
        return Response.status(added ? 201 : 200)
                .entity(new MemberView(
                        member instanceof UserId ? "user" : "group",
                        member.value().toString()))
                .build();
    }

    @DELETE
    @Path("{id}/members/{member}")
    @Operation(summary = "Remove a member (a user or group id); 204, or 404 when it was not a member")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeMember(
            @PathParam("site") String slug, @PathParam("id") String id, @PathParam("member") String memberId) {
        GroupId groupId = GroupId.parse("id", id);
        UserId asUser = UserId.parse("member", memberId);
        Site site = adminChanges.read(() -> context.site(slug));
        boolean removed = adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> groupService.removeMember(
                                site.id(), groupId, asUser, context.admin().actor())
                        || groupService.removeMember(
                                site.id(),
                                groupId,
                                new GroupId(asUser.value()),
                                context.admin().actor()));
        if (!removed) {
            throw new dev.gatehouse.identity.application.NotFoundException("membership of", memberId);
        }
        return Response.noContent().build();
    }

    private static PrincipalId member(Requests.MemberRequest body) {
        String user = body.user();
        String group = body.group();
        if ((user == null) == (group == null)) {
            throw ValidationException.of("user", "give exactly one of 'user' (a user id) or 'group' (a group id)");
        }
        return user != null ? UserId.parse("user", user) : GroupId.parse("group", group);
    }
}
