package dev.gatehouse.sso.saml.engine;

import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped signature of one SAML element (a Response or an Assertion) the way the SAML signature profile
 * demands, and no looser:
 *
 * <ul>
 *   <li>at most one {@code ds:Signature}, a direct child of the element;
 *   <li>exactly one {@code Reference}, whose URI is {@code #} + the element's own {@code ID}, and that ID occurs once in
 *       the whole document (duplicate IDs are how signature wrapping hides a second element);
 *   <li>transforms only enveloped-signature and exclusive C14N; algorithms from the {@link SignaturePolicy};
 *   <li>the key is one of the provider's configured keys: a certificate or key in the message's own {@code KeyInfo} is
 *       never used.
 * </ul>
 *
 * Callers read data only from the element passed in here, never by searching the document again.
 */
public final class EnvelopedSignatures {
    static {
        Init.init();
    }

    private EnvelopedSignatures() {}

    /**
     * @return {@code true} when the element carries a valid signature by one of {@code keys}, {@code false} when it
     *     carries none
     * @throws SamlException with {@link Reason#SIGNATURE} when a signature is present and anything about it is wrong
     */
    public static boolean verify(Element signed, IdpTrust trust) {
        return verify(signed, trust.signingKeys(), trust.pinnedSha256(), trust.policy());
    }

    /**
     * @param pinnedSha256 fingerprints of certificates that may sign although not in {@code keys}: a certificate in the
     *     signature's KeyInfo is used only when its SHA-256 fingerprint is one of these
     */
    public static boolean verify(
            Element signed, List<PublicKey> keys, List<byte[]> pinnedSha256, SignaturePolicy policy) {
        Optional<Element> signatureElement = SamlXml.child(signed, SamlXml.DSIG, "Signature");
        if (signatureElement.isEmpty()) {
            return false;
        }
        String id = signed.getAttributeNS(null, "ID");
        if (id.isEmpty()) {
            throw refused(signed, "the signed element has no ID");
        }
        if (countIds(signed.getOwnerDocument().getDocumentElement(), id) != 1) {
            throw refused(signed, "the ID of the signed element occurs more than once in the message");
        }
        signed.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(signatureElement.get(), "", true);
            checkShape(signed, signature, id, policy);
            List<PublicKey> candidates = new ArrayList<>(keys);
            pinnedCertificate(signature, pinnedSha256).ifPresent(candidates::add);
            for (PublicKey key : candidates) {
                if (signature.checkSignatureValue(key)) {
                    checkReferencedNode(signed, signature);
                    return true;
                }
            }
            throw refused(signed, "the signature is not made by any signing key configured for this provider");
        } catch (XMLSecurityException e) {
            throw refused(signed, "the signature cannot be verified: " + e.getMessage());
        }
    }

    private static void checkShape(Element signed, XMLSignature signature, String id, SignaturePolicy policy)
            throws XMLSecurityException {
        SignedInfo info = signature.getSignedInfo();
        if (!policy.canonicalizationAllowed(info.getCanonicalizationMethodURI())) {
            throw refused(signed, "canonicalization " + info.getCanonicalizationMethodURI() + " is not allowed");
        }
        if (!policy.signatureAllowed(info.getSignatureMethodURI())) {
            throw refused(
                    signed,
                    "signature algorithm " + info.getSignatureMethodURI()
                            + " is not allowed (SHA-1 only where the provider allows it)");
        }
        if (info.getLength() != 1) {
            throw refused(signed, "the signature has " + info.getLength() + " references; exactly one is allowed");
        }
        Reference reference = info.item(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw refused(signed, "the signature's reference does not point at the signed element");
        }
        String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        if (!policy.digestAllowed(digest)) {
            throw refused(signed, "digest algorithm " + digest + " is not allowed (SHA-1 only where allowed)");
        }
        Transforms transforms = reference.getTransforms();
        int count = transforms == null ? 0 : transforms.getLength();
        boolean enveloped = false;
        for (int i = 0; i < count; i++) {
            Transform transform = transforms.item(i);
            String uri = transform.getURI();
            if (SignaturePolicy.ENVELOPED.equals(uri)) {
                enveloped = true;
            } else if (!policy.canonicalizationAllowed(uri)) {
                throw refused(signed, "transform " + uri + " is not allowed");
            }
        }
        if (!enveloped || count > 2) {
            throw refused(signed, "the reference must use the enveloped-signature transform and at most one C14N");
        }
    }

    private static Optional<PublicKey> pinnedCertificate(XMLSignature signature, List<byte[]> pinnedSha256)
            throws XMLSecurityException {
        if (pinnedSha256.isEmpty() || signature.getKeyInfo() == null) {
            return Optional.empty();
        }
        X509Certificate certificate = signature.getKeyInfo().getX509Certificate();
        if (certificate == null) {
            return Optional.empty();
        }
        try {
            byte[] actual = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return pinnedSha256.stream()
                    .filter(pinned -> MessageDigest.isEqual(pinned, actual))
                    .findFirst()
                    .map(pinned -> certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new XMLSecurityException(e);
        }
    }

    private static void checkReferencedNode(Element signed, XMLSignature signature) throws XMLSecurityException {
        if (signature.getSignedInfo().item(0).getContentsBeforeTransformation().getSubNode() != signed) {
            throw refused(signed, "the signature covers another element than the one read");
        }
    }

    private static int countIds(Element element, String id) {
        int count = id.equals(element.getAttributeNS(null, "ID")) ? 1 : 0;
        NodeList all = element.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttributeNS(null, "ID"))
                    || id.equals(e.getAttributeNS(null, "Id"))
                    || id.equals(e.getAttributeNS(null, "AssertionID"))) {
                count++;
            }
        }
        return count;
    }

    private static SamlException refused(Element signed, String why) {
        return new SamlException(Reason.SIGNATURE, signed.getLocalName() + " signature refused: " + why);
    }
}
