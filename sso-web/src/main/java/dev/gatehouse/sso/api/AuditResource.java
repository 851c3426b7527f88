package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.api.Views.AuditEventView;
import dev.gatehouse.sso.api.Views.PageView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("v1/audit")
@Tag(name = "Audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AdminChanges adminChanges;

    @Inject
    SiteService siteService;

    @Inject
    AuditLog auditLog;

    @Inject
    AdminContext context;

    @GET
    @Operation(
            summary = "Audit events of one of the caller's sites, newest first",
            description = "Filters: site (slug, default the caller's site), from (inclusive) and to (exclusive) as"
                    + " ISO-8601 instants, actor (exact, such as admin@default), type; paged with page and size.")
    public PageView<AuditEventView> query(
            @QueryParam("site") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("type") String type,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        AuditType auditType = type(type);
        return adminChanges.read(() -> {
            Site site = slug == null ? siteService.find(context.admin().site()).orElseThrow() : context.site(slug);
            return PageView.of(
                    auditLog.query(new AuditQuery(
                            site.id(), fromInstant, toInstant, actor, auditType, AdminContext.page(page, size))),
                    AuditEventView::of);
        });
    }

    private static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(
                    field, "'" + text + "' is not an ISO-8601 instant; use the form 2026-11-22T10:00:00Z");
        }
    }

    private static AuditType type(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AuditType.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "type", "'" + text + "' is not an event type; use one of " + Arrays.toString(AuditType.values()));
        }
    }
}
