package dev.gatehouse.sso.signin;

import dev.gatehouse.sso.cluster.Cluster;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one state store of every sign-in protocol (outstanding requests, replay cache), so that budgets count every
 * protocol's sign-ins together: this node's memory alone, the data grid in a cluster (so that an answer reaches any
 * node and a replay is refused on every node).
 */
@ApplicationScoped
public class SignInStates {
    @Inject
    Cluster cluster;

    public SignInStateStore store() {
        return cluster.signInStates();
    }
}
