package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.SiteSlug;

/**
 * Refuses a change that would leave a site without an enabled administrator who signs in with a local password, the
 * break-glass account that still works when SSO or the directory is down.
 */
public class BreakGlassException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public BreakGlassException(SiteSlug site, Login login, String change) {
        super(
                null,
                "Refused to " + change + " '" + login + "': it is the last enabled administrator of site '" + site
                        + "' with a local password (the break-glass account). Give another administrator a local"
                        + " password first, then try again.");
    }
}
