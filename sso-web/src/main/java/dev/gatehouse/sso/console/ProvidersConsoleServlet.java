package dev.gatehouse.sso.console;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.security.SignedIn;
import dev.gatehouse.sso.signin.ProviderField;
import dev.gatehouse.sso.signin.SettingsInput;
import dev.gatehouse.sso.signin.SignInProtocol;
import dev.gatehouse.sso.signin.SignInRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Console pages for sign-in providers of every installed kind: the list, a creation form per protocol, and one
 * provider's page (what to copy into the identity provider, its settings and state, refresh and delete).
 */
@WebServlet(urlPatterns = {"/console/providers", "/console/providers/*"})
public class ProvidersConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    /** A provider as the pages show it. */
    public record ProviderRow(
            Provider provider,
            String kind,
            List<ProviderField> copy,
            List<ProviderField> details,
            boolean refreshable) {}

    /** A protocol's creation form on the list page. */
    public record ProviderForm(String kind, String label, String page) {}

    @Inject
    SignInRegistry signIn;

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
                Provider created = providerAdministration.create(
                        site, provider(ProviderId.random(), site, request), admin.actor());
                redirect(request, response, "/console/providers/" + created.id(), site);
                return;
            }
            ProviderId providerId = ProviderId.parse("id", id);
            switch (String.valueOf(request.getParameter("action"))) {
                case "refresh" -> {
                    Provider provider = adminChanges.read(() -> providerAdministration.find(site, providerId));
                    signIn.protocols().of(provider).refresh(provider, false);
                }
                case "delete" -> {
                    providerAdministration.delete(site, providerId, admin.actor());
                    redirect(request, response, "/console/providers", site);
                    return;
                }
                default -> throw ValidationException.of("action", "use refresh or delete");
            }
            redirect(request, response, "/console/providers/" + providerId, site);
        } catch (RuntimeException e) {
            showAgain(request, response, site, id, e);
        }
    }

    @Override
    void showList(HttpServletRequest request, HttpServletResponse response, Site site)
            throws ServletException, IOException {
        request.setAttribute("providers", adminChanges.read(() -> providerRepository.listBySite(site.id()).stream()
                .filter(p -> signIn.protocols().find(p.settings().kind()).isPresent())
                .map(this::row)
                .toList()));
        request.setAttribute(
                "forms",
                signIn.protocols().all().stream()
                        .map(p -> new ProviderForm(p.kind(), p.label(), p.consoleForm()))
                        .toList());
        render(request, response, site, "providers");
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id)
            throws ServletException, IOException {
        try {
            ProviderId providerId = ProviderId.parse("id", id);
            request.setAttribute("p", adminChanges.read(() -> row(providerAdministration.find(site, providerId))));
        } catch (RuntimeException e) {
            showRefusal(request, response, e);
        }
        render(request, response, site, "provider");
    }

    private ProviderRow row(Provider provider) {
        SignInProtocol protocol = signIn.protocols().of(provider);
        return new ProviderRow(
                provider,
                protocol.label(),
                protocol.copyFields(provider),
                protocol.details(provider),
                protocol.refreshable(provider));
    }

    /** The form's fields as the settings of the chosen protocol; checked in full when saved. */
    private Provider provider(ProviderId id, Site site, HttpServletRequest request) {
        SignInProtocol protocol = signIn.protocols().require("kind", blankToNull(request.getParameter("kind")));
        ProviderSettings settings = protocol.settings(new FormSettings(request));
        String name = request.getParameter("displayName");
        return new Provider(id, site.id(), name == null ? null : name.strip(), true, settings, Instant.now());
    }

    /** A console form's fields as settings: empty means absent, a checkbox is true when sent. */
    private record FormSettings(HttpServletRequest request) implements SettingsInput {
        @Override
        public String string(String field) {
            return blankToNull(request.getParameter(field));
        }

        @Override
        public Boolean bool(String field) {
            return request.getParameter(field) != null;
        }

        @Override
        public java.util.List<String> strings(String field) {
            String text = string(field);
            return text == null
                    ? null
                    : java.util.Arrays.stream(text.split("[,\\s]+"))
                            .filter(v -> !v.isEmpty())
                            .toList();
        }

        @Override
        public Integer integer(String field) {
            String text = string(field);
            try {
                return text == null ? null : Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw ValidationException.of("settings." + field, "'" + text + "' is not a whole number");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
