package dev.gatehouse.sso.saml;

import dev.gatehouse.sso.saml.engine.SamlXml;
import dev.gatehouse.sso.saml.engine.SecureXml;
import dev.gatehouse.sso.saml.engine.SignaturePolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds SAML responses shaped like Entra's (issuer {@code https://sts.windows.net/{tid}/}, seven fractional digits,
 * Entra claim URIs, 70-minute assertion, 5-minute bearer) and signs them with the test keys, so that tests can take them
 * apart the way an attacker would.
 */
public final class EntraResponses {
    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String ISSUER = "https://sts.windows.net/" + TENANT + "/";
    public static final String OID = "2b5e8b1c-6c59-4f2b-9a51-0b3c8a4a1f10";
    public static final String CLAIMS = "http://schemas.microsoft.com/identity/claims/";
    public static final String WS_CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";
    public static final String GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    static {
        Init.init();
    }

    public String issuer = ISSUER;
    public String responseIssuer = ISSUER;
    public String audience;
    public String acsUrl;
    public String destination;
    public String inResponseTo;
    public String nameId = "alice@contoso.example";
    public Instant issueInstant = Instant.now();
    public Instant notBefore;
    public Instant notOnOrAfter;
    public Instant bearerNotOnOrAfter;
    public String responseId = "_" + UUID.randomUUID();
    public String assertionId = "_" + UUID.randomUUID();
    public final Map<String, List<String>> attributes = new LinkedHashMap<>();

    public EntraResponses(String audience, String acsUrl) {
        this.audience = audience;
        this.acsUrl = acsUrl;
        this.destination = acsUrl;
        this.notBefore = issueInstant.minusSeconds(5);
        this.notOnOrAfter = issueInstant.plusSeconds(70 * 60);
        this.bearerNotOnOrAfter = issueInstant.plusSeconds(5 * 60);
        attributes.put(CLAIMS + "tenantid", List.of(TENANT));
        attributes.put(CLAIMS + "objectidentifier", List.of(OID));
        attributes.put(WS_CLAIMS + "name", List.of("alice@contoso.example"));
        attributes.put(WS_CLAIMS + "givenname", List.of("Alice"));
        attributes.put(WS_CLAIMS + "surname", List.of("Example"));
        attributes.put(WS_CLAIMS + "emailaddress", List.of("alice@contoso.example"));
        attributes.put(CLAIMS + "displayname", List.of("Alice Example"));
        attributes.put(GROUPS, List.of("6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f"));
    }

    /** The unsigned response as a DOM. */
    public Document document() {
        StringBuilder xml = new StringBuilder();
        xml.append("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"")
                .append(responseId)
                .append("\" Version=\"2.0\" IssueInstant=\"")
                .append(SEVEN_DIGITS.format(issueInstant))
                .append('"');
        if (destination != null) {
            xml.append(" Destination=\"").append(destination).append('"');
        }
        if (inResponseTo != null) {
            xml.append(" InResponseTo=\"").append(inResponseTo).append('"');
        }
        xml.append(">");
        if (responseIssuer != null) {
            xml.append("<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">")
                    .append(responseIssuer)
                    .append("</Issuer>");
        }
        xml.append("<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>")
                .append("</samlp:Status>");
        xml.append(assertionXml());
        xml.append("</samlp:Response>");
        return SecureXml.parse(xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String assertionXml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<Assertion xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"")
                .append(assertionId)
                .append("\" IssueInstant=\"")
                .append(SEVEN_DIGITS.format(issueInstant))
                .append("\" Version=\"2.0\">");
        xml.append("<Issuer>").append(issuer).append("</Issuer>");
        xml.append("<Subject><NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">")
                .append(nameId)
                .append("</NameID><SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">")
                .append("<SubjectConfirmationData");
        if (inResponseTo != null) {
            xml.append(" InResponseTo=\"").append(inResponseTo).append('"');
        }
        xml.append(" NotOnOrAfter=\"")
                .append(SEVEN_DIGITS.format(bearerNotOnOrAfter))
                .append("\" Recipient=\"")
                .append(acsUrl)
                .append("\"/></SubjectConfirmation></Subject>");
        xml.append("<Conditions NotBefore=\"")
                .append(SEVEN_DIGITS.format(notBefore))
                .append("\" NotOnOrAfter=\"")
                .append(SEVEN_DIGITS.format(notOnOrAfter))
                .append("\"><AudienceRestriction><Audience>")
                .append(audience)
                .append("</Audience></AudienceRestriction></Conditions>");
        xml.append("<AttributeStatement>");
        attributes.forEach((name, values) -> {
            xml.append("<Attribute Name=\"").append(name).append("\">");
            values.forEach(v -> xml.append("<AttributeValue>").append(v).append("</AttributeValue>"));
            xml.append("</Attribute>");
        });
        xml.append("</AttributeStatement>");
        xml.append("<AuthnStatement AuthnInstant=\"")
                .append(SEVEN_DIGITS.format(issueInstant))
                .append("\" SessionIndex=\"")
                .append(assertionId)
                .append("\"><AuthnContext><AuthnContextClassRef>")
                .append("urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext>")
                .append("</AuthnStatement></Assertion>");
        return xml.toString();
    }

    public static Element assertion(Document document) {
        return (Element)
                document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
    }

    /** Signs the element with RSA-SHA256 / SHA-256, exclusive C14N and the enveloped transform, as Entra does. */
    public static void sign(Element element, String keyAlias) {
        sign(element, keyAlias, SignaturePolicy.RSA_SHA256, SignaturePolicy.SHA256);
    }

    public static void sign(Element element, String keyAlias, String signatureAlgorithm, String digestAlgorithm) {
        sign(
                element,
                TestKeys.privateKey(keyAlias),
                TestKeys.certificate(keyAlias),
                signatureAlgorithm,
                digestAlgorithm,
                null);
    }

    /** Signs with full control; {@code extraTransform} adds a transform after C14N when not null. */
    public static XMLSignature sign(
            Element element,
            PrivateKey key,
            X509Certificate certificate,
            String signatureAlgorithm,
            String digestAlgorithm,
            String extraTransform) {
        try {
            Document document = element.getOwnerDocument();
            XMLSignature signature =
                    new XMLSignature(document, "", signatureAlgorithm, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            element.insertBefore(
                    signature.getElement(),
                    SamlXml.child(element, SamlXml.ASSERTION, "Issuer")
                            .map(org.w3c.dom.Node::getNextSibling)
                            .orElse(element.getFirstChild()));
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            if (extraTransform != null) {
                transforms.addTransform(extraTransform);
            }
            element.setIdAttributeNS(null, "ID", true);
            signature.addDocument("#" + element.getAttribute("ID"), transforms, digestAlgorithm);
            signature.addKeyInfo(certificate);
            signature.sign(key);
            return signature;
        } catch (Exception e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public static String encode(Document document) {
        return Base64.getEncoder().encodeToString(serialize(document));
    }

    public static byte[] serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String signedAssertion() {
        Document document = document();
        sign(assertion(document), "idp");
        return encode(document);
    }
}
