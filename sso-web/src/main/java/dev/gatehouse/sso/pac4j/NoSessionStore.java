package dev.gatehouse.sso.pac4j;

import java.util.Optional;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;

/**
 * A {@link SessionStore} that keeps nothing. Gatehouse's SSO state must survive a cross-site POST (which carries no
 * SameSite=Lax cookie) and must be visible to every node, so it lives in the
 * {@link dev.gatehouse.sso.signin.state.SignInStateStore}, never in the HTTP session; the session is created only once
 * the user is signed in.
 */
public final class NoSessionStore implements SessionStore {
    public static final NoSessionStore INSTANCE = new NoSessionStore();

    private NoSessionStore() {}

    @Override
    public Optional<String> getSessionId(WebContext context, boolean createSession) {
        return Optional.empty();
    }

    @Override
    public Optional<Object> get(WebContext context, String key) {
        return Optional.empty();
    }

    @Override
    public void set(WebContext context, String key, Object value) {
        // deliberately nothing: see the class comment
    }

    @Override
    public boolean destroySession(WebContext context) {
        return false;
    }

    @Override
    public Optional<Object> getTrackableSession(WebContext context) {
        return Optional.empty();
    }

    @Override
    public Optional<SessionStore> buildFromTrackableSession(WebContext context, Object trackableSession) {
        return Optional.empty();
    }

    @Override
    public boolean renewSession(WebContext context) {
        return false;
    }
}
