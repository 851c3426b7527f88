package dev.gatehouse.sso.saml;

import dev.gatehouse.sso.saml.engine.SecureXml;
import dev.gatehouse.sso.saml.engine.SignaturePolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Entra-shaped federation metadata: a byte-order mark, several signing certificates, optionally signed. */
public final class TestMetadata {
    private TestMetadata() {}

    public static String xml(List<String> certificateAliases, String ssoUrl) {
        StringBuilder xml = new StringBuilder("<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" ID=\"_")
                .append(java.util.UUID.randomUUID())
                .append("\" entityID=\"")
                .append(EntraResponses.ISSUER)
                .append("\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">");
        for (String alias : certificateAliases) {
            xml.append(
                            "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data>")
                    .append("<X509Certificate>")
                    .append(TestKeys.certificateBase64(alias))
                    .append("</X509Certificate></X509Data></KeyInfo></KeyDescriptor>");
        }
        xml.append("<SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"")
                .append(ssoUrl)
                .append("\"/><SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\"")
                .append(" Location=\"")
                .append(ssoUrl)
                .append("\"/><SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"")
                .append(" Location=\"")
                .append(ssoUrl)
                .append("\"/></IDPSSODescriptor></EntityDescriptor>");
        return xml.toString();
    }

    /** The document signed by {@code alias} (enveloped, as Entra signs its metadata), with a UTF-8 BOM in front. */
    public static byte[] signed(String xml, String alias) {
        Document document = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), 1_000_000);
        Element root = document.getDocumentElement();
        EntraResponses.sign(root, alias, SignaturePolicy.RSA_SHA256, SignaturePolicy.SHA256);
        return withBom(EntraResponses.serialize(document));
    }

    public static byte[] withBom(byte[] xml) {
        byte[] out = new byte[xml.length + 3];
        out[0] = (byte) 0xef;
        out[1] = (byte) 0xbb;
        out[2] = (byte) 0xbf;
        System.arraycopy(xml, 0, out, 3, xml.length);
        return out;
    }
}
