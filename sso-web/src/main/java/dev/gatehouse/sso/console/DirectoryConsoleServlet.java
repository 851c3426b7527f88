package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.DirectoryAdministration;
import dev.gatehouse.identity.application.DirectorySync;
import dev.gatehouse.identity.application.DomainJoins;
import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectoryJob;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.DirectoryDiagnostics;
import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The site's directory: its settings, and the preflight checklist run from the page. */
@WebServlet("/console/directory")
public class DirectoryConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    DirectoryAdministration directories;

    @Inject
    DirectoryDiagnostics diagnostics;

    @Inject
    DirectorySync sync;

    @Inject
    DomainJoins joins;

    private static Secret blankToNull(String password) {
        return password == null || password.isEmpty() ? null : new Secret(password);
    }

    /** The interval field: empty is the default (60 with a service account); anything else must be a number. */
    private static Integer interval(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of(
                    "syncIntervalMinutes",
                    "'" + Texts.printable(text) + "' is not a number of minutes; 0 syncs only" + " on demand");
        }
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id) throws IOException {
        response.sendError(404, "There is no such page.");
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        Optional<DirectorySettings> settings = adminChanges.read(() -> directories.settings(site.id()));
        request.setAttribute("directory", settings.orElse(null));
        request.setAttribute(
                "controllers",
                settings.map(s -> String.join(" ", s.controllers())).orElse(""));
        request.setAttribute("runs", settings.isPresent() ? sync.runs(site.id(), 20) : List.of());
        request.setAttribute(
                "membership", settings.isPresent() ? joins.membership(site.id()).orElse(null) : null);
        List<DirectoryJob> jobs = settings.isPresent() ? joins.jobs(site.id(), 1) : List.of();
        request.setAttribute("job", jobs.isEmpty() ? null : jobs.get(0));
        request.setAttribute(
                "healthProblem",
                settings.isPresent() ? joins.recentHealthProblem(site.id()).orElse(null) : null);
        render(request, response, site, "directory");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Site site = managedSite(request, response);
        if (site == null) {
            return;
        }
        SignedIn admin = admin(request);
        try {
            String action = String.valueOf(request.getParameter("action"));
            if (action.equals("join") || action.equals("leave")) {
                if (action.equals("join")) {
                    joins.join(site.id(), admin.actor());
                } else {
                    joins.leave(site.id(), admin.actor());
                }
                redirect(request, response, "/console/directory", site);
                return;
            }
            if (action.equals("health")) {
                List<DiagnosticCheck> checks = joins.checkHealth(site.id());
                request.setAttribute("health", checks);
                request.setAttribute("healthPassed", checks.stream().allMatch(DiagnosticCheck::passed));
                showList(request, response, site);
                return;
            }
            if ("sync".equals(request.getParameter("action"))) {
                DirectorySyncRun run = sync.run(
                        site.id(),
                        "full".equals(request.getParameter("mode"))
                                ? DirectorySyncRun.Mode.FULL
                                : DirectorySyncRun.Mode.INCREMENTAL,
                        "on".equals(request.getParameter("dryRun")),
                        DirectorySyncRun.Trigger.ADMINISTRATOR);
                request.setAttribute("lastRun", run);
                showList(request, response, site);
                return;
            }
            if ("preflight".equals(request.getParameter("action"))) {
                DirectorySettings settings = adminChanges
                        .read(() -> directories.settings(site.id()))
                        .orElseThrow(() -> ValidationException.of("domain", "save the directory settings first"));
                List<DiagnosticCheck> checks = diagnostics.preflight(settings);
                request.setAttribute("checks", checks);
                request.setAttribute("preflightPassed", checks.stream().allMatch(DiagnosticCheck::passed));
                showList(request, response, site);
                return;
            }
            String controllers = String.valueOf(request.getParameter("controllers"));
            adminChanges.change(
                    null,
                    admin.actor(),
                    () -> directories.save(
                            site.id(),
                            new DirectoryAdministration.DirectoryInput(
                                    request.getParameter("domain"),
                                    Arrays.stream(controllers.split("[\\s,]+"))
                                            .filter(c -> !c.isBlank())
                                            .toList(),
                                    request.getParameter("transport"),
                                    request.getParameter("trustedCertificates"),
                                    "on".equals(request.getParameter("justInTime")),
                                    request.getParameter("serviceAccount"),
                                    blankToNull(request.getParameter("servicePassword")),
                                    request.getParameter("searchBase"),
                                    request.getParameter("tenantId"),
                                    interval(request.getParameter("syncIntervalMinutes")),
                                    request.getParameter("computerOu"),
                                    request.getParameter("machineName")),
                            admin.actor()));
            redirect(request, response, "/console/directory", site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, null, e);
        }
    }
}
