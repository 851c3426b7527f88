package dev.gatehouse.sso.console;

import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.credentials.ExpiringCredentials;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The expiring-credentials view: everything of the site that expires, soonest first, with what breaks and how to
 * renew; the secrets Gatehouse issued are extended, reset (the new secret shown once) and revoked here.
 */
@WebServlet("/console/credentials")
public class CredentialsConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    ExpiringCredentials expiring;

    @Inject
    Credentials credentials;

    /** A secret to show once, with what it is for. */
    public record ShownSecret(String name, String secret, String userName, String password) {
        @Override
        public String toString() {
            return "ShownSecret[" + name + ", ****]";
        }
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id) throws IOException {
        response.sendError(404, "There is no such page.");
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        request.setAttribute("credentials", adminChanges.read(() -> expiring.of(site.id(), false)));
        render(request, response, site, "credentials");
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
            UUID id = uuid(request.getParameter("id"));
            switch (String.valueOf(request.getParameter("action"))) {
                case "extend" -> {
                    Instant expiresAt = date(request.getParameter("expiresAt"));
                    adminChanges.change(
                            null, admin.actor(), () -> credentials.extend(site.id(), id, expiresAt, admin.actor()));
                }
                case "reset" -> {
                    Credentials.Issued reset = adminChanges.change(
                            null, admin.actor(), () -> credentials.reset(site.id(), id, admin.actor()));
                    String secret = reset.secret().value();
                    request.setAttribute(
                            "shown",
                            new ShownSecret(
                                    reset.credential().name(), secret, secret.substring(0, 26), secret.substring(26)));
                    showList(request, response, site);
                    return;
                }
                case "revoke" -> adminChanges.change(
                        null, admin.actor(), () -> credentials.revoke(site.id(), id, admin.actor()));
                default -> throw ValidationException.of("action", "use extend, reset or revoke");
            }
            redirect(request, response, "/console/credentials", site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, null, e);
        }
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("id", "not a credential id");
        }
    }

    /** A date from the form ({@code 2027-12-01}, the start of that day UTC); empty stays {@code null}. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("expiresAt", "'" + text + "' is not a date; use 2027-12-01");
        }
    }
}
