package dev.gatehouse.sso.security;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.FirstStart;
import dev.gatehouse.identity.application.LoginResult;
import dev.gatehouse.identity.application.PasswordLogin;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.validation.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks a local password for a site given by slug; shared by the login page and HTTP Basic on the API. */
@ApplicationScoped
public class PasswordSignIn {
    @Inject
    AdminChanges adminChanges;

    @Inject
    SiteService siteService;

    @Inject
    PasswordLogin passwordLogin;

    /** The site named by {@code slug}, or the default site when {@code slug} is null or blank. */
    public Optional<Site> site(String slug) {
        String wanted = slug == null || slug.isBlank() ? FirstStart.DEFAULT_SITE : slug;
        try {
            SiteSlug siteSlug = new SiteSlug(wanted);
            return adminChanges.read(() -> siteService.findBySlug(siteSlug));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    public LoginResult check(Site site, String login, char[] password, String address) {
        return adminChanges.read(() -> passwordLogin.authenticate(site, login, password, address));
    }
}
