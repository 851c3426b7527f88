package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.DirectoryAdministration;
import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.DirectoryDiagnostics;
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
                            request.getParameter("domain"),
                            Arrays.stream(controllers.split("[\\s,]+"))
                                    .filter(c -> !c.isBlank())
                                    .toList(),
                            request.getParameter("transport"),
                            request.getParameter("trustedCertificates"),
                            "on".equals(request.getParameter("justInTime")),
                            admin.actor()));
            redirect(request, response, "/console/directory", site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, null, e);
        }
    }
}
