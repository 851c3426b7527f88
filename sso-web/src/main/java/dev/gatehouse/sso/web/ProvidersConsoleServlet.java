package dev.gatehouse.sso.web;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.saml.SamlProviderStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * Console pages for SAML sign-in providers: the list with what to copy into Entra and a creation form, and one
 * provider's page (its settings, metadata state, refresh and delete).
 */
@WebServlet(urlPatterns = {"/console/providers", "/console/providers/*"})
public class ProvidersConsoleServlet extends ConsoleServlet {
    private static final long serialVersionUID = 1L;

    /** A provider as the pages show it. */
    public record ProviderRow(Provider provider, ProviderSettings.Saml saml, SamlProviderStatus status) {}

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
                Provider created = gatehouse
                        .providerAdministration()
                        .create(site, provider(ProviderId.random(), site, request), admin.actor());
                redirect(request, response, "/console/providers/" + created.id(), site);
                return;
            }
            ProviderId providerId = ProviderId.parse("id", id);
            switch (String.valueOf(request.getParameter("action"))) {
                case "refresh" -> {
                    Provider provider = gatehouse.read(
                            () -> gatehouse.providerAdministration().find(site, providerId));
                    gatehouse.saml().refresh(provider);
                }
                case "delete" -> {
                    gatehouse.providerAdministration().delete(site, providerId, admin.actor());
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
        request.setAttribute("providers", gatehouse.read(() -> gatehouse.providers().listBySite(site.id()).stream()
                .filter(p -> p.settings() instanceof ProviderSettings.Saml)
                .map(this::row)
                .toList()));
        render(request, response, site, "providers");
    }

    @Override
    void showItem(HttpServletRequest request, HttpServletResponse response, Site site, String id)
            throws ServletException, IOException {
        try {
            ProviderId providerId = ProviderId.parse("id", id);
            request.setAttribute(
                    "p",
                    gatehouse.read(() -> row(gatehouse.providerAdministration().find(site, providerId))));
        } catch (RuntimeException e) {
            showRefusal(request, response, e);
        }
        render(request, response, site, "provider");
    }

    private ProviderRow row(Provider provider) {
        return new ProviderRow(
                provider,
                (ProviderSettings.Saml) provider.settings(),
                gatehouse.saml().status(provider));
    }

    /** The form's fields as SAML settings; checked in full when saved. */
    private static Provider provider(ProviderId id, Site site, HttpServletRequest request) {
        String trustText = request.getParameter("trust");
        ProviderSettings.SamlTrust trust;
        try {
            trust = ProviderSettings.SamlTrust.valueOf(String.valueOf(trustText));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "settings.trust",
                    "choose how Gatehouse trusts the identity provider: metadata URL, metadata XML"
                            + " or certificate fingerprint");
        }
        int skew;
        String skewText = blankToNull(request.getParameter("clockSkewSeconds"));
        try {
            skew = skewText == null ? ProviderSettings.Saml.DEFAULT_CLOCK_SKEW_SECONDS : Integer.parseInt(skewText);
        } catch (NumberFormatException e) {
            throw ValidationException.of(
                    "settings.clockSkewSeconds", "'" + skewText + "' is not a whole number of seconds; use 0 to 600");
        }
        ProviderSettings.Saml settings = new ProviderSettings.Saml(
                trust,
                blankToNull(request.getParameter("metadataUrl")),
                blankToNull(request.getParameter("metadataXml")),
                blankToNull(request.getParameter("certificateSha256")),
                blankToNull(request.getParameter("idpEntityId")),
                blankToNull(request.getParameter("ssoUrl")),
                blankToNull(request.getParameter("sloUrl")),
                blankToNull(request.getParameter("entityIdSuffix")),
                request.getParameter("allowIdpInitiated") != null,
                request.getParameter("allowSha1") != null,
                request.getParameter("justInTime") != null,
                skew,
                blankToNull(request.getParameter("requestedAuthnContext")));
        String name = request.getParameter("displayName");
        return new Provider(id, site.id(), name == null ? null : name.strip(), true, settings, Instant.now());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
