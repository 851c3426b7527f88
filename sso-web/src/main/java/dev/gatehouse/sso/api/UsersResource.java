package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.NewUser;
import dev.gatehouse.identity.application.UserChanges;
import dev.gatehouse.identity.application.UserService;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.api.Views.PageView;
import dev.gatehouse.sso.api.Views.UserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("v1/sites/{site}/users")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    AdminChanges adminChanges;

    @Inject
    UserService userService;

    @Inject
    AdminContext context;

    @GET
    @Operation(summary = "The users of a site, by login, a page at a time (page from 0, size 1 to 500, default 50)")
    public PageView<UserView> list(
            @PathParam("site") String slug, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return adminChanges.read(() ->
                PageView.of(userService.list(context.site(slug).id(), AdminContext.page(page, size)), UserView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user")
    public UserView get(@PathParam("site") String slug, @PathParam("id") String id) {
        UserId userId = UserId.parse("id", id);
        return adminChanges.read(
                () -> UserView.of(userService.get(context.site(slug).id(), userId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a user",
            description = "Body: {login, displayName, email?, authMethod? ('local' | 'directory' | 'sso:<provider id>',"
                    + " default 'local'), administrator? (default false), password? (at least 12 characters)}")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response create(@PathParam("site") String slug, Requests.UserRequest body) {
        String password = body.password();
        NewUser newUser = new NewUser(
                body.login(),
                body.displayName(),
                body.email(),
                body.authMethod(),
                Boolean.TRUE.equals(body.administrator()),
                password == null ? null : password.toCharArray());
        Site site = adminChanges.read(() -> context.site(slug));
        User created = adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> userService.create(site.id(), newUser, context.admin().actor()));
        return Response.created(UriBuilder.fromResource(UsersResource.class)
                        .path(created.id().toString())
                        .build(slug))
                .entity(UserView.of(created))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a user: any of login, displayName, email (null removes it), state (ENABLED |"
                    + " DISABLED | DEPROVISIONED), authMethod, administrator. Refused when it would remove the site's last"
                    + " break-glass administrator.")
    public UserView update(
            @PathParam("site") String slug, @PathParam("id") String id, Requests.UserChangeRequest body) {
        UserId userId = UserId.parse("id", id);
        JsonValue email = body.email();
        if (email != null
                && email.getValueType() != JsonValue.ValueType.NULL
                && !(email instanceof jakarta.json.JsonString)) {
            throw ValidationException.of("email", "must be a JSON string or null (to remove it)");
        }
        UserChanges changes = new UserChanges(
                body.login(),
                body.displayName(),
                email instanceof jakarta.json.JsonString text ? text.getString() : null,
                email != null && email.getValueType() == JsonValue.ValueType.NULL,
                body.state(),
                body.authMethod(),
                body.administrator());
        Site site = adminChanges.read(() -> context.site(slug));
        return adminChanges.change(
                site.id(),
                context.admin().actor(),
                () -> UserView.of(userService.update(
                        site.id(), userId, changes, context.admin().actor())));
    }

    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's local password", description = "Body: {\"password\"}, at least 12 characters")
    @APIResponse(responseCode = "204", description = "Set")
    public Response setPassword(
            @PathParam("site") String slug, @PathParam("id") String id, Requests.PasswordRequest body) {
        UserId userId = UserId.parse("id", id);
        String password = body.password();
        if (password == null) {
            throw ValidationException.of("password", "is required; use at least 12 characters");
        }
        Site site = adminChanges.read(() -> context.site(slug));
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            userService.setPassword(
                    site.id(), userId, password.toCharArray(), context.admin().actor());
        });
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a user, their memberships and identity links. Refused for the site's last"
                    + " break-glass administrator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("site") String slug, @PathParam("id") String id) {
        UserId userId = UserId.parse("id", id);
        Site site = adminChanges.read(() -> context.site(slug));
        adminChanges.change(site.id(), context.admin().actor(), () -> {
            userService.delete(site.id(), userId, context.admin().actor());
        });
        return Response.noContent().build();
    }

    @Inject
    dev.gatehouse.identity.application.Credentials credentials;

    /**
     * A new app password or API token, in this answer only: {@code secret} is what the user enters as the password of
     * their file client (with their login as the user name), or what automation sends as
     * {@code Authorization: Bearer <secret>}.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "IssuedCredential")
    public record IssuedView(String id, String kind, String name, String login, String expiresAt, String secret) {
        @Override
        public String toString() {
            return "IssuedView[" + id + ", ****]";
        }
    }

    @GET
    @Path("{id}/app-passwords")
    @Operation(summary = "A user's app passwords and API tokens (never their secrets)")
    public java.util.List<dev.gatehouse.sso.credentials.CredentialView> credentialsOf(
            @PathParam("site") String slug, @PathParam("id") String id) {
        UserId userId = UserId.parse("id", id);
        java.time.Instant now = java.time.Clock.systemUTC().instant();
        return adminChanges.read(() -> {
            Site site = context.site(slug);
            userService.get(site.id(), userId);
            return credentials.listOf(userId).stream()
                    .map(c -> dev.gatehouse.sso.credentials.CredentialView.of(c, now))
                    .toList();
        });
    }

    @POST
    @Path("{id}/app-passwords")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue an app password for one of the user's file clients (SFTP, WebDAV, SMB); its secret is in"
                    + " this answer only",
            description = "Body: {name, expiresAt?}; default one year. The storage servers' authentication API accepts"
                    + " it with the user's login. It is revoked when the user is disabled, deprovisioned, deleted or"
                    + " moved to another authentication method.")
    @APIResponse(responseCode = "201", description = "Issued; the secret is shown only in this answer")
    public Response issueAppPassword(
            @PathParam("site") String slug, @PathParam("id") String id, Requests.CredentialRequest body) {
        return issue(slug, id, body, dev.gatehouse.identity.domain.CredentialKind.APP_PASSWORD);
    }

    @POST
    @Path("{id}/api-tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue an API token that acts as this administrator; its secret is in this answer only",
            description = "Body: {name, expiresAt?}; default 90 days. Send it as 'Authorization: Bearer <token>': no"
                    + " password hash per call, unlike HTTP Basic. Revoked with the administrator's access.")
    @APIResponse(responseCode = "201", description = "Issued; the secret is shown only in this answer")
    public Response issueApiToken(
            @PathParam("site") String slug, @PathParam("id") String id, Requests.CredentialRequest body) {
        return issue(slug, id, body, dev.gatehouse.identity.domain.CredentialKind.API_TOKEN);
    }

    private Response issue(
            String slug,
            String id,
            Requests.CredentialRequest body,
            dev.gatehouse.identity.domain.CredentialKind kind) {
        UserId userId = UserId.parse("id", id);
        java.time.Instant expiresAt = CredentialsResource.instant("expiresAt", body.expiresAt());
        IssuedView issued = adminChanges.change(null, context.admin().actor(), () -> {
            Site site = context.site(slug);
            var user = userService.get(site.id(), userId);
            var token = credentials.issue(
                    site.id(),
                    kind,
                    userId,
                    body.name(),
                    expiresAt,
                    context.admin().actor());
            return new IssuedView(
                    token.credential().id().toString(),
                    kind.code(),
                    token.credential().name(),
                    user.login().value(),
                    token.credential().expiresAt().toString(),
                    token.secret().value());
        });
        return Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }
}
