package dev.gatehouse.sso.security;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import java.io.Serializable;

/**
 * Who is signed in, kept in the HTTP session (serialisable, so sessions can be replicated). Holds identifiers only:
 * the user is re-read on every request, so a disabled user or a removed role takes effect at once.
 */
public record SignedIn(UserId user, SiteId site, String login, String siteSlug) implements Serializable {
    public static final String SESSION_ATTRIBUTE = "gatehouse.signedIn";

    public Actor actor() {
        return new Actor(user, login + "@" + siteSlug);
    }
}
