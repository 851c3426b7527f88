package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.security.SignedIn;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The storage console page: shared folders, access entries, quotas and the effective-access explainer. Grantees are
 * typed as people read them ({@code everyone}, {@code user:<login>}, {@code group:<name>}) and resolved here.
 */
@WebServlet("/console/storage")
public class StorageConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

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
                case "create-folder" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> storagePolicy.createFolder(
                                site.id(), request.getParameter("name"), request.getParameter("path"), admin.actor()));
                case "set-entry" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> storagePolicy.setEntry(
                                site.id(),
                                request.getParameter("path"),
                                grantee(site, request.getParameter("grantee")),
                                request.getParameter("right"),
                                admin.actor()));
                case "remove-entry" -> adminChanges.change(site.id(), admin.actor(), () -> {
                    storagePolicy.removeEntry(
                            site.id(),
                            dev.gatehouse.identity.domain.Uuids.parse("entry", request.getParameter("entry")),
                            admin.actor());
                });
                case "set-inheritance" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> storagePolicy.setInheritance(
                                site.id(),
                                request.getParameter("path"),
                                request.getParameter("inheritsParent") != null,
                                admin.actor()));
                case "set-quota" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> storagePolicy.setQuota(
                                site.id(),
                                grantee(site, request.getParameter("grantee")),
                                bytes(request.getParameter("bytes")),
                                admin.actor()));
                default -> throw ValidationException.of(
                        "action", "use create-folder, set-entry, remove-entry, set-inheritance or set-quota");
            }
            String explain = request.getParameter("explainUser") == null
                    ? ""
                    : "?explainUser=" + enc(request.getParameter("explainUser")) + "&explainPath="
                            + enc(request.getParameter("explainPath"));
            redirect(request, response, "/console/storage" + explain, site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, null, e);
        }
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        request.setAttribute("folders", adminChanges.read(() -> storagePolicy.folders(site.id())));
        request.setAttribute("entries", adminChanges.read(() -> storagePolicy.entries(site.id())));
        request.setAttribute("inheritance", adminChanges.read(() -> storagePolicy.inheritance(site.id())));
        request.setAttribute("quotas", adminChanges.read(() -> storagePolicy.quotas(site.id())));
        request.setAttribute("names", adminChanges.read(() -> names(site)));
        String user = request.getParameter("explainUser");
        String path = request.getParameter("explainPath");
        if (user != null && !user.isBlank() && path != null && !path.isBlank()) {
            try {
                Login login = new Login(user);
                User found = adminChanges
                        .read(() -> userRepository.findByLogin(site.id(), login))
                        .orElseThrow(() -> new NotFoundException("user", login));
                request.setAttribute(
                        "explanation", decisions.explain(site.id(), found.id(), FolderPath.parse("explainPath", path)));
            } catch (RuntimeException e) {
                showRefusal(request, response, e);
            }
        }
        render(request, response, site, "storage");
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id) throws IOException {
        response.sendError(404, "There is no such page.");
    }

    /** Readable names for grantee codes: {@code user:<id>} → the login, {@code group:<id>} → the group's name. */
    private Map<String, String> names(Site site) {
        Map<String, String> names = new HashMap<>();
        names.put("everyone", "everyone");
        groupService
                .list(site.id(), new dev.gatehouse.identity.domain.PageRequest(0, 500))
                .items()
                .forEach(g -> names.put("group:" + g.id(), "group " + g.name().value()));
        userService
                .list(site.id(), new dev.gatehouse.identity.domain.PageRequest(0, 500))
                .items()
                .forEach(u -> names.put("user:" + u.id(), "user " + u.login().value()));
        return names;
    }

    /** {@code everyone}, {@code user:<login>} or {@code group:<name>} as the console shows them, to a grantee code. */
    private String grantee(Site site, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("grantee", "is required: everyone, user:<login> or group:<name>");
        }
        String value = text.strip();
        if (value.equals("everyone")) {
            return new Grantee.Everyone().code();
        }
        if (value.startsWith("user:")) {
            Login login = new Login(value.substring(5));
            return userRepository
                    .findByLogin(site.id(), login)
                    .map(u -> new Grantee.User(u.id()).code())
                    .orElseThrow(
                            () -> ValidationException.of("grantee", "there is no user '" + login + "' in this site"));
        }
        if (value.startsWith("group:")) {
            GroupName name = new GroupName(value.substring(6));
            return groupService
                    .findByName(site.id(), name)
                    .map(g -> new Grantee.Group(g.id()).code())
                    .orElseThrow(
                            () -> ValidationException.of("grantee", "there is no group '" + name + "' in this site"));
        }
        throw ValidationException.of(
                "grantee", "'" + value + "' names nobody; use everyone, user:<login> or group:<name>");
    }

    private static Long bytes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of(
                    "bytes", "'" + text + "' is not a number of bytes; leave it empty for unlimited");
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
