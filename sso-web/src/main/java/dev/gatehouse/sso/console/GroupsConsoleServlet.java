package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** Console pages for groups: the list with a creation form, and one group's page (members, rename, delete). */
@WebServlet(urlPatterns = {"/console/groups", "/console/groups/*"})
public class GroupsConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    /** A member as the page shows it. */
    public record MemberView(String id, String kind, String name) {}

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
                Group created = adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> groupService.create(
                                site.id(),
                                request.getParameter("name"),
                                request.getParameter("description"),
                                admin.actor()));
                redirect(request, response, "/console/groups/" + created.id(), site);
                return;
            }
            GroupId groupId = GroupId.parse("id", id);
            switch (String.valueOf(request.getParameter("action"))) {
                case "add-user" -> adminChanges.change(site.id(), admin.actor(), () -> {
                    Login login = new Login(request.getParameter("login"));
                    UserId user = userRepository
                            .findByLogin(site.id(), login)
                            .orElseThrow(() -> new NotFoundException("user", login))
                            .id();
                    return groupService.addMember(site.id(), groupId, user, admin.actor());
                });
                case "add-group" -> adminChanges.change(site.id(), admin.actor(), () -> {
                    GroupName name = new GroupName(request.getParameter("name"));
                    GroupId member = groupService
                            .findByName(site.id(), name)
                            .orElseThrow(() -> new NotFoundException("group", name))
                            .id();
                    return groupService.addMember(site.id(), groupId, member, admin.actor());
                });
                case "remove" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> groupService.removeMember(
                                site.id(),
                                groupId,
                                principal(request.getParameter("kind"), request.getParameter("member")),
                                admin.actor()));
                case "update" -> adminChanges.change(
                        site.id(),
                        admin.actor(),
                        () -> groupService.update(
                                site.id(),
                                groupId,
                                request.getParameter("name"),
                                request.getParameter("description"),
                                admin.actor()));
                case "delete" -> {
                    adminChanges.change(site.id(), admin.actor(), () -> {
                        groupService.delete(site.id(), groupId, admin.actor());
                    });
                    redirect(request, response, "/console/groups", site);
                    return;
                }
                default -> throw ValidationException.of("action", "use add-user, add-group, remove, update or delete");
            }
            redirect(request, response, "/console/groups/" + groupId, site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, id, e);
        }
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        request.setAttribute("groups", adminChanges.read(() -> groupService.list(site.id(), new PageRequest(0, 500))));
        render(request, response, site, "groups");
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id)
            throws ServletException, IOException {
        try {
            GroupId groupId = GroupId.parse("id", id);
            request.setAttribute("group", adminChanges.read(() -> groupService.get(site.id(), groupId)));
            request.setAttribute("members", adminChanges.read(() -> members(site, groupId)));
        } catch (RuntimeException e) {
            showRefusal(request, response, e);
        }
        render(request, response, site, "group");
    }

    private List<MemberView> members(Site site, GroupId groupId) {
        return groupService.members(site.id(), groupId).stream()
                .map(member -> member instanceof UserId user
                        ? new MemberView(
                                user.toString(),
                                "user",
                                userRepository
                                        .find(user)
                                        .map(u -> u.login() + " (" + u.displayName() + ")")
                                        .orElse(user.toString()))
                        : new MemberView(
                                member.value().toString(),
                                "group",
                                groupService
                                        .get(site.id(), (GroupId) member)
                                        .name()
                                        .value()))
                .toList();
    }

    private static PrincipalId principal(String kind, String id) {
        return "group".equals(kind) ? GroupId.parse("member", id) : UserId.parse("member", id);
    }
}
