package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.security.AdminFilter;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The administrator making the current API request, and the sites they may manage: their own site and the sites below
 * it. A site outside that scope is answered 404, exactly like a site that does not exist.
 */
@RequestScoped
public class AdminContext {
    @Inject
    HttpServletRequest request;

    @Inject
    SiteService siteService;

    SignedIn admin() {
        return (SignedIn) request.getAttribute(AdminFilter.REQUEST_ATTRIBUTE);
    }

    /** Call inside a transaction. */
    Site site(String slug) {
        SiteSlug siteSlug;
        try {
            siteSlug = new SiteSlug(slug);
        } catch (ValidationException e) {
            throw new NotFoundException("site", slug);
        }
        return siteService
                .findBySlug(siteSlug)
                .filter(site -> siteService.isWithin(site.id(), admin().site()))
                .orElseThrow(() -> new NotFoundException("site", slug));
    }

    static PageRequest page(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? PageRequest.DEFAULT_SIZE : size);
    }
}
