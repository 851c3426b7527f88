package dev.gatehouse.sso.signin;

import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one state store of every sign-in protocol (outstanding requests, replay cache), so that budgets count every
 * protocol's sign-ins together and a cluster replaces one implementation.
 */
@ApplicationScoped
public class SignInStates {
    private final SignInStateStore store = new LocalSignInStateStore();

    public SignInStateStore store() {
        return store;
    }
}
