package dev.gatehouse.sso.saml.client;

import dev.gatehouse.sso.saml.engine.SamlAssertion;
import org.pac4j.core.credentials.Credentials;

/** A validated assertion, as pac4j credentials. {@link #toString()} names the assertion ID only. */
public final class SamlCredentials extends Credentials {
    private static final long serialVersionUID = 1L;

    private final transient SamlAssertion assertion;

    public SamlCredentials(SamlAssertion assertion) {
        this.assertion = assertion;
    }

    public SamlAssertion assertion() {
        return assertion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SamlCredentials c && c.assertion == assertion;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(assertion);
    }

    @Override
    public String toString() {
        return "SamlCredentials[" + assertion + "]";
    }
}
