package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.GroupService;
import dev.gatehouse.identity.application.ProviderAdministration;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.application.UserService;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.errors.Failure;
import dev.gatehouse.sso.security.AdminFilter;
import dev.gatehouse.sso.security.Csrf;
import dev.gatehouse.sso.security.Pages;
import dev.gatehouse.sso.security.SignedIn;
import dev.gatehouse.storage.application.DecisionService;
import dev.gatehouse.storage.application.StoragePolicyService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Shared behaviour of console pages: the signed-in administrator, the site being managed ({@code ?site=<slug>}, the
 * administrator's own site by default, or any site below it), rendering a view, and showing a refused change as a
 * list of messages on the page.
 */
abstract class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    AdminChanges adminChanges;

    @Inject
    SiteService siteService;

    @Inject
    GroupService groupService;

    @Inject
    StoragePolicyService storagePolicy;

    @Inject
    UserService userService;

    @Inject
    ProviderAdministration providerAdministration;

    @Inject
    DecisionService decisions;

    @Inject
    ProviderRepository providerRepository;

    @Inject
    UserRepository userRepository;

    @Inject
    AuditLog auditLog;

    static SignedIn admin(HttpServletRequest request) {
        return (SignedIn) request.getAttribute(AdminFilter.REQUEST_ATTRIBUTE);
    }

    /** The managed site, or null after answering 404 when it is unknown or outside the administrator's sites. */
    Site managedSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn admin = admin(request);
        String slug = request.getParameter("site");
        Site site = adminChanges.read(() -> {
            if (slug == null || slug.isBlank()) {
                return siteService.find(admin.site()).orElse(null);
            }
            try {
                return siteService
                        .findBySlug(new SiteSlug(slug))
                        .filter(s -> siteService.isWithin(s.id(), admin.site()))
                        .orElse(null);
            } catch (ValidationException e) {
                return null;
            }
        });
        if (site == null) {
            response.sendError(404, "There is no such site among the sites you administer.");
        }
        return site;
    }

    void render(HttpServletRequest request, HttpServletResponse response, Site site, String view)
            throws ServletException, IOException {
        request.setAttribute("admin", admin(request));
        request.setAttribute("site", site);
        request.setAttribute(
                "sites",
                adminChanges.read(() -> siteService.subtree(admin(request).site())));
        request.setAttribute("csrf", Csrf.token(request.getSession()));
        Pages.noStore(response);
        request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
    }

    /** Turns a refused change into messages for the page and the matching status code. */
    static void showRefusal(HttpServletRequest request, HttpServletResponse response, RuntimeException e) {
        Failure failure = Failure.of(e).orElseThrow(() -> e);
        response.setStatus(failure.status());
        request.setAttribute("errors", failure.messages());
    }

    /** Lists the managed site's items, or shows one item when the path names its ID ({@code /console/<kind>/<id>}). */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Site site = managedSite(request, response);
        if (site == null) {
            return;
        }
        String id = idFrom(request);
        if (id == null) {
            showList(request, response, site);
        } else {
            showItem(request, response, site, id);
        }
    }

    /** Shows the page again after a refused change, with the refusal's messages. */
    void showAgain(HttpServletRequest request, HttpServletResponse response, Site site, String id, RuntimeException e)
            throws ServletException, IOException {
        showRefusal(request, response, e);
        if (id == null) {
            showList(request, response, site);
        } else {
            showItem(request, response, site, id);
        }
    }

    abstract void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException;

    abstract void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id)
            throws ServletException, IOException;

    static String idFrom(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }

    /** Redirects after a successful change (POST-redirect-GET), keeping the managed site. */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path, Site site) {
        response.setStatus(303);
        response.setHeader(
                "Location", request.getContextPath() + path + (path.contains("?") ? "&" : "?") + "site=" + site.slug());
    }
}
