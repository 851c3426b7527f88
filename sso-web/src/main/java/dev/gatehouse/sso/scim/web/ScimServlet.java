package dev.gatehouse.sso.scim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.ConflictException;
import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.application.UniquenessException;
import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.ProvisioningEntry;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.port.ProvisioningLog;
import dev.gatehouse.identity.validation.FieldError;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.metrics.Metrics;
import dev.gatehouse.sso.persistence.DatabaseUnavailableException;
import dev.gatehouse.sso.scim.engine.GroupResources;
import dev.gatehouse.sso.scim.engine.Patches;
import dev.gatehouse.sso.scim.engine.Resources;
import dev.gatehouse.sso.scim.engine.ScimError;
import dev.gatehouse.sso.scim.engine.ScimQuery;
import dev.gatehouse.sso.scim.engine.ScimSchemas;
import dev.gatehouse.sso.scim.engine.UserResources;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SCIM 2.0 endpoint of every site: {@code /scim/v2/<site>/Users}, {@code /Groups}, {@code /ServiceProviderConfig},
 * {@code /ResourceTypes}, {@code /Schemas}; Entra's provisioning app takes {@code <base URL>/scim/v2/<site>} as its
 * tenant URL.
 *
 * <p><b>Security.</b> Only a usable SCIM token of the site authenticates, as {@code Authorization: Bearer <token>} or
 * as HTTP Basic (its first 26 characters the user name, the rest the password); a token in the query string is refused
 * and never read. The token's check costs one primary-key read and a constant-time comparison of hashes. Bodies are
 * capped (2 MB, nesting 16) and filters bounded ({@link ScimQuery}).
 *
 * <p><b>Consistency.</b> Every change is one transaction; one that collides with a simultaneous one (two creates with
 * the same {@code externalId}) is tried again, and then finds the other's result: one user, and 409 {@code uniqueness}
 * for the other. {@code If-Match} with a stale version answers 412. After a change the site's storage decisions are
 * rebuilt before the answer, so a user set {@code active=false} is denied on the next decision.
 *
 * <p>Every authenticated request is written to the provisioning log with its outcome and the attributes it changed;
 * an anonymous one is only counted in the metrics, so that nobody without a token can add rows.
 */
@WebServlet("/scim/v2/*")
public class ScimServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ScimServlet.class.getName());
    private static final String CONTENT_TYPE = "application/scim+json;charset=UTF-8";
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final int ATTEMPTS = 3;

    /** Query parameters that would carry a token: refused, never read. */
    private static final Set<String> TOKEN_PARAMETERS = Set.of("access_token", "token", "bearer", "secret");

    @Inject
    AdminChanges adminChanges;

    @Inject
    dev.gatehouse.identity.application.SiteService siteService;

    @Inject
    Provisioning provisioning;

    @Inject
    Credentials credentials;

    @Inject
    ProvisioningLog provisioningLog;

    @Inject
    GatehouseSettings gatehouseSettings;

    /** What one request did, for its answer and the provisioning log. */
    private static final class Exchange {
        final HttpServletRequest request;
        final HttpServletResponse response;
        final long started = System.nanoTime();
        Site site;
        ScimSettings settings;
        /** Only requests with a valid SCIM token of the site reach the provisioning log. */
        boolean authenticated;

        String resource = "";
        int status = 500;
        String outcome = "";
        Set<String> changed = new LinkedHashSet<>();

        Exchange(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange exchange = new Exchange(request, response);
        try {
            handle(exchange);
        } catch (ScimError e) {
            error(exchange, e);
        } catch (UniquenessException e) {
            error(exchange, ScimError.uniqueness(scimField(e.field()) + ": " + e.getMessage()));
        } catch (NotFoundException e) {
            error(exchange, ScimError.notFound(e.getMessage()));
        } catch (ValidationException e) {
            FieldError first = e.errors().get(0);
            error(exchange, ScimError.invalidValue(scimField(first.field()) + ": " + first.message()));
        } catch (ConflictException e) {
            error(exchange, new ScimError(409, null, e.getMessage()));
        } catch (DatabaseUnavailableException e) {
            response.setHeader("Retry-After", "5");
            error(exchange, new ScimError(503, null, "the database is unavailable; try again shortly"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SCIM request " + request.getMethod() + " " + exchange.resource + " failed", e);
            error(exchange, new ScimError(500, null, "the request could not be completed; see the server log"));
        } finally {
            record(exchange);
        }
    }

    private void handle(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request;
        String pathInfo = request.getPathInfo();
        String[] parts =
                pathInfo == null ? new String[0] : pathInfo.substring(1).split("/", -1);
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw ScimError.notFound("the SCIM endpoint of a site is /scim/v2/<site slug>/");
        }
        exchange.site = site(parts[0]);
        exchange.resource = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        if (tokenInQuery(request)) {
            unauthorized(exchange, "a token in the query string is refused: send it in the Authorization header");
            return;
        }
        Optional<IssuedSecrets.Presented> presented = presented(request.getHeader("Authorization"));
        Optional<Credential> token = adminChanges.read(() -> {
            exchange.settings = provisioning.settings(exchange.site.id());
            return credentials.authenticate(CredentialKind.SCIM_TOKEN, presented);
        });
        if (token.isEmpty() || !token.get().site().equals(exchange.site.id())) {
            unauthorized(exchange, "send a SCIM token of this site as 'Authorization: Bearer <token>' or HTTP Basic");
            return;
        }
        exchange.authenticated = true;
        String type = parts.length > 1 ? parts[1] : "";
        String id = parts.length > 2 ? parts[2] : null;
        if (parts.length > 3) {
            throw ScimError.notFound("no SCIM resource at " + pathInfo);
        }
        String method = request.getMethod();
        switch (type) {
            case "Users" -> users(exchange, method, id);
            case "Groups" -> groups(exchange, method, id);
            case "ServiceProviderConfig" -> {
                requireGet(method);
                write(
                        exchange,
                        200,
                        ScimSchemas.serviceProviderConfig(
                                base(exchange), exchange.settings.tokenScheme() == ScimSettings.TokenScheme.BASIC));
            }
            case "ResourceTypes" -> {
                requireGet(method);
                discovery(exchange, ScimSchemas.resourceTypes(base(exchange)), id);
            }
            case "Schemas" -> {
                requireGet(method);
                discovery(exchange, ScimSchemas.schemas(base(exchange)), id);
            }
            default -> throw ScimError.notFound("no SCIM resource type '" + type
                    + "'; use Users, Groups, ServiceProviderConfig, ResourceTypes" + " or Schemas");
        }
    }

    // ---- users

    private void users(Exchange exchange, String method, String id) throws IOException {
        String site = exchange.site.slug().value();
        if (id == null || ".search".equals(id)) {
            if ("GET".equals(method) || ("POST".equals(method) && id != null)) {
                list(exchange, query(exchange, id != null), this::userCandidates, true);
            } else if ("POST".equals(method)) {
                ObjectNode body = body(exchange);
                Provisioning.UserData data = UserResources.toData(body, exchange.settings);
                Provisioning.ProvisionedUser created =
                        change(exchange, () -> provisioning.createUser(exchange.site.id(), exchange.settings, data));
                exchange.outcome = "created " + created.user().id();
                exchange.changed.addAll(names(body));
                ObjectNode json = UserResources.toJson(created, base(exchange));
                exchange.response.setHeader(
                        "Location", base(exchange) + "/Users/" + created.user().id());
                write(exchange, 201, json);
            } else {
                throw notAllowed(method, "GET, POST");
            }
            return;
        }
        String base = base(exchange);
        Supplier<Provisioning.ProvisionedUser> current = () -> provisioning
                .user(exchange.site.id(), id)
                .orElseThrow(() -> ScimError.notFound("no user '" + id + "' in site '" + site + "'"));
        switch (method) {
            case "GET" -> {
                ScimQuery query = query(exchange, false);
                ObjectNode json = UserResources.toJson(adminChanges.read(current), base);
                if (notModified(exchange, json)) {
                    return;
                }
                exchange.outcome = "found";
                write(exchange, 200, query.project(json));
            }
            case "PUT", "PATCH" -> {
                ObjectNode body = body(exchange);
                List<Patches.Op> ops = "PATCH".equals(method) ? Patches.operations(body) : null;
                ObjectNode[] before = new ObjectNode[1];
                // read, check the version, apply and write in one transaction: no change slips in between
                Provisioning.ProvisionedUser updated = change(exchange, () -> {
                    before[0] = UserResources.toJson(current.get(), base);
                    requireMatch(exchange, before[0]);
                    ObjectNode after = body;
                    if (ops != null) {
                        after = before[0].deepCopy();
                        after.remove("meta");
                        Patches.apply(after, ops);
                    }
                    return provisioning.replaceUser(
                            exchange.site.id(), exchange.settings, id, UserResources.toData(after, exchange.settings));
                });
                ObjectNode json = UserResources.toJson(updated, base);
                exchange.changed.addAll(differences(before[0], json));
                exchange.outcome = "updated";
                write(exchange, 200, json);
            }
            case "DELETE" -> {
                change(exchange, () -> {
                    requireMatch(exchange, UserResources.toJson(current.get(), base));
                    provisioning.deleteUser(exchange.site.id(), exchange.settings, id);
                    return null;
                });
                exchange.outcome =
                        "deleted (" + exchange.settings.deletePolicy().name().toLowerCase(Locale.ROOT) + ")";
                noContent(exchange);
            }
            default -> throw notAllowed(method, "GET, PUT, PATCH, DELETE");
        }
    }

    private List<ObjectNode> userCandidates(Exchange exchange, ScimQuery query) {
        return adminChanges.read(() -> {
            var siteId = exchange.site.id();
            List<Provisioning.ProvisionedUser> found;
            Optional<String> id = query.requiredEquality("id");
            Optional<String> userName = query.requiredEquality("userName");
            Optional<String> externalId = query.requiredEquality("externalId");
            if (id.isPresent()) {
                found = provisioning.user(siteId, id.get()).stream().toList();
            } else if (userName.isPresent()) {
                found = provisioning.userByName(siteId, userName.get()).stream().toList();
            } else if (externalId.isPresent()) {
                found = provisioning.userByExternalId(siteId, externalId.get()).stream()
                        .toList();
            } else {
                found = provisioning.users(siteId);
            }
            String base = base(exchange);
            return found.stream().map(u -> UserResources.toJson(u, base)).toList();
        });
    }

    // ---- groups

    private void groups(Exchange exchange, String method, String id) throws IOException {
        String site = exchange.site.slug().value();
        if (id == null || ".search".equals(id)) {
            if ("GET".equals(method) || ("POST".equals(method) && id != null)) {
                list(exchange, query(exchange, id != null), this::groupCandidates, false);
            } else if ("POST".equals(method)) {
                ObjectNode body = body(exchange);
                Provisioning.GroupData data = GroupResources.toData(body);
                List<String> members = GroupResources.memberIds(body.get("members"));
                Provisioning.ProvisionedGroup created = change(exchange, () -> {
                    Provisioning.ProvisionedGroup group = provisioning.createGroup(exchange.site.id(), data);
                    if (!members.isEmpty()) {
                        provisioning.changeMembers(
                                exchange.site.id(), group.group().id().toString(), members, List.of(), false);
                    }
                    return group;
                });
                exchange.outcome = "created " + created.group().id();
                exchange.changed.addAll(names(body));
                exchange.response.setHeader(
                        "Location",
                        base(exchange) + "/Groups/" + created.group().id());
                write(exchange, 201, GroupResources.toJson(created, members, base(exchange)));
            } else {
                throw notAllowed(method, "GET, POST");
            }
            return;
        }
        Provisioning.ProvisionedGroup current = adminChanges
                .read(() -> provisioning.group(exchange.site.id(), id))
                .orElseThrow(() -> ScimError.notFound("no group '" + id + "' in site '" + site + "'"));
        switch (method) {
            case "GET" -> {
                ScimQuery query = query(exchange, false);
                List<String> members = query.excludes("members")
                        ? null
                        : adminChanges.read(
                                () -> provisioning.members(current.group().id()));
                ObjectNode json = GroupResources.toJson(current, members, base(exchange));
                if (members != null && notModified(exchange, json)) {
                    return;
                }
                exchange.outcome = "found";
                write(exchange, 200, query.project(json));
            }
            case "PUT" -> {
                ObjectNode body = body(exchange);
                requireGroupMatch(exchange, current);
                Provisioning.GroupData data = GroupResources.toData(body);
                List<String> members = GroupResources.memberIds(body.get("members"));
                Provisioning.ProvisionedGroup updated = change(exchange, () -> {
                    Provisioning.ProvisionedGroup group = provisioning.replaceGroup(exchange.site.id(), id, data);
                    provisioning.changeMembers(exchange.site.id(), id, members, List.of(), true);
                    return group;
                });
                exchange.changed.addAll(names(body));
                exchange.outcome = "updated";
                write(exchange, 200, GroupResources.toJson(updated, members, base(exchange)));
            }
            case "PATCH" -> {
                ObjectNode body = body(exchange);
                requireGroupMatch(exchange, current);
                patchGroup(exchange, current, Patches.operations(body));
                exchange.outcome = "updated";
                noContent(exchange);
            }
            case "DELETE" -> {
                requireGroupMatch(exchange, current);
                change(exchange, () -> {
                    provisioning.deleteGroup(exchange.site.id(), id);
                    return null;
                });
                exchange.outcome = "deleted";
                noContent(exchange);
            }
            default -> throw notAllowed(method, "GET, PUT, PATCH, DELETE");
        }
    }

    /**
     * A group PATCH: operations on {@code members} change the membership in one pass (Entra's forms: add a value list,
     * remove a value list, remove {@code members[value eq "<id>"]}, replace the list, remove all); the others change
     * the group's name, externalId or other attributes.
     */
    private void patchGroup(Exchange exchange, Provisioning.ProvisionedGroup current, List<Patches.Op> ops) {
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        boolean replace = false;
        List<Patches.Op> others = new ArrayList<>();
        for (Patches.Op op : ops) {
            String path = op.path().toLowerCase(Locale.ROOT);
            if (path.equals("members")) {
                switch (op.type()) {
                    case ADD -> add.addAll(GroupResources.memberIds(op.value()));
                    case REPLACE -> {
                        replace = true;
                        add.clear();
                        remove.clear();
                        add.addAll(GroupResources.memberIds(op.value()));
                    }
                    case REMOVE -> {
                        if (op.value() == null || op.value().isNull()) {
                            replace = true;
                            add.clear();
                            remove.clear();
                        } else {
                            List<String> ids = GroupResources.memberIds(op.value());
                            remove.addAll(ids);
                            add.removeAll(ids);
                        }
                    }
                }
                exchange.changed.add("members");
            } else if (path.startsWith("members[")) {
                if (op.type() != Patches.Type.REMOVE) {
                    throw ScimError.invalidPath("members[...] can only be removed; add members as a value list");
                }
                String memberId = memberFilterValue(op.path());
                remove.add(memberId);
                add.remove(memberId);
                exchange.changed.add("members");
            } else {
                others.add(op);
                exchange.changed.add(op.path());
            }
        }
        boolean replaceMembers = replace;
        String id = current.group().id().toString();
        change(exchange, () -> {
            if (!others.isEmpty()) {
                ObjectNode json = GroupResources.toJson(current, null, base(exchange));
                json.remove("meta");
                Patches.apply(json, others);
                provisioning.replaceGroup(exchange.site.id(), id, GroupResources.toData(json));
            }
            if (replaceMembers || !add.isEmpty() || !remove.isEmpty()) {
                provisioning.changeMembers(exchange.site.id(), id, add, remove, replaceMembers);
            }
            return null;
        });
    }

    /** The id in {@code members[value eq "<id>"]}. */
    private static String memberFilterValue(String path) {
        var parsed = Patches.path(path);
        Filter filter = parsed.getElement(0).getValueFilter();
        if (parsed.size() != 1
                || filter == null
                || filter.getFilterType() != FilterType.EQUAL
                || !filter.getAttributePath().toString().equalsIgnoreCase("value")
                || !filter.getComparisonValue().isTextual()) {
            throw ScimError.invalidPath("remove a member as members[value eq \"<id>\"]");
        }
        return filter.getComparisonValue().asText();
    }

    private List<ObjectNode> groupCandidates(Exchange exchange, ScimQuery query) {
        boolean withMembers = !query.excludes("members")
                || query.filter()
                        .map(f -> f.toString().toLowerCase(Locale.ROOT).contains("members"))
                        .orElse(false);
        return adminChanges.read(() -> {
            var siteId = exchange.site.id();
            List<Provisioning.ProvisionedGroup> found;
            Optional<String> id = query.requiredEquality("id");
            Optional<String> name = query.requiredEquality("displayName");
            Optional<String> externalId = query.requiredEquality("externalId");
            if (id.isPresent()) {
                found = provisioning.group(siteId, id.get()).stream().toList();
            } else if (name.isPresent()) {
                found = provisioning.groupByName(siteId, name.get()).stream().toList();
            } else if (externalId.isPresent()) {
                found = provisioning.groupByExternalId(siteId, externalId.get()).stream()
                        .toList();
            } else {
                found = provisioning.groups(siteId);
            }
            String base = base(exchange);
            return found.stream()
                    .map(g -> GroupResources.toJson(
                            g, withMembers ? provisioning.members(g.group().id()) : null, base))
                    .toList();
        });
    }

    // ---- lists and discovery

    private interface Candidates {
        List<ObjectNode> find(Exchange exchange, ScimQuery query);
    }

    private void list(Exchange exchange, ScimQuery query, Candidates candidates, boolean users) throws IOException {
        List<ObjectNode> matched =
                candidates.find(exchange, query).stream().filter(query::matches).toList();
        int from = Math.min(matched.size(), query.startIndex() - 1);
        int to = Math.min(matched.size(), from + query.count());
        List<ObjectNode> page =
                matched.subList(from, to).stream().map(query::project).toList();
        exchange.outcome = "found " + matched.size();
        write(exchange, 200, ScimSchemas.listResponse(page, matched.size(), query.startIndex()));
    }

    private void discovery(Exchange exchange, ArrayNode all, String id) throws IOException {
        if (id == null) {
            write(exchange, 200, ScimSchemas.listResponse(toList(all), all.size(), 1));
            return;
        }
        for (JsonNode item : all) {
            if (item.path("id").asText().equals(id)) {
                write(exchange, 200, (ObjectNode) item);
                return;
            }
        }
        throw ScimError.notFound("no '" + id + "' here");
    }

    private static List<ObjectNode> toList(ArrayNode array) {
        List<ObjectNode> list = new ArrayList<>();
        array.forEach(node -> list.add((ObjectNode) node));
        return list;
    }

    private ScimQuery query(Exchange exchange, boolean search) throws IOException {
        HttpServletRequest request = exchange.request;
        if (search) {
            ObjectNode body = body(exchange);
            return ScimQuery.of(
                    body.path("filter").asText(null),
                    body.path("startIndex").asText(null),
                    body.path("count").asText(null),
                    joined(body.get("attributes")),
                    joined(body.get("excludedAttributes")));
        }
        return ScimQuery.of(
                request.getParameter("filter"),
                request.getParameter("startIndex"),
                request.getParameter("count"),
                request.getParameter("attributes"),
                request.getParameter("excludedAttributes"));
    }

    private static String joined(JsonNode list) {
        if (list == null || !list.isArray()) {
            return list == null ? null : list.asText(null);
        }
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return String.join(",", names);
    }

    // ---- transactions, versions

    /**
     * Runs a change in a transaction, again when it collided with a simultaneous change, and rebuilds the site's
     * storage decisions before answering.
     */
    private <T> T change(Exchange exchange, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return adminChanges.change(exchange.site.id(), Provisioning.ACTOR, work);
            } catch (UniquenessException e) {
                throw e;
            } catch (ConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void requireMatch(Exchange exchange, ObjectNode current) {
        String ifMatch = exchange.request.getHeader("If-Match");
        if (ifMatch != null
                && !ifMatch.isBlank()
                && !"*".equals(ifMatch.strip())
                && !matches(ifMatch, current.path("meta").path("version").asText())) {
            throw new ScimError(412, null, "the resource changed since version " + ifMatch.strip() + "; read it again");
        }
    }

    private void requireGroupMatch(Exchange exchange, Provisioning.ProvisionedGroup group) {
        String ifMatch = exchange.request.getHeader("If-Match");
        if (ifMatch != null && !ifMatch.isBlank()) {
            List<String> members =
                    adminChanges.read(() -> provisioning.members(group.group().id()));
            requireMatch(exchange, GroupResources.toJson(group, members, base(exchange)));
        }
    }

    private static boolean notModified(Exchange exchange, ObjectNode current) {
        String ifNoneMatch = exchange.request.getHeader("If-None-Match");
        String version = current.path("meta").path("version").asText();
        if (ifNoneMatch != null && matches(ifNoneMatch, version)) {
            exchange.response.setHeader("ETag", version);
            exchange.status = 304;
            exchange.outcome = "not modified";
            exchange.response.setStatus(304);
            return true;
        }
        return false;
    }

    private static boolean matches(String header, String version) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals(version) || ("W/" + tag).equals(version) || tag.equals(version.replace("W/", ""))) {
                return true;
            }
        }
        return false;
    }

    // ---- authentication

    private static boolean tokenInQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (TOKEN_PARAMETERS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<IssuedSecrets.Presented> presented(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return IssuedSecrets.parse(
                    CredentialKind.SCIM_TOKEN, authorization.substring(7).strip());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : IssuedSecrets.parse(
                            CredentialKind.SCIM_TOKEN, decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        return Optional.empty();
    }

    private void unauthorized(Exchange exchange, String detail) throws IOException {
        ScimSettings settings = exchange.settings != null
                ? exchange.settings
                : adminChanges.read(() -> provisioning.settings(exchange.site.id()));
        boolean basic = settings.tokenScheme() == ScimSettings.TokenScheme.BASIC;
        exchange.response.setHeader(
                "WWW-Authenticate",
                basic ? "Basic realm=\"Gatehouse SCIM\", charset=\"UTF-8\"" : "Bearer realm=\"Gatehouse SCIM\"");
        error(exchange, new ScimError(401, null, detail));
    }

    // ---- plumbing

    private Site site(String slug) {
        SiteSlug siteSlug;
        try {
            siteSlug = new SiteSlug(slug);
        } catch (ValidationException e) {
            throw ScimError.notFound("there is no site '" + dev.gatehouse.identity.validation.Texts.printable(slug)
                    + "'; the tenant URL is /scim/v2/<site slug>");
        }
        return adminChanges
                .read(() -> siteService.findBySlug(siteSlug))
                .orElseThrow(() ->
                        ScimError.notFound("there is no site '" + slug + "'; the tenant URL is /scim/v2/<site slug>"));
    }

    private String base(Exchange exchange) {
        return tenantUrl(gatehouseSettings, exchange.site);
    }

    /** What a SCIM client of {@code site} is configured with (Entra's Tenant URL): {@code <base URL>/scim/v2/<slug>}. */
    public static String tenantUrl(GatehouseSettings settings, Site site) {
        String url = settings.baseUrl().toString();
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/scim/v2/"
                + site.slug().value();
    }

    private static ObjectNode body(Exchange exchange) throws IOException {
        try (InputStream in = exchange.request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int total = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                total += read;
                if (total > MAX_BODY_BYTES) {
                    throw new ScimError(413, null, "the body is larger than " + MAX_BODY_BYTES + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return Resources.parse(out.toString(StandardCharsets.UTF_8));
        }
    }

    private static Set<String> names(ObjectNode body) {
        Set<String> names = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("schemas") && !lower.equals("password")) {
                names.add(name);
            }
        });
        return names;
    }

    /** The top-level attributes whose values differ between two representations, {@code meta} aside. */
    private static Set<String> differences(ObjectNode before, ObjectNode after) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!name.equals("meta") && !java.util.Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static void requireGet(String method) {
        if (!"GET".equals(method)) {
            throw notAllowed(method, "GET");
        }
    }

    private static ScimError notAllowed(String method, String allowed) {
        return new ScimError(405, null, method + " is not supported here; use " + allowed);
    }

    private static String scimField(String field) {
        if (field == null) {
            return "request";
        }
        return switch (field) {
            case "login" -> "userName";
            case "name" -> "displayName";
            default -> field;
        };
    }

    private static void write(Exchange exchange, int status, ObjectNode json) throws IOException {
        exchange.status = status;
        HttpServletResponse response = exchange.response;
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        String version = json.path("meta").path("version").asText(null);
        if (version != null && (status == 200 || status == 201)) {
            response.setHeader("ETag", version);
        }
        byte[] bytes = Resources.write(json).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void noContent(Exchange exchange) {
        exchange.status = 204;
        exchange.response.setStatus(204);
    }

    private static void error(Exchange exchange, ScimError error) throws IOException {
        exchange.outcome = (error.scimType() == null ? "" : error.scimType() + ": ") + error.getMessage();
        if (exchange.response.isCommitted()) {
            exchange.status = error.status();
            return;
        }
        exchange.response.resetBuffer();
        write(exchange, error.status(), error.body());
    }

    /** The methods SCIM has; anything else is counted as {@code OTHER}, so callers cannot invent metric series. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /**
     * Counts the request and, when it carried a valid token, writes it to the provisioning log: an anonymous caller
     * must not be able to add rows.
     */
    private void record(Exchange exchange) {
        String method = exchange.request.getMethod();
        Metrics.scimRequest(METHODS.contains(method) ? method : "OTHER", exchange.status);
        if (!exchange.authenticated) {
            return;
        }
        try {
            ProvisioningEntry entry = new ProvisioningEntry(
                    UUID.randomUUID(),
                    Clock.systemUTC().instant(),
                    exchange.site.id(),
                    exchange.request.getMethod(),
                    exchange.resource.isEmpty() ? "/" : exchange.resource,
                    exchange.status,
                    exchange.outcome,
                    String.join(", ", exchange.changed),
                    (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - exchange.started) / 1_000_000));
            adminChanges.read(() -> {
                provisioningLog.append(entry);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The provisioning log could not record a request: " + e.getMessage());
        }
    }
}
