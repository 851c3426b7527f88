package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.DirectoryAdministration;
import dev.gatehouse.identity.application.DirectorySync;
import dev.gatehouse.identity.application.DomainJoins;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.DirectoryJob;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.DomainMembership;
import dev.gatehouse.identity.domain.Secret;
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

    @Inject
    DirectorySync sync;

    @Inject
    DomainJoins joins;

    /** The preflight checklist: every line with what was found and, when it failed, the fix. */
    @Schema(name = "DirectoryPreflight")
    public record PreflightView(boolean passed, List<dev.gatehouse.identity.domain.DiagnosticCheck> checks) {}

    @Schema(name = "Directory", description = "servicePasswordSet: the password is stored (it is never shown)")
    public record DirectoryView(
            String domain,
            List<String> controllers,
            String transport,
            String baseDn,
            String trustedCertificates,
            boolean justInTime,
            String serviceAccount,
            boolean servicePasswordSet,
            String searchBase,
            String syncBase,
            String tenantId,
            int syncIntervalMinutes,
            String computerOu,
            String computerContainer,
            String machineName,
            String updatedAt) {
        static DirectoryView of(DirectorySettings settings) {
            return new DirectoryView(
                    settings.domain(),
                    settings.controllers(),
                    settings.transport().name().toLowerCase(java.util.Locale.ROOT),
                    settings.baseDn(),
                    settings.trustedCertificates(),
                    settings.justInTime(),
                    settings.service()
                            .map(DirectorySettings.ServiceAccount::name)
                            .orElse(null),
                    settings.service().isPresent(),
                    settings.searchBase(),
                    settings.syncBase(),
                    settings.entraTenant().map(Object::toString).orElse(null),
                    settings.syncIntervalMinutes(),
                    settings.computerOu(),
                    settings.computerContainer(),
                    settings.machineName(),
                    settings.updatedAt().toString());
        }
    }

    @Schema(
            name = "DirectorySyncRun",
            description = "outcome: succeeded, partial (some entries refused: see detail) or failed (nothing applied);"
                    + " detail: the refused entries and, for a dry run, every change the run would make")
    public record SyncRunView(
            String id,
            String startedAt,
            String finishedAt,
            long durationMillis,
            String mode,
            boolean dryRun,
            String trigger,
            String node,
            String controller,
            String outcome,
            DirectorySyncRun.Counts counts,
            int errors,
            List<String> detail) {
        static SyncRunView of(DirectorySyncRun run) {
            return new SyncRunView(
                    run.id().toString(),
                    run.startedAt().toString(),
                    run.finishedAt().toString(),
                    run.duration().toMillis(),
                    lower(run.mode()),
                    run.dryRun(),
                    lower(run.trigger()),
                    run.node(),
                    run.controller(),
                    lower(run.outcome()),
                    run.counts(),
                    run.errors(),
                    run.detail());
        }

        static String lower(Enum<?> value) {
            return value.name().toLowerCase(java.util.Locale.ROOT);
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
                        new DirectoryAdministration.DirectoryInput(
                                body.domain(),
                                body.controllers(),
                                body.transport(),
                                body.trustedCertificates(),
                                body.justInTime(),
                                body.serviceAccount(),
                                body.servicePassword() == null ? null : new Secret(body.servicePassword()),
                                body.searchBase(),
                                body.tenantId(),
                                body.syncIntervalMinutes(),
                                body.computerOu(),
                                body.machineName()),
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

    @jakarta.ws.rs.POST
    @Path("sync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sync the site's users and groups from the directory now",
            description = "Reads users and groups under the search base as the service account (paged, groups of any"
                    + " size through range retrieval) and applies them: users linked by objectGUID, disabled when"
                    + " disabled in or gone from the directory (never deleted), groups with their direct members"
                    + " (nesting kept). Answers when the run is over, with its log entry. A dry run changes nothing and"
                    + " lists what the run would change. 409 while a run of the site is in progress on any node.")
    public SyncRunView sync(@PathParam("site") String slug, Requests.DirectorySyncRequest body) {
        DirectorySyncRun.Mode mode = mode(body == null ? null : body.mode());
        boolean dryRun = body != null && Boolean.TRUE.equals(body.dryRun());
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        return SyncRunView.of(sync.run(site, mode, dryRun, DirectorySyncRun.Trigger.ADMINISTRATOR));
    }

    @GET
    @Path("sync/runs")
    @Operation(summary = "The sync log: the site's newest runs first, each with its counts and refused entries")
    public List<SyncRunView> runs(
            @PathParam("site") String slug,
            @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("20") int limit) {
        if (limit < 1 || limit > 200) {
            throw dev.gatehouse.identity.validation.ValidationException.of("limit", "1 to 200");
        }
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        return sync.runs(site, limit).stream().map(SyncRunView::of).toList();
    }

    static DirectorySyncRun.Mode mode(String mode) {
        if (mode == null || mode.isBlank() || mode.strip().equalsIgnoreCase("incremental")) {
            return DirectorySyncRun.Mode.INCREMENTAL;
        }
        if (mode.strip().equalsIgnoreCase("full")) {
            return DirectorySyncRun.Mode.FULL;
        }
        throw dev.gatehouse.identity.validation.ValidationException.of(
                "mode", "'" + dev.gatehouse.identity.validation.Texts.printable(mode) + "' is not incremental or full");
    }

    @Schema(
            name = "DirectoryJob",
            description = "A join or leave: state running, succeeded or failed; each step with its state and what it"
                    + " found, or the directory's own error")
    public record JobView(
            String id,
            String kind,
            String state,
            List<StepView> steps,
            String actor,
            String startedAt,
            String finishedAt) {
        static JobView of(DirectoryJob job) {
            return new JobView(
                    job.id().toString(),
                    SyncRunView.lower(job.kind()),
                    SyncRunView.lower(job.state()),
                    job.steps().stream()
                            .map(step -> new StepView(
                                    step.name(),
                                    SyncRunView.lower(step.state()),
                                    step.detail(),
                                    step.at().toString()))
                            .toList(),
                    job.actor().name(),
                    job.startedAt().toString(),
                    job.finishedAt() == null ? null : job.finishedAt().toString());
        }
    }

    @Schema(name = "DirectoryJobStep")
    public record StepView(String name, String state, String detail, String at) {}

    @Schema(name = "DomainMembership", description = "Gatehouse's computer account in the site's domain")
    public record MembershipView(
            String machineName,
            String computerDn,
            String objectGuid,
            String dnsHostName,
            String controller,
            int keyVersion,
            String joinedAt) {
        static MembershipView of(DomainMembership membership) {
            return new MembershipView(
                    membership.machineName(),
                    membership.computerDn(),
                    membership.objectGuid().toString(),
                    membership.dnsHostName(),
                    membership.controller(),
                    membership.keyVersion(),
                    membership.joinedAt().toString());
        }
    }

    @jakarta.ws.rs.POST
    @Path("join")
    @Operation(
            summary = "Join the site's domain (a job: 202, then follow it at jobs/{id})",
            description = "As the service account, over LDAPS: the machine name must be free; the computer account is"
                    + " created in the computer OU with a random password, its host name, HOST service principal names"
                    + " and AES-only encryption types; an AES keytab is written and proven by a Kerberos login. A step"
                    + " that fails removes what the job created. 409 when the site is a member already or a job runs.")
    public jakarta.ws.rs.core.Response join(@PathParam("site") String slug) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        DirectoryJob job = joins.join(site, context.admin().actor());
        return jakarta.ws.rs.core.Response.status(202).entity(JobView.of(job)).build();
    }

    @jakarta.ws.rs.POST
    @Path("leave")
    @Operation(
            summary = "Leave the domain: the computer account is removed, then the membership and its keytab (a job)")
    public jakarta.ws.rs.core.Response leave(@PathParam("site") String slug) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        DirectoryJob job = joins.leave(site, context.admin().actor());
        return jakarta.ws.rs.core.Response.status(202).entity(JobView.of(job)).build();
    }

    @GET
    @Path("jobs")
    @Operation(summary = "The site's join and leave jobs, newest first")
    public List<JobView> jobs(@PathParam("site") String slug) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        return joins.jobs(site, 20).stream().map(JobView::of).toList();
    }

    @GET
    @Path("jobs/{id}")
    @Operation(summary = "One join or leave job with each step's progress")
    public JobView job(@PathParam("site") String slug, @PathParam("id") String id) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        if (!dev.gatehouse.identity.domain.Uuids.isCanonical(id)) {
            throw new NotFoundException("directory job", id);
        }
        return joins.job(site, java.util.UUID.fromString(id))
                .map(JobView::of)
                .orElseThrow(() -> new NotFoundException("directory job", id));
    }

    @GET
    @Path("membership")
    @Operation(summary = "Gatehouse's computer account in the site's domain (404 when the site has not joined)")
    public MembershipView membership(@PathParam("site") String slug) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        return joins.membership(site)
                .map(MembershipView::of)
                .orElseThrow(() -> new NotFoundException("domain membership of site", slug));
    }

    @GET
    @Path("keytab")
    @Produces("application/octet-stream")
    @Operation(
            summary = "The computer account's keytab (AES keys), for a storage server that accepts Kerberos as it",
            description = "Every read is in the audit log. Treat the file like a password.")
    public jakarta.ws.rs.core.Response keytab(@PathParam("site") String slug) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        byte[] keytab = joins.keytab(site, context.admin().actor());
        return jakarta.ws.rs.core.Response.ok(keytab, "application/octet-stream")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"gatehouse.keytab\"")
                .build();
    }

    @jakarta.ws.rs.POST
    @Path("health")
    @Operation(
            summary = "Check the domain membership now: the computer account present, the keytab accepted by the KDC",
            description =
                    "Also runs hourly; a failed line is an audit event (DIRECTORY_HEALTH_FAILED). Certificates and"
                            + " the clock are the preflight's.")
    public PreflightView health(@PathParam("site") String slug) {
        dev.gatehouse.identity.domain.SiteId site =
                adminChanges.read(() -> context.site(slug).id());
        if (joins.membership(site).isEmpty()) {
            throw new NotFoundException("domain membership of site", slug);
        }
        List<dev.gatehouse.identity.domain.DiagnosticCheck> checks = joins.checkHealth(site);
        return new PreflightView(
                checks.stream().allMatch(dev.gatehouse.identity.domain.DiagnosticCheck::passed), checks);
    }
}
