package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.application.Provisioning;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.ProvisioningLog;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * SCIM provisioning of a site: the settings, the tenant URL for Entra, the SCIM tokens (a new one's secret is shown on
 * this answer only) and the provisioning log.
 */
@WebServlet("/console/scim")
public class ScimConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    Provisioning provisioning;

    @Inject
    Credentials credentials;

    @Inject
    ProvisioningLog provisioningLog;

    @Inject
    GatehouseSettings gatehouseSettings;

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id) throws IOException {
        response.sendError(404, "There is no such page.");
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        Instant now = Clock.systemUTC().instant();
        adminChanges.read(() -> {
            request.setAttribute("settings", provisioning.settings(site.id()));
            request.setAttribute(
                    "tokens",
                    credentials.list(site.id()).stream()
                            .filter(c -> c.kind() == CredentialKind.SCIM_TOKEN && c.revokedAt() == null)
                            .map(c -> dev.gatehouse.sso.credentials.CredentialView.of(c, now))
                            .toList());
            request.setAttribute("providers", providerRepository.listBySite(site.id()));
            String method = request.getParameter("logMethod");
            String resource = request.getParameter("logResource");
            request.setAttribute(
                    "log",
                    provisioningLog.query(
                            site.id(),
                            method == null || method.isBlank()
                                    ? null
                                    : method.strip().toUpperCase(java.util.Locale.ROOT),
                            resource == null || resource.isBlank() ? null : resource.strip(),
                            "on".equals(request.getParameter("logFailures")),
                            null,
                            new PageRequest(0, 100)));
            return null;
        });
        request.setAttribute("tenantUrl", tenantUrl(site));
        render(request, response, site, "scim");
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
            switch (String.valueOf(request.getParameter("action"))) {
                case "settings" -> adminChanges.change(
                        null,
                        admin.actor(),
                        () -> provisioning.saveSettings(
                                site.id(),
                                request.getParameter("newUserMethod"),
                                request.getParameter("tenantId"),
                                request.getParameter("objectIdAttribute"),
                                request.getParameter("deletePolicy"),
                                request.getParameter("tokenScheme"),
                                request.getParameter("displayNameFrom"),
                                request.getParameter("emailFrom"),
                                admin.actor()));
                case "create-token" -> {
                    Instant expiresAt = CredentialsConsoleServlet.date(request.getParameter("expiresAt"));
                    Credentials.Issued issued = adminChanges.change(
                            null,
                            admin.actor(),
                            () -> credentials.issue(
                                    site.id(),
                                    CredentialKind.SCIM_TOKEN,
                                    null,
                                    request.getParameter("name"),
                                    expiresAt,
                                    admin.actor()));
                    String secret = issued.secret().value();
                    request.setAttribute(
                            "shown",
                            new CredentialsConsoleServlet.ShownSecret(
                                    issued.credential().name(), secret, secret.substring(0, 26), secret.substring(26)));
                    showList(request, response, site);
                    return;
                }
                default -> throw ValidationException.of("action", "use settings or create-token");
            }
            redirect(request, response, "/console/scim", site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, null, e);
        }
    }

    private String tenantUrl(Site site) {
        return dev.gatehouse.sso.scim.web.ScimServlet.tenantUrl(gatehouseSettings, site);
    }

    /** Whether the site's SCIM clients use HTTP Basic; for the page. */
    static boolean basic(ScimSettings settings) {
        return settings.tokenScheme() == ScimSettings.TokenScheme.BASIC;
    }
}
