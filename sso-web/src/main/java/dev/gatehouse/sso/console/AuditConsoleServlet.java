package dev.gatehouse.sso.console;

import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.Site;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The newest audit events of the managed site. */
@WebServlet("/console/audit")
public class AuditConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id) throws IOException {
        response.sendError(404, "There is no such page.");
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        request.setAttribute(
                "events",
                adminChanges.read(() ->
                        auditLog.query(new AuditQuery(site.id(), null, null, null, null, new PageRequest(0, 200)))));
        render(request, response, site, "audit");
    }
}
