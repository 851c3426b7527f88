package dev.gatehouse.sso.api;

import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.persistence.Transactions;
import dev.gatehouse.sso.security.StorageClientFilter;
import dev.gatehouse.storage.application.DecisionService;
import dev.gatehouse.storage.application.DenialRecorder;
import dev.gatehouse.storage.application.StoragePolicyService;
import dev.gatehouse.storage.engine.Decision;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.StorageClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API storage servers call, authenticated as a storage client of one site (HTTP Basic {@code <client id>:<secret>}).
 * Decisions come from the site's in-memory index; while the policy cannot be read the answer is 503 (deny).
 */
@Path("v1/storage")
@Tag(name = "Storage decisions", description = "For storage servers: decisions and usage reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorageServerResource {
    static final int MAX_BATCH = 1000;
    /** Looked up once: {@code Json.createObjectBuilder} searches for the provider on every call. */
    private static final jakarta.json.JsonBuilderFactory JSON =
            jakarta.json.Json.createBuilderFactory(java.util.Map.of());

    @Inject
    StoragePolicyService storagePolicy;

    @Inject
    DecisionService decisions;

    @Inject
    Transactions transactions;

    @Inject
    DenialRecorder denials;

    @Inject
    HttpServletRequest request;

    /** A decision as the API answers it: {@code {"allowed", "right", "reason"}}, written with JSON-P (it is hot). */
    static jakarta.json.JsonObjectBuilder json(Decision d) {
        return JSON.createObjectBuilder()
                .add("allowed", d.allowed())
                .add("right", d.right().name())
                .add("reason", d.reason());
    }

    /** The answer of {@link #ping()}. */
    public record PingView(boolean ok) {}

    @jakarta.ws.rs.GET
    @Path("ping")
    @Operation(summary = "Checks the storage client's credential and the connection; does nothing else")
    public PingView ping() {
        return new PingView(true);
    }

    @Inject
    dev.gatehouse.identity.application.PasswordLogin passwordLogin;

    @Inject
    dev.gatehouse.identity.application.SiteService siteService;

    @Inject
    dev.gatehouse.identity.application.GroupService groupService;

    /** A group of a signed-in file client's user. */
    public record GroupView(String id, String name) {}

    /**
     * The answer to a file client's sign-in.
     *
     * @param reason why not, in words safe to show the user (the audit log has the precise reason)
     * @param retryAfterSeconds when throttled
     */
    @Schema(name = "StorageLoginAnswer")
    public record LoginView(
            boolean allowed,
            String user,
            String login,
            String displayName,
            String email,
            List<GroupView> groups,
            String reason,
            Long retryAfterSeconds) {}

    @POST
    @Path("authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "May this file client sign in? (SFTP, WebDAV, SMB: every login a browser cannot make)",
            description = "Body: {username, password, clientAddress?}. The password is the user's local password or one"
                    + " of their app passwords (users who sign in by SSO have only those). Allowed: the user's id,"
                    + " login and groups (direct and through other groups). Refused: a generic reason; the precise one"
                    + " is in the audit log. Failures are throttled per account and per clientAddress (or the storage"
                    + " server's address).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
            responseCode = "200",
            description = "Allowed or refused",
            content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LoginView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
            responseCode = "503",
            description = "The directory that checks this user's password answered from none of its controllers;"
                    + " retry after Retry-After (not counted as a failed sign-in)",
            content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LoginView.class)))
    public jakarta.ws.rs.core.Response authenticate(Requests.StorageLoginRequest body) {
        dev.gatehouse.identity.validation.Checks checks = new dev.gatehouse.identity.validation.Checks();
        checks.required("username", body.username(), 256);
        checks.required("password", body.password(), 1024);
        checks.optional("clientAddress", body.clientAddress(), 64);
        checks.throwIfAny();
        StorageClient client = client();
        String address = (body.clientAddress() == null || body.clientAddress().isBlank()
                        ? request.getRemoteAddr()
                        : body.clientAddress().strip())
                + " via " + client.name();
        return transactions.inTransaction(() -> {
            dev.gatehouse.identity.domain.Site site =
                    siteService.find(client.site()).orElseThrow();
            dev.gatehouse.identity.application.LoginResult result = passwordLogin.authenticateFileClient(
                    site, body.username(), body.password().toCharArray(), address);
            if (result instanceof dev.gatehouse.identity.application.LoginResult.Success success) {
                var user = success.user();
                return ok(new LoginView(
                        true,
                        user.id().toString(),
                        user.login().value(),
                        user.displayName(),
                        user.email() == null ? null : user.email().toString(),
                        groupService.effectiveGroupsOf(site.id(), user.id()).stream()
                                .map(g -> new GroupView(
                                        g.id().toString(), g.name().value()))
                                .toList(),
                        null,
                        null));
            }
            if (result instanceof dev.gatehouse.identity.application.LoginResult.Throttled throttled) {
                long seconds = Math.max(1, throttled.retryAfter().toSeconds());
                return ok(new LoginView(
                        false,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        "too many failed sign-ins; try again in " + seconds + " s",
                        seconds));
            }
            if (result instanceof dev.gatehouse.identity.application.LoginResult.Unavailable) {
                return unavailable(new LoginView(
                        false, null, null, null, null, List.of(), DIRECTORY_UNAVAILABLE, UNAVAILABLE_RETRY_SECONDS));
            }
            return ok(new LoginView(
                    false,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    "the login or password is wrong, or this account cannot sign in here",
                    null));
        });
    }

    private static jakarta.ws.rs.core.Response ok(LoginView answer) {
        return jakarta.ws.rs.core.Response.ok(answer).build();
    }

    /** The directory down is no answer about the user: 503, so the storage server may retry or fail over. */
    private static jakarta.ws.rs.core.Response unavailable(LoginView answer) {
        return jakarta.ws.rs.core.Response.status(503)
                .header("Retry-After", UNAVAILABLE_RETRY_SECONDS)
                .entity(answer)
                .build();
    }

    private static final long UNAVAILABLE_RETRY_SECONDS = 30;
    private static final String DIRECTORY_UNAVAILABLE = "the directory cannot be reached; try again later";

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "May this user do this on this path?",
            description = "Body: {user, action: read | list | write | delete, path, bytes?}. user is a user id,"
                    + " 'login:<login>' or an identity-link key such as 'entra:<tenant id>:<object id>'. bytes is"
                    + " what a write adds, checked against the quota.")
    @APIResponse(
            responseCode = "200",
            description = "The decision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Requests.DecisionAnswer.class)))
    public String decide(Requests.DecisionRequest body) {
        Action action = Action.parse("action", body.action());
        FolderPath path = FolderPath.parse("path", body.path());
        long bytes = bytes(body.bytes(), "bytes");
        StorageClient client = client();
        Decision decision = decide(client, body.user(), action, path, bytes);
        return json(decision).build().toString();
    }

    @POST
    @Path("decisions/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Many decisions for one user in one call (at most 1000)",
            description = "Body: {user, requests: [{action, path, bytes?}, …]}; the answers are in the same order.")
    @APIResponse(
            responseCode = "200",
            description = "The decisions in the order asked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Requests.DecisionBatchAnswer.class)))
    public String decideBatch(Requests.DecisionBatchRequest body) {
        List<Requests.DecisionBatchItem> requests = body.requests();
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw ValidationException.of(
                    "requests", "must be an array of 1 to " + MAX_BATCH + " {action, path, bytes?}");
        }
        List<Action> actions = new ArrayList<>(requests.size());
        List<FolderPath> paths = new ArrayList<>(requests.size());
        long[] sizes = new long[requests.size()];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String prefix = "requests[" + i + "].";
            Requests.DecisionBatchItem item = requests.get(i);
            try {
                actions.add(Action.parse(prefix + "action", item.action()));
                paths.add(FolderPath.parse(prefix + "path", item.path()));
                sizes[i] = bytes(item.bytes(), prefix + "bytes");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        StorageClient client = client();
        Optional<UserId> user = user(client.site(), body.user());
        jakarta.json.JsonArrayBuilder answers = JSON.createArrayBuilder();
        for (int i = 0; i < actions.size(); i++) {
            answers.add(json(decide(client, user, body.user(), actions.get(i), paths.get(i), sizes[i])));
        }
        return jakarta.json.Json.createObjectBuilder()
                .add("decisions", answers)
                .build()
                .toString();
    }

    @PUT
    @Path("usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the bytes a user stores", description = "Body: {user: <user id>, bytes}")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response reportUsage(Requests.UsageRequest body) {
        long bytes = bytes(body.bytes(), "bytes");
        StorageClient client = client();
        SiteId site = client.site();
        String user = body.user();
        transactions.run(() -> storagePolicy.reportUsage(site, user, bytes));
        decisions.usageReported(site, UserId.parse("user", user), bytes);
        return Response.noContent().build();
    }

    private Decision decide(StorageClient client, String userText, Action action, FolderPath path, long bytes) {
        return decide(client, user(client.site(), userText), userText, action, path, bytes);
    }

    private Decision decide(
            StorageClient client, Optional<UserId> user, String userText, Action action, FolderPath path, long bytes) {
        Decision decision = user.isPresent()
                ? decisions.decide(client.site(), user.get(), action, path, bytes)
                : new Decision(
                        false,
                        dev.gatehouse.storage.model.Right.NONE,
                        "the user is unknown, disabled or deprovisioned");
        dev.gatehouse.sso.metrics.Metrics.decision(decision.allowed());
        if (!decision.allowed()) {
            denials.record(
                    client.site(),
                    "storage client " + client.name(),
                    () -> "user:" + userText,
                    () -> action.name().toLowerCase() + " " + path + ": " + decision.reason());
        }
        return decision;
    }

    /** A user id as it is, or the enabled user an alias names; malformed references are a 400. */
    private Optional<UserId> user(SiteId site, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of(
                    "user",
                    "is required: a user id, 'login:<login>' or a link key such as"
                            + " 'entra:<tenant id>:<object id>'");
        }
        if (Uuids.isCanonical(text)) {
            return Optional.of(UserId.parse("user", text));
        }
        if (text.indexOf(':') <= 0 || text.length() > 600) {
            throw ValidationException.of(
                    "user",
                    "'" + dev.gatehouse.identity.validation.Texts.printable(text)
                            + "' is neither a user id nor '<kind>:<value>' (login:<login>, entra:<tenant id>:<object id>, …)");
        }
        String alias =
                text.startsWith("login:") ? "login:" + text.substring(6).toLowerCase(java.util.Locale.ROOT) : text;
        return decisions.user(site, alias);
    }

    private StorageClient client() {
        return (StorageClient) request.getAttribute(StorageClientFilter.REQUEST_ATTRIBUTE);
    }

    private static long bytes(JsonValue value, String field) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return 0;
        }
        return JsonInput.byteCount(value, field, "a whole number of bytes, 0 or more");
    }
}
