package dev.gatehouse.sso.security;

import dev.gatehouse.identity.application.FirstStart;
import dev.gatehouse.identity.application.LoginResult;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.application.Gatehouse;
import java.util.Optional;

/** Checks a local password for a site given by slug; shared by the login page and HTTP Basic on the API. */
public final class PasswordSignIn {
    private PasswordSignIn() {}

    /** The site named by {@code slug}, or the default site when {@code slug} is null or blank. */
    public static Optional<Site> site(Gatehouse gatehouse, String slug) {
        String wanted = slug == null || slug.isBlank() ? FirstStart.DEFAULT_SITE : slug;
        try {
            SiteSlug siteSlug = new SiteSlug(wanted);
            return gatehouse.read(() -> gatehouse.sites().findBySlug(siteSlug));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    public static LoginResult check(Gatehouse gatehouse, Site site, String login, char[] password, String address) {
        return gatehouse.read(() -> gatehouse.passwordLogin().authenticate(site, login, password, address));
    }
}
