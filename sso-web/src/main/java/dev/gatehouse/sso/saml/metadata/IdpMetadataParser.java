package dev.gatehouse.sso.saml.metadata;

import static dev.gatehouse.sso.saml.engine.SamlXml.DSIG;
import static dev.gatehouse.sso.saml.engine.SamlXml.METADATA;

import dev.gatehouse.sso.saml.engine.EnvelopedSignatures;
import dev.gatehouse.sso.saml.engine.SamlException;
import dev.gatehouse.sso.saml.engine.SamlXml;
import dev.gatehouse.sso.saml.engine.SecureXml;
import dev.gatehouse.sso.saml.engine.SignaturePolicy;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads IdP metadata such as Entra's {@code federationmetadata.xml}: a UTF-8 byte-order mark is skipped; the
 * {@code IDPSSODescriptor}'s signing certificates (use="signing" or no use) are all kept; the HTTP-Redirect
 * SingleSignOnService and SingleLogoutService are taken.
 *
 * <p>A signed metadata document must verify. On a refresh it must be signed by a key Gatehouse already trusts (from the
 * last good copy); the first copy, fetched over TLS or uploaded by an administrator, may be signed by a key it lists
 * itself. An unsigned document is accepted only where no signature is required: a refresh after a signed copy
 * requires one, so whoever controls the URL's bytes cannot swap the signing key by dropping the signature.
 */
public final class IdpMetadataParser {
    /** Largest metadata document accepted, in bytes. */
    public static final int MAX_METADATA_BYTES = 1_000_000;

    private static final SignaturePolicy METADATA_SIGNATURES = new SignaturePolicy(false);

    private IdpMetadataParser() {}

    /**
     * A document whose signature, if any, verifies by the keys it lists or by {@code trustedKeys}.
     *
     * @param trustedKeys keys of the last good copy; empty for a first copy
     * @throws MetadataException naming what is missing or wrong
     */
    public static IdpMetadata parse(byte[] xml, List<PublicKey> trustedKeys) {
        return parse(xml, trustedKeys, false);
    }

    /**
     * @param trustedKeys keys of the last good copy; empty for a first copy
     * @param signatureRequired refuse an unsigned document (a refresh after a signed copy)
     * @throws MetadataException naming what is missing or wrong
     */
    public static IdpMetadata parse(byte[] xml, List<PublicKey> trustedKeys, boolean signatureRequired) {
        try {
            Element root = SecureXml.parse(withoutBom(xml), MAX_METADATA_BYTES).getDocumentElement();
            if (!METADATA.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
                throw new MetadataException("the document is not SAML 2.0 metadata (no md:EntityDescriptor root)");
            }
            String entityId = root.getAttributeNS(null, "entityID");
            if (entityId.isBlank()) {
                throw new MetadataException("the EntityDescriptor has no entityID");
            }
            Element idp = SamlXml.child(root, METADATA, "IDPSSODescriptor")
                    .orElseThrow(() -> new MetadataException(
                            "the metadata has no IDPSSODescriptor: it describes no identity provider"));
            List<X509Certificate> certificates = signingCertificates(idp);
            if (certificates.isEmpty()) {
                throw new MetadataException("the IDPSSODescriptor lists no signing certificate");
            }
            boolean signed = SamlXml.child(root, DSIG, "Signature").isPresent();
            if (!signed && signatureRequired) {
                throw new MetadataException("the metadata is not signed, but the last good copy was: a refresh must be"
                        + " signed by a key of the last good copy (an administrator can re-trust the provider)");
            }
            if (signed) {
                List<PublicKey> keys = trustedKeys.isEmpty()
                        ? certificates.stream()
                                .map(X509Certificate::getPublicKey)
                                .toList()
                        : trustedKeys;
                EnvelopedSignatures.verify(root, keys, List.of(), METADATA_SIGNATURES);
            }
            String sso = endpoint(idp, "SingleSignOnService")
                    .orElseThrow(() -> new MetadataException(
                            "the IDPSSODescriptor has no SingleSignOnService for the HTTP-Redirect binding"));
            return new IdpMetadata(entityId, certificates, sso, endpoint(idp, "SingleLogoutService"), signed);
        } catch (SamlException e) {
            throw new MetadataException("the metadata was refused: " + e.getMessage(), e);
        }
    }

    private static byte[] withoutBom(byte[] xml) {
        if (xml.length >= 3 && (xml[0] & 0xff) == 0xef && (xml[1] & 0xff) == 0xbb && (xml[2] & 0xff) == 0xbf) {
            byte[] rest = new byte[xml.length - 3];
            System.arraycopy(xml, 3, rest, 0, rest.length);
            return rest;
        }
        return xml;
    }

    private static List<X509Certificate> signingCertificates(Element idp) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element descriptor : SamlXml.children(idp, METADATA, "KeyDescriptor")) {
            String use = descriptor.getAttributeNS(null, "use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            NodeList values = descriptor.getElementsByTagNameNS(DSIG, "X509Certificate");
            for (int i = 0; i < values.getLength(); i++) {
                certificates.add(certificate(values.item(i).getTextContent()));
            }
        }
        return certificates;
    }

    /** Parses a Base64 DER certificate as metadata and Entra show it (whitespace allowed). */
    public static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new MetadataException("a signing certificate is not a Base64 X.509 certificate");
        }
    }

    private static Optional<String> endpoint(Element idp, String name) {
        return SamlXml.children(idp, METADATA, name).stream()
                .filter(e -> SamlXml.BINDING_REDIRECT.equals(e.getAttributeNS(null, "Binding")))
                .map(e -> e.getAttributeNS(null, "Location"))
                .filter(location -> !location.isBlank())
                .findFirst();
    }
}
