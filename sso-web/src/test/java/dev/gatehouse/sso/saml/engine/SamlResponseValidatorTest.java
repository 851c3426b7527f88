package dev.gatehouse.sso.saml.engine;

import static dev.gatehouse.sso.saml.EntraResponses.assertion;
import static dev.gatehouse.sso.saml.EntraResponses.encode;
import static dev.gatehouse.sso.saml.EntraResponses.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestKeys;
import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import dev.gatehouse.sso.signin.state.PendingRequest;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The SAML attack suite S1–S12 of the security matrix, on responses signed with the test keys. */
class SamlResponseValidatorTest {
    static final String ENTITY_ID = "https://gatehouse.example/saml/p1";
    static final String ACS = "https://gatehouse.example/saml/p1/acs";
    static final ProviderId PROVIDER = ProviderId.random();

    final SignInStateStore state = new LocalSignInStateStore();
    final SamlResponseValidator validator = new SamlResponseValidator(state, Clock.systemUTC());
    IdpTrust trust = trust(false, "idp");
    ServiceProviderEndpoints sp = sp(true);
    EntraResponses entra = new EntraResponses(ENTITY_ID, ACS);

    static IdpTrust trust(boolean allowSha1, String... aliases) {
        List<PublicKey> keys = java.util.Arrays.stream(aliases)
                .map(a -> TestKeys.certificate(a).getPublicKey())
                .toList();
        return IdpTrust.of(EntraResponses.ISSUER, keys, new SignaturePolicy(allowSha1));
    }

    static ServiceProviderEndpoints sp(boolean allowUnsolicited) {
        return new ServiceProviderEndpoints(
                ENTITY_ID, ACS, ENTITY_ID + "/slo", ServiceProviderEndpoints.DEFAULT_SKEW, allowUnsolicited);
    }

    SamlAssertion validate(String response) {
        return validator.validate(response, PROVIDER, trust, sp);
    }

    SamlAssertion validate(Document document) {
        return validate(encode(document));
    }

    void refused(Document document, Reason reason) {
        refused(encode(document), reason);
    }

    void refused(String response, Reason reason) {
        assertThatThrownBy(() -> validate(response))
                .isInstanceOfSatisfying(
                        SamlException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    Document signedAssertion() {
        Document document = entra.document();
        sign(assertion(document), "idp");
        return document;
    }

    /** Certificate cloning: the real IdP certificate in KeyInfo, the signature made with the attacker's key. */
    Document attackerSignedWithTheIdpCertificateInKeyInfo() {
        Document document = entra.document();
        sign(
                assertion(document),
                TestKeys.privateKey("attacker"),
                TestKeys.certificate("idp"),
                SignaturePolicy.RSA_SHA256,
                SignaturePolicy.SHA256,
                null);
        return document;
    }

    Document signedResponse() {
        Document document = entra.document();
        sign(document.getDocumentElement(), "idp");
        return document;
    }

    @Nested
    class EntraShapes {
        @Test
        void assertionSignedWithSevenFractionalDigitsIsAccepted() {
            SamlAssertion assertion = validate(signedAssertion());
            assertThat(assertion.nameId()).isEqualTo("alice@contoso.example");
            assertThat(assertion.first(EntraResponses.CLAIMS + "objectidentifier"))
                    .contains(EntraResponses.OID);
            assertThat(assertion.issuer()).isEqualTo(EntraResponses.ISSUER);
            assertThat(assertion.request()).isEmpty();
            assertThat(assertion.sessionIndex()).contains(entra.assertionId);
        }

        @Test
        void responseSignedIsAccepted() {
            assertThat(validate(signedResponse()).nameId()).isEqualTo("alice@contoso.example");
        }

        @Test
        void bothSignedIsAccepted() {
            Document document = entra.document();
            sign(assertion(document), "idp");
            sign(document.getDocumentElement(), "idp");
            assertThat(validate(document).nameId()).isEqualTo("alice@contoso.example");
        }

        @Test
        void everyPublishedSigningKeyIsAccepted() {
            trust = trust(false, "idp", "idp-rollover");
            Document document = entra.document();
            sign(assertion(document), "idp-rollover");
            assertThat(validate(document).nameId()).isEqualTo("alice@contoso.example");
        }

        @Test
        void toStringKeepsAttributesOut() {
            assertThat(validate(signedAssertion()).toString()).doesNotContain("alice");
        }
    }

    /** S1: XML signature wrapping XSW1–XSW8 on a correctly signed response. */
    @Nested
    class S1SignatureWrapping {
        Document evilResponseAround(Document signed, boolean insideSignature) {
            Element original = signed.getDocumentElement();
            Element evil = (Element) original.cloneNode(true);
            evil.setAttributeNS(null, "ID", "_evil");
            Element evilSignature = SamlXml.required(evil, SamlXml.DSIG, "Signature");
            Element copy = (Element) original.cloneNode(true);
            if (insideSignature) {
                evilSignature.appendChild(copy);
            } else {
                evil.insertBefore(copy, evilSignature);
            }
            setNameId(
                    (Element) evil.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion")
                            .item(0),
                    "admin@contoso.example");
            signed.replaceChild(evil, original);
            return signed;
        }

        @Test
        void xsw1OriginalResponseInsideTheSignature() {
            refused(evilResponseAround(signedResponse(), true), Reason.MALFORMED);
        }

        @Test
        void xsw2OriginalResponseBesideTheSignature() {
            refused(evilResponseAround(signedResponse(), false), Reason.MALFORMED);
        }

        @Test
        void xsw1WithoutTheExtraAssertionStillFailsTheReference() {
            Document document = signedResponse();
            Element response = document.getDocumentElement();
            response.setAttributeNS(null, "ID", "_evil");
            setNameId(assertion(document), "admin@contoso.example");
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void xsw3EvilAssertionBeforeTheSignedOne() {
            Document document = signedAssertion();
            Element evil = evilAssertionCopy(document);
            document.getDocumentElement().insertBefore(evil, assertion(document));
            refused(document, Reason.MALFORMED);
        }

        @Test
        void xsw4SignedAssertionInsideTheEvilOne() {
            Document document = signedAssertion();
            Element original = assertion(document);
            Element evil = evilAssertionCopy(document);
            document.getDocumentElement().replaceChild(evil, original);
            evil.appendChild(original);
            refused(document, Reason.MALFORMED);
        }

        @Test
        void xsw5EvilAssertionKeepsTheSignatureAndTheOriginalIsAppended() {
            Document document = signedAssertion();
            Element original = assertion(document);
            Element evil = (Element) original.cloneNode(true);
            setNameId(evil, "admin@contoso.example");
            Element stripped = (Element) original.cloneNode(true);
            stripped.removeChild(SamlXml.required(stripped, SamlXml.DSIG, "Signature"));
            document.getDocumentElement().replaceChild(evil, original);
            document.getDocumentElement().appendChild(stripped);
            refused(document, Reason.MALFORMED);
        }

        @Test
        void xsw6OriginalInsideTheEvilAssertionsSignature() {
            Document document = signedAssertion();
            Element original = assertion(document);
            Element evil = (Element) original.cloneNode(true);
            evil.setAttributeNS(null, "ID", "_evil");
            setNameId(evil, "admin@contoso.example");
            SamlXml.required(evil, SamlXml.DSIG, "Signature").appendChild(original.cloneNode(true));
            document.getDocumentElement().replaceChild(evil, original);
            refused(document, Reason.MALFORMED);
        }

        @Test
        void xsw7OriginalInExtensions() {
            Document document = signedAssertion();
            Element original = assertion(document);
            Element extensions = document.createElementNS(SamlXml.PROTOCOL, "samlp:Extensions");
            extensions.appendChild(original.cloneNode(true));
            Element evil = evilAssertionCopy(document);
            document.getDocumentElement().replaceChild(evil, original);
            document.getDocumentElement().insertBefore(extensions, evil);
            refused(document, Reason.MALFORMED);
        }

        @Test
        void xsw8OriginalInAnObjectOfTheEvilSignature() {
            Document document = signedAssertion();
            Element original = assertion(document);
            Element evil = (Element) original.cloneNode(true);
            setNameId(evil, "admin@contoso.example");
            Element object = document.createElementNS(SamlXml.DSIG, "ds:Object");
            Element stripped = (Element) original.cloneNode(true);
            stripped.removeChild(SamlXml.required(stripped, SamlXml.DSIG, "Signature"));
            object.appendChild(stripped);
            SamlXml.required(evil, SamlXml.DSIG, "Signature").appendChild(object);
            document.getDocumentElement().replaceChild(evil, original);
            refused(document, Reason.MALFORMED);
        }

        @Test
        void signedAssertionMovedUnderAnUnsignedLookalikeIdIsRefusedByTheIdCheck() {
            Document document = signedAssertion();
            Element original = assertion(document);
            Element evil = (Element) original.cloneNode(true);
            evil.removeChild(SamlXml.required(evil, SamlXml.DSIG, "Signature"));
            setNameId(evil, "admin@contoso.example");
            // the evil assertion carries the signed one's signature and the signed one hides under an attribute value
            evil.insertBefore(
                    SamlXml.required(original, SamlXml.DSIG, "Signature"),
                    SamlXml.required(evil, SamlXml.ASSERTION, "Subject"));
            document.getDocumentElement().replaceChild(evil, original);
            refused(document, Reason.SIGNATURE);
        }

        private Element evilAssertionCopy(Document document) {
            Element evil = (Element) assertion(document).cloneNode(true);
            evil.removeChild(SamlXml.required(evil, SamlXml.DSIG, "Signature"));
            evil.setAttributeNS(null, "ID", "_evil");
            setNameId(evil, "admin@contoso.example");
            return evil;
        }
    }

    /** S2: signature removed, or a value changed after signing. */
    @Nested
    class S2Tampering {
        @Test
        void unsignedResponseIsRefused() {
            refused(entra.document(), Reason.SIGNATURE);
        }

        @Test
        void signatureRemovedIsRefused() {
            Document document = signedAssertion();
            Element assertion = assertion(document);
            assertion.removeChild(SamlXml.required(assertion, SamlXml.DSIG, "Signature"));
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void nameIdChangedAfterSigningIsRefused() {
            Document document = signedAssertion();
            setNameId(assertion(document), "admin@contoso.example");
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void attributeChangedAfterSigningIsRefused() {
            Document document = signedAssertion();
            Element value = (Element) assertion(document)
                    .getElementsByTagNameNS(SamlXml.ASSERTION, "AttributeValue")
                    .item(1);
            value.setTextContent("00000000-0000-0000-0000-000000000000");
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void goodResponseSignatureDoesNotExcuseABrokenAssertionSignature() {
            Document document = entra.document();
            sign(assertion(document), "idp");
            setNameId(assertion(document), "admin@contoso.example");
            sign(document.getDocumentElement(), "idp");
            refused(document, Reason.SIGNATURE);
        }
    }

    /** S3: an extra unsigned assertion beside the signed one. */
    @Nested
    class S3ExtraAssertion {
        @Test
        void unsignedAssertionAfterTheSignedOneIsRefused() {
            Document document = signedAssertion();
            Element extra = (Element) assertion(document).cloneNode(true);
            extra.removeChild(SamlXml.required(extra, SamlXml.DSIG, "Signature"));
            extra.setAttributeNS(null, "ID", "_extra");
            document.getDocumentElement().appendChild(extra);
            refused(document, Reason.MALFORMED);
        }

        @Test
        void unsignedAssertionBeforeTheSignedResponseContentIsRefused() {
            Document document = entra.document();
            Element extra = (Element) assertion(document).cloneNode(true);
            extra.setAttributeNS(null, "ID", "_extra");
            document.getDocumentElement().appendChild(extra);
            sign(document.getDocumentElement(), "idp");
            refused(document, Reason.MALFORMED);
        }
    }

    /** S4: a comment inside NameID text. */
    @Nested
    class S4CommentInjection {
        @Test
        void identityIsTheWholeSignedText() {
            entra.nameId = "alice@contoso.example.evil.example";
            Document document = signedAssertion();
            Element nameId = nameId(assertion(document));
            Node text = nameId.getFirstChild();
            nameId.insertBefore(document.createComment(""), ((org.w3c.dom.Text) text).splitText(21));
            assertThat(nameId.getFirstChild().getNodeValue()).isEqualTo("alice@contoso.example");
            assertThat(validate(document).nameId()).isEqualTo("alice@contoso.example.evil.example");
        }
    }

    /** S5: two references, a non-local URI, duplicate IDs, extra transforms. */
    @Nested
    class S5SignatureShape {
        @Test
        void twoReferencesAreRefused() throws Exception {
            Document document = entra.document();
            Element assertion = assertion(document);
            XMLSignature signature = unsignedSignature(assertion);
            signature.addDocument("#" + entra.assertionId, envelopedC14n(document), SignaturePolicy.SHA256);
            signature.addDocument("#" + entra.assertionId, envelopedC14n(document), SignaturePolicy.SHA256);
            signature.sign(TestKeys.privateKey("idp"));
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void nonLocalReferenceIsRefused() throws Exception {
            Document document = entra.document();
            XMLSignature signature = unsignedSignature(assertion(document));
            signature.addDocument("", envelopedC14n(document), SignaturePolicy.SHA256);
            signature.sign(TestKeys.privateKey("idp"));
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void duplicateIdIsRefused() {
            Document document = signedAssertion();
            Element decoy = document.createElementNS(SamlXml.PROTOCOL, "samlp:Extensions");
            decoy.setAttributeNS(null, "ID", entra.assertionId);
            document.getDocumentElement().insertBefore(decoy, assertion(document));
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void extraTransformIsRefused() {
            Document document = entra.document();
            sign(
                    assertion(document),
                    TestKeys.privateKey("idp"),
                    TestKeys.certificate("idp"),
                    SignaturePolicy.RSA_SHA256,
                    SignaturePolicy.SHA256,
                    Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
            refused(document, Reason.SIGNATURE);
        }

        private XMLSignature unsignedSignature(Element element) throws Exception {
            XMLSignature signature = new XMLSignature(
                    element.getOwnerDocument(), "", SignaturePolicy.RSA_SHA256, SignaturePolicy.EXC_C14N);
            element.insertBefore(
                    signature.getElement(),
                    SamlXml.required(element, SamlXml.ASSERTION, "Issuer").getNextSibling());
            element.setIdAttributeNS(null, "ID", true);
            return signature;
        }

        private Transforms envelopedC14n(Document document) throws Exception {
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            return transforms;
        }
    }

    /** S6: signed by a key in its own KeyInfo, not the configured one. */
    @Nested
    class S6ForeignKey {
        @Test
        void attackerKeyWithItsOwnCertificateIsRefused() {
            Document document = entra.document();
            sign(assertion(document), "attacker");
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void attackerKeyWithTheRealCertificateInKeyInfoIsRefused() {
            refused(attackerSignedWithTheIdpCertificateInKeyInfo(), Reason.SIGNATURE);
        }
    }

    /** S6 with a pinned fingerprint: the certificate in KeyInfo is used only when its fingerprint is pinned. */
    @Nested
    class S6PinnedFingerprint {
        @BeforeEach
        void pinIdpCertificate() throws Exception {
            byte[] sha256 = MessageDigest.getInstance("SHA-256")
                    .digest(TestKeys.certificate("idp").getEncoded());
            trust = IdpTrust.pinned(EntraResponses.ISSUER, sha256, new SignaturePolicy(false));
        }

        @Test
        void pinnedCertificateInKeyInfoIsAccepted() {
            assertThat(validate(signedAssertion()).nameId()).isEqualTo("alice@contoso.example");
        }

        @Test
        void otherCertificateInKeyInfoIsRefused() {
            Document document = entra.document();
            sign(assertion(document), "attacker");
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void pinnedCertificateWithTheAttackersSignatureIsRefused() {
            refused(attackerSignedWithTheIdpCertificateInKeyInfo(), Reason.SIGNATURE);
        }
    }

    /** S7: RSA-SHA1 / SHA-1 digest only where the provider allows SHA-1. */
    @Nested
    class S7WeakAlgorithms {
        @Test
        void rsaSha1IsRefusedByDefault() {
            Document document = entra.document();
            sign(assertion(document), "idp", SignaturePolicy.RSA_SHA1, SignaturePolicy.SHA256);
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void sha1DigestIsRefusedByDefault() {
            Document document = entra.document();
            sign(assertion(document), "idp", SignaturePolicy.RSA_SHA256, SignaturePolicy.SHA1);
            refused(document, Reason.SIGNATURE);
        }

        @Test
        void sha1IsAcceptedWhereTheProviderAllowsIt() {
            trust = trust(true, "idp");
            Document document = entra.document();
            sign(assertion(document), "idp", SignaturePolicy.RSA_SHA1, SignaturePolicy.SHA1);
            assertThat(validate(document).nameId()).isEqualTo("alice@contoso.example");
        }
    }

    /** S8: XXE, external DTD, billion laughs: refused quickly, nothing read or fetched. */
    @Nested
    class S8XmlAttacks {
        @ParameterizedTest
        @ValueSource(strings = {"file", "dtd", "laughs", "parameter"})
        void doctypesAreRefusedWithoutAnyFetch(String kind) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger hits = new AtomicInteger();
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            try {
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
                String doctype =
                        switch (kind) {
                            case "file" -> "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
                            case "dtd" -> "<!DOCTYPE r SYSTEM \"" + url + "\">";
                            case "parameter" -> "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>";
                            default -> "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                                    + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                                    + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                                    + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                                    + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>";
                        };
                String signed = new String(Base64.getDecoder().decode(entra.signedAssertion()), StandardCharsets.UTF_8);
                String hostile = doctype
                        + signed.replace("alice@contoso.example</NameID>", "&x;</NameID>")
                                .replace("&x;", kind.equals("laughs") ? "&g;" : "&x;");
                String encoded = Base64.getEncoder().encodeToString(hostile.getBytes(StandardCharsets.UTF_8));
                assertTimeoutPreemptively(Duration.ofSeconds(4), () -> refused(encoded, Reason.MALFORMED));
                assertThat(hits).hasValue(0);
            } finally {
                server.stop(0);
            }
        }

        @Test
        void oversizedMessageIsRefusedBeforeParsing() {
            String huge = Base64.getEncoder().encodeToString(new byte[SecureXml.MAX_MESSAGE_BYTES + 1]);
            refused(huge, Reason.MALFORMED);
        }

        @Test
        void notBase64IsRefused() {
            refused("%%%not base64%%%", Reason.MALFORMED);
        }
    }

    /** S9: the same assertion posted twice, also to another node sharing the state store. */
    @Nested
    class S9Replay {
        @Test
        void secondUseIsRefused() {
            String response = encode(signedAssertion());
            validate(response);
            refused(response, Reason.REPLAYED);
        }

        @Test
        void secondUseOnAnotherNodeWithTheSharedStoreIsRefused() {
            String response = encode(signedAssertion());
            new SamlResponseValidator(state, Clock.systemUTC()).validate(response, PROVIDER, trust, sp);
            refused(response, Reason.REPLAYED);
        }
    }

    /** S10: wrong audience, issuer, destination, recipient; response and assertion issuers differ. */
    @Nested
    class S10WrongParty {
        @Test
        void wrongAudience() {
            entra.audience = "https://gatehouse.example/saml/other";
            refused(signedAssertion(), Reason.WRONG_PARTY);
        }

        @Test
        void wrongAssertionIssuer() {
            entra.issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/";
            entra.responseIssuer = entra.issuer;
            refused(signedAssertion(), Reason.WRONG_PARTY);
        }

        @Test
        void responseIssuerDiffersFromAssertionIssuer() {
            entra.responseIssuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/";
            refused(signedAssertion(), Reason.WRONG_PARTY);
        }

        @Test
        void wrongDestination() {
            entra.destination = "https://gatehouse.example/saml/other/acs";
            refused(signedAssertion(), Reason.WRONG_PARTY);
        }

        @Test
        void signedResponseWithoutDestination() {
            entra.destination = null;
            refused(signedResponse(), Reason.WRONG_PARTY);
        }

        @Test
        void wrongRecipient() {
            entra.acsUrl = "https://gatehouse.example/saml/other/acs";
            entra.destination = ACS;
            refused(signedAssertion(), Reason.WRONG_PARTY);
        }
    }

    /** S11: unknown InResponseTo; unsolicited only where the provider allows it. */
    @Nested
    class S11RequestState {
        @Test
        void unknownInResponseToIsRefused() {
            entra.inResponseTo = "_never-sent";
            refused(signedAssertion(), Reason.UNEXPECTED);
        }

        @Test
        void knownInResponseToIsAcceptedOnceAndCarriesTheTarget() {
            entra.inResponseTo = "_sent";
            state.rememberRequest(new PendingRequest(
                    "_sent",
                    PendingRequest.Kind.LOGIN,
                    PROVIDER,
                    "/?site=child",
                    Instant.now().plusSeconds(600)));
            assertThat(validate(signedAssertion()).request().orElseThrow().target())
                    .isEqualTo("/?site=child");
        }

        @Test
        void requestOfAnotherProviderIsRefused() {
            entra.inResponseTo = "_other";
            state.rememberRequest(new PendingRequest(
                    "_other",
                    PendingRequest.Kind.LOGIN,
                    ProviderId.random(),
                    "/",
                    Instant.now().plusSeconds(600)));
            refused(signedAssertion(), Reason.UNEXPECTED);
        }

        @Test
        void expiredRequestIsRefused() {
            entra.inResponseTo = "_old";
            state.rememberRequest(new PendingRequest(
                    "_old",
                    PendingRequest.Kind.LOGIN,
                    PROVIDER,
                    "/",
                    Instant.now().minusSeconds(1)));
            refused(signedAssertion(), Reason.UNEXPECTED);
        }

        @Test
        void unsolicitedIsRefusedWhenTheProviderForbidsIt() {
            sp = sp(false);
            refused(signedAssertion(), Reason.UNEXPECTED);
        }

        @Test
        void subjectConfirmationMustAgreeWithTheResponse() {
            Document document = entra.document();
            document.getDocumentElement().setAttributeNS(null, "InResponseTo", "_sent");
            state.rememberRequest(new PendingRequest(
                    "_sent",
                    PendingRequest.Kind.LOGIN,
                    PROVIDER,
                    "/",
                    Instant.now().plusSeconds(600)));
            sign(assertion(document), "idp");
            refused(document, Reason.MALFORMED);
        }
    }

    /** S12: NotBefore / NotOnOrAfter outside the configured skew refused, inside accepted. */
    @Nested
    class S12TimeWindows {
        final Duration skew = ServiceProviderEndpoints.DEFAULT_SKEW;

        @Test
        void notYetValidBeyondSkew() {
            entra.notBefore = Instant.now().plus(skew).plusSeconds(30);
            refused(signedAssertion(), Reason.EXPIRED);
        }

        @Test
        void notYetValidWithinSkewIsAccepted() {
            entra.notBefore = Instant.now().plus(skew).minusSeconds(30);
            validate(signedAssertion());
        }

        @Test
        void expiredBeyondSkew() {
            entra.notOnOrAfter = Instant.now().minus(skew).minusSeconds(30);
            refused(signedAssertion(), Reason.EXPIRED);
        }

        @Test
        void expiredWithinSkewIsAccepted() {
            entra.notOnOrAfter = Instant.now().minus(skew).plusSeconds(30);
            entra.bearerNotOnOrAfter = entra.notOnOrAfter;
            validate(signedAssertion());
        }

        @Test
        void bearerExpiredBeyondSkew() {
            entra.bearerNotOnOrAfter = Instant.now().minus(skew).minusSeconds(30);
            refused(signedAssertion(), Reason.EXPIRED);
        }

        @Test
        void configuredSkewIsHonoured() {
            sp = new ServiceProviderEndpoints(ENTITY_ID, ACS, ENTITY_ID + "/slo", Duration.ZERO, true);
            entra.notBefore = Instant.now().plusSeconds(20);
            refused(signedAssertion(), Reason.EXPIRED);
        }

        @Test
        void aClockAheadOfTheAssertionRefusesIt() {
            String response = entra.signedAssertion();
            SamlResponseValidator later = new SamlResponseValidator(
                    state, Clock.fixed(Instant.now().plus(Duration.ofMinutes(80)), ZoneOffset.UTC));
            assertThatThrownBy(() -> later.validate(response, PROVIDER, trust, sp))
                    .isInstanceOfSatisfying(
                            SamlException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
        }
    }

    @Nested
    class Status {
        @Test
        void nonSuccessStatusIsReportedAsARefusalByTheIdp() {
            Document document = entra.document();
            Element code = (Element) document.getElementsByTagNameNS(SamlXml.PROTOCOL, "StatusCode")
                    .item(0);
            code.setAttributeNS(null, "Value", "urn:oasis:names:tc:SAML:2.0:status:Requester");
            refused(document, Reason.IDP_REFUSED);
        }

        @Test
        void encryptedAssertionNamesTheEntraSetting() {
            Document document = entra.document();
            Element encrypted = document.createElementNS(SamlXml.ASSERTION, "EncryptedAssertion");
            document.getDocumentElement().replaceChild(encrypted, assertion(document));
            assertThatThrownBy(() -> validate(document)).hasMessageContaining("token encryption");
        }
    }

    static Element nameId(Element assertion) {
        return (Element)
                assertion.getElementsByTagNameNS(SamlXml.ASSERTION, "NameID").item(0);
    }

    static void setNameId(Element assertion, String value) {
        nameId(assertion).setTextContent(value);
    }
}
