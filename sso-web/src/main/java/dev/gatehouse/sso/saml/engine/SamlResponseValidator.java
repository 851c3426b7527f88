package dev.gatehouse.sso.saml.engine;

import static dev.gatehouse.sso.saml.engine.SamlXml.ASSERTION;
import static dev.gatehouse.sso.saml.engine.SamlXml.PROTOCOL;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import dev.gatehouse.sso.signin.state.PendingRequest;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Validates a {@code SAMLResponse} posted to the ACS (Web Browser SSO profile, HTTP-POST binding). The order matters:
 *
 * <ol>
 *   <li>parse without DTDs ({@link SecureXml}); the root is a {@code samlp:Response} with status Success;
 *   <li>the document holds exactly one {@code Assertion}, a direct child of the Response, and no encrypted one;
 *   <li>the Response, the Assertion or both carry a valid signature ({@link EnvelopedSignatures}); a signature that is
 *       present but wrong fails the whole message even when the other one is good;
 *   <li>issuers, Destination, Recipient and Audience name this provider and this service provider;
 *   <li>time windows hold within the configured skew;
 *   <li>the assertion ID has not been used before (kept until the assertion expires);
 *   <li>InResponseTo names an outstanding request of this provider (which is then used up), or the response is
 *       unsolicited and the provider allows IdP-initiated login.
 * </ol>
 *
 * Everything returned is read from the one assertion element that a verified signature covers.
 */
public final class SamlResponseValidator {
    private final SignInStateStore state;
    private final Clock clock;

    public SamlResponseValidator(SignInStateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public SamlAssertion validate(
            String samlResponseBase64, ProviderId provider, IdpTrust idp, ServiceProviderEndpoints sp) {
        Document document = SecureXml.parse(decode(samlResponseBase64));
        Element response = document.getDocumentElement();
        if (!PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new SamlException(Reason.MALFORMED, "the message is not a SAML 2.0 Response");
        }
        if (!"2.0".equals(response.getAttributeNS(null, "Version"))) {
            throw new SamlException(Reason.MALFORMED, "the Response is not SAML version 2.0");
        }
        checkStatus(response);
        Element assertion = theOnlyAssertion(document, response);

        boolean responseSigned = EnvelopedSignatures.verify(response, idp);
        boolean assertionSigned = EnvelopedSignatures.verify(assertion, idp);
        if (!responseSigned && !assertionSigned) {
            throw new SamlException(Reason.SIGNATURE, "neither the Response nor the Assertion is signed");
        }

        Instant now = clock.instant();
        Duration skew = sp.clockSkew();
        SamlXml.child(response, ASSERTION, "Issuer").ifPresent(issuer -> checkIssuer(issuer, idp, "Response"));
        checkIssuer(SamlXml.required(assertion, ASSERTION, "Issuer"), idp, "Assertion");
        Optional<String> destination = SamlXml.attribute(response, "Destination");
        if (destination.isPresent() ? !destination.get().equals(sp.acsUrl()) : responseSigned) {
            throw new SamlException(Reason.WRONG_PARTY, "the Response's Destination is not this provider's ACS URL");
        }
        Optional<String> inResponseTo = SamlXml.attribute(response, "InResponseTo");

        Element subject = SamlXml.required(assertion, ASSERTION, "Subject");
        Element nameId = SamlXml.required(subject, ASSERTION, "NameID");
        Instant bearerUntil = checkBearer(subject, sp, inResponseTo, now, skew);
        Instant conditionsUntil = checkConditions(assertion, sp, now, skew);
        Element authn = SamlXml.children(assertion, ASSERTION, "AuthnStatement").stream()
                .findFirst()
                .orElseThrow(() -> new SamlException(Reason.MALFORMED, "the Assertion has no AuthnStatement"));
        SamlTimes.attribute(authn, "SessionNotOnOrAfter").ifPresent(until -> {
            if (!now.minus(skew).isBefore(until)) {
                throw new SamlException(Reason.EXPIRED, "the IdP session ended (SessionNotOnOrAfter)");
            }
        });

        String assertionId = assertion.getAttributeNS(null, "ID");
        Instant validUntil = bearerUntil.isBefore(conditionsUntil) ? bearerUntil : conditionsUntil;
        if (!state.markUsed(provider + "/" + assertionId, validUntil.plus(skew), now)) {
            throw new SamlException(Reason.REPLAYED, "assertion " + assertionId + " was already used");
        }
        Optional<PendingRequest> request = matchRequest(inResponseTo, provider, sp, now);
        return new SamlAssertion(
                SamlXml.text(SamlXml.required(assertion, ASSERTION, "Issuer")),
                assertionId,
                SamlXml.text(nameId),
                SamlXml.attribute(nameId, "Format").orElse("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"),
                SamlXml.attribute(authn, "SessionIndex"),
                attributes(assertion),
                request,
                validUntil);
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new SamlException(Reason.MALFORMED, "SAMLResponse is missing");
        }
        if (base64.length() > SecureXml.MAX_MESSAGE_BYTES * 4 / 3 + 4096) {
            throw new SamlException(Reason.MALFORMED, "SAMLResponse is larger than " + SecureXml.MAX_MESSAGE_BYTES);
        }
        try {
            return Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new SamlException(Reason.MALFORMED, "SAMLResponse is not Base64");
        }
    }

    private static void checkStatus(Element response) {
        Element status = SamlXml.required(response, PROTOCOL, "Status");
        Element code = SamlXml.required(status, PROTOCOL, "StatusCode");
        String value = code.getAttributeNS(null, "Value");
        if (!SamlXml.STATUS_SUCCESS.equals(value)) {
            String detail = SamlXml.child(code, PROTOCOL, "StatusCode")
                    .map(sub -> value + " / " + sub.getAttributeNS(null, "Value"))
                    .orElse(value);
            throw new SamlException(Reason.IDP_REFUSED, "the identity provider answered " + detail);
        }
    }

    private static Element theOnlyAssertion(Document document, Element response) {
        if (document.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").getLength() > 0) {
            throw new SamlException(
                    Reason.MALFORMED,
                    "encrypted assertions are not supported; turn off token encryption for this app in Entra");
        }
        NodeList assertions = document.getElementsByTagNameNS(ASSERTION, "Assertion");
        if (assertions.getLength() != 1) {
            throw new SamlException(
                    Reason.MALFORMED,
                    "the message holds " + assertions.getLength() + " assertions; exactly one is accepted");
        }
        Element assertion = (Element) assertions.item(0);
        if (assertion.getParentNode() != response) {
            throw new SamlException(Reason.MALFORMED, "the Assertion is not a direct child of the Response");
        }
        return assertion;
    }

    private static void checkIssuer(Element issuer, IdpTrust idp, String where) {
        if (!idp.issuer().equals(SamlXml.text(issuer))) {
            throw new SamlException(
                    Reason.WRONG_PARTY, "the " + where + " Issuer is not this provider's issuer " + idp.issuer());
        }
    }

    /** At least one bearer SubjectConfirmation must hold: Recipient is our ACS, unexpired, InResponseTo consistent. */
    /**
     * The first bearer SubjectConfirmation that holds wins; when none does, the failure of the last one examined is
     * thrown, with the reason that goes with it.
     */
    private static Instant checkBearer(
            Element subject, ServiceProviderEndpoints sp, Optional<String> inResponseTo, Instant now, Duration skew) {
        SamlException failure = new SamlException(Reason.MALFORMED, "the Subject has no bearer SubjectConfirmation");
        for (Element confirmation : SamlXml.children(subject, ASSERTION, "SubjectConfirmation")) {
            if (!SamlXml.BEARER.equals(confirmation.getAttributeNS(null, "Method"))) {
                continue;
            }
            Optional<Element> data = SamlXml.child(confirmation, ASSERTION, "SubjectConfirmationData");
            if (data.isEmpty()) {
                failure = new SamlException(
                        Reason.MALFORMED, "the bearer SubjectConfirmation has no SubjectConfirmationData");
                continue;
            }
            Optional<Instant> until = SamlTimes.attribute(data.get(), "NotOnOrAfter");
            if (!sp.acsUrl().equals(data.get().getAttributeNS(null, "Recipient"))) {
                failure = new SamlException(
                        Reason.WRONG_PARTY, "the SubjectConfirmationData Recipient is not this provider's ACS URL");
            } else if (until.isEmpty()) {
                failure = new SamlException(Reason.MALFORMED, "the SubjectConfirmationData has no NotOnOrAfter");
            } else if (SamlTimes.attribute(data.get(), "NotBefore")
                    .filter(notBefore -> now.plus(skew).isBefore(notBefore))
                    .isPresent()) {
                failure = new SamlException(
                        Reason.EXPIRED,
                        "the SubjectConfirmationData is not yet valid (NotBefore; it expired early or clocks differ)");
            } else if (!now.minus(skew).isBefore(until.get())) {
                failure = new SamlException(Reason.EXPIRED, "the SubjectConfirmationData expired at " + until.get());
            } else if (!SamlXml.attribute(data.get(), "InResponseTo").equals(inResponseTo)) {
                failure = new SamlException(
                        Reason.MALFORMED, "the SubjectConfirmationData InResponseTo differs from the Response's");
            } else {
                return until.get();
            }
        }
        throw failure;
    }

    private static Instant checkConditions(Element assertion, ServiceProviderEndpoints sp, Instant now, Duration skew) {
        Element conditions = SamlXml.required(assertion, ASSERTION, "Conditions");
        Optional<Instant> notBefore = SamlTimes.attribute(conditions, "NotBefore");
        Optional<Instant> notOnOrAfter = SamlTimes.attribute(conditions, "NotOnOrAfter");
        if (notBefore.isPresent() && now.plus(skew).isBefore(notBefore.get())) {
            throw new SamlException(Reason.EXPIRED, "the Assertion is not valid before " + notBefore.get());
        }
        if (notOnOrAfter.isEmpty()) {
            throw new SamlException(Reason.MALFORMED, "the Conditions have no NotOnOrAfter");
        }
        if (!now.minus(skew).isBefore(notOnOrAfter.get())) {
            throw new SamlException(Reason.EXPIRED, "the Assertion expired at " + notOnOrAfter.get());
        }
        List<Element> restrictions = SamlXml.children(conditions, ASSERTION, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SamlException(Reason.WRONG_PARTY, "the Assertion has no AudienceRestriction");
        }
        for (Element restriction : restrictions) {
            boolean ours = SamlXml.children(restriction, ASSERTION, "Audience").stream()
                    .anyMatch(audience -> sp.entityId().equals(SamlXml.text(audience)));
            if (!ours) {
                throw new SamlException(
                        Reason.WRONG_PARTY, "the Audience is not this provider's entity ID " + sp.entityId());
            }
        }
        return notOnOrAfter.get();
    }

    private Optional<PendingRequest> matchRequest(
            Optional<String> inResponseTo, ProviderId provider, ServiceProviderEndpoints sp, Instant now) {
        if (inResponseTo.isEmpty()) {
            if (!sp.allowUnsolicited()) {
                throw new SamlException(
                        Reason.UNEXPECTED,
                        "an IdP-initiated response arrived but this provider accepts only sign-ins started here");
            }
            return Optional.empty();
        }
        Optional<PendingRequest> request = state.takeRequest(inResponseTo.get(), now);
        if (request.isEmpty()
                || request.get().kind() != PendingRequest.Kind.LOGIN
                || !request.get().provider().equals(provider)) {
            throw new SamlException(
                    Reason.UNEXPECTED, "InResponseTo names no outstanding sign-in of this provider (expired or used)");
        }
        return request;
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element statement : SamlXml.children(assertion, ASSERTION, "AttributeStatement")) {
            for (Element attribute : SamlXml.children(statement, ASSERTION, "Attribute")) {
                List<String> values =
                        attributes.computeIfAbsent(attribute.getAttributeNS(null, "Name"), name -> new ArrayList<>());
                for (Element value : SamlXml.children(attribute, ASSERTION, "AttributeValue")) {
                    values.add(SamlXml.text(value));
                }
            }
        }
        attributes.replaceAll((name, values) -> List.copyOf(values));
        return attributes;
    }
}
