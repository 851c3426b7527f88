package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.NewUser;
import dev.gatehouse.identity.application.UserChanges;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Console pages for users: the list with a creation form, and one user's page (edit, password, delete). */
@WebServlet(urlPatterns = {"/console/users", "/console/users/*", "/console"})
public class UsersConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if ("/console".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/console/users");
            return;
        }
        super.doGet(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Site site = managedSite(request, response);
        if (site == null) {
            return;
        }
        String id = idFrom(request);
        SignedIn admin = admin(request);
        try {
            if (id == null) {
                User created = adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> userService.create(
                                site.id(),
                                new NewUser(
                                        request.getParameter("login"),
                                        request.getParameter("displayName"),
                                        request.getParameter("email"),
                                        request.getParameter("authMethod"),
                                        request.getParameter("administrator") != null,
                                        chars(request.getParameter("password"))),
                                admin.actor()));
                redirect(request, response, "/console/users/" + created.id(), site);
                return;
            }
            UserId userId = UserId.parse("id", id);
            switch (String.valueOf(request.getParameter("action"))) {
                case "update" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> userService.update(
                                site.id(),
                                userId,
                                new UserChanges(
                                        null,
                                        request.getParameter("displayName"),
                                        blankToNull(request.getParameter("email")),
                                        blank(request.getParameter("email")),
                                        request.getParameter("state"),
                                        request.getParameter("authMethod"),
                                        request.getParameter("administrator") != null),
                                admin.actor()));
                case "password" -> adminChanges.change(site.id(), admin.actor(), () -> {
                    userService.setPassword(site.id(), userId, chars(request.getParameter("password")), admin.actor());
                });
                case "delete" -> {
                    adminChanges.change(site.id(), admin.actor(), () -> {
                        userService.delete(site.id(), userId, admin.actor());
                    });
                    redirect(request, response, "/console/users", site);
                    return;
                }
                default -> throw ValidationException.of("action", "use update, password or delete");
            }
            redirect(request, response, "/console/users/" + userId, site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, id, e);
        }
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        int page = parsePage(request.getParameter("page"));
        request.setAttribute("users", adminChanges.read(() -> userService.list(site.id(), new PageRequest(page, 100))));
        render(request, response, site, "users");
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id)
            throws ServletException, IOException {
        try {
            UserId userId = UserId.parse("id", id);
            request.setAttribute("user", adminChanges.read(() -> userService.get(site.id(), userId)));
            request.setAttribute("groups", adminChanges.read(() -> groupService.groupsOf(site.id(), userId)));
        } catch (RuntimeException e) {
            showRefusal(request, response, e);
        }
        render(request, response, site, "user");
    }

    private static int parsePage(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    private static boolean blank(String text) {
        return text != null && text.isBlank();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
