package dev.gatehouse.sso.saml.engine;

import static dev.gatehouse.sso.saml.engine.SamlXml.ASSERTION;
import static dev.gatehouse.sso.saml.engine.SamlXml.PROTOCOL;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import dev.gatehouse.sso.signin.state.PendingRequest;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Single logout over the HTTP-Redirect binding. An IdP's LogoutRequest must be signed (anyone could otherwise sign users
 * out); a LogoutResponse must answer a LogoutRequest Gatehouse sent and, when signed, verify. Issuers may be Entra's
 * logout issuer ({@link IdpTrust#logoutIssuers()}).
 */
public final class SamlLogoutValidator {
    /** A validated LogoutRequest: whom to sign out, and the ID to answer. */
    public record LogoutRequest(String id, String nameId, Optional<String> sessionIndex) {}

    private final SignInStateStore state;
    private final Clock clock;

    public SamlLogoutValidator(SignInStateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public LogoutRequest request(RedirectBinding.Received message, IdpTrust idp, ServiceProviderEndpoints sp) {
        if (!RedirectBinding.verify(message, idp)) {
            throw new SamlException(Reason.SIGNATURE, "an unsigned LogoutRequest is not accepted");
        }
        Element root = root(message, "LogoutRequest", idp, sp);
        SamlTimes.attribute(root, "NotOnOrAfter").ifPresent(until -> {
            if (!clock.instant().minus(sp.clockSkew()).isBefore(until)) {
                throw new SamlException(Reason.EXPIRED, "the LogoutRequest expired at " + until);
            }
        });
        Element nameId = SamlXml.required(root, ASSERTION, "NameID");
        return new LogoutRequest(
                root.getAttributeNS(null, "ID"),
                SamlXml.text(nameId),
                SamlXml.child(root, PROTOCOL, "SessionIndex").map(SamlXml::text));
    }

    /** Checks a LogoutResponse and returns the request it answers (with the page to show afterwards). */
    public PendingRequest response(
            RedirectBinding.Received message, ProviderId provider, IdpTrust idp, ServiceProviderEndpoints sp) {
        RedirectBinding.verify(message, idp);
        Element root = root(message, "LogoutResponse", idp, sp);
        String inResponseTo = root.getAttributeNS(null, "InResponseTo");
        Instant now = clock.instant();
        return state.takeRequest(inResponseTo, now)
                .filter(r ->
                        r.kind() == PendingRequest.Kind.LOGOUT && r.provider().equals(provider))
                .orElseThrow(() -> new SamlException(
                        Reason.UNEXPECTED, "the LogoutResponse answers no outstanding sign-out of this provider"));
    }

    private static Element root(
            RedirectBinding.Received message, String expected, IdpTrust idp, ServiceProviderEndpoints sp) {
        Element root =
                SecureXml.parse(message.xml().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        if (!PROTOCOL.equals(root.getNamespaceURI()) || !expected.equals(root.getLocalName())) {
            throw new SamlException(Reason.MALFORMED, "the message is not a " + expected);
        }
        String issuer = SamlXml.text(SamlXml.required(root, ASSERTION, "Issuer"));
        if (!idp.logoutIssuers().contains(issuer)) {
            throw new SamlException(Reason.WRONG_PARTY, "the " + expected + " Issuer is not this provider's");
        }
        Optional<String> destination = SamlXml.attribute(root, "Destination");
        if (destination.isPresent() && !destination.get().equals(sp.sloUrl())) {
            throw new SamlException(Reason.WRONG_PARTY, "the " + expected + " Destination is not this provider's");
        }
        return root;
    }
}
