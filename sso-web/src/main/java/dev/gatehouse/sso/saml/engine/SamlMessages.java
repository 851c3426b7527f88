package dev.gatehouse.sso.saml.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The messages Gatehouse sends: AuthnRequest, LogoutRequest, LogoutResponse. Entra's rules for the AuthnRequest: the ID
 * does not start with a digit (ours start with {@code _}), the Issuer is the entity ID Entra knows as "Identifier", no
 * Subject, and no RequestedAuthnContext unless the provider asks for one (then with Comparison="exact").
 */
public final class SamlMessages {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlMessages() {}

    /** A fresh message ID: {@code _} and 32 hex digits (128 random bits). */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    public static String authnRequest(
            String id, Instant now, ServiceProviderEndpoints sp, String destination, String requestedAuthnContext) {
        StringBuilder xml = start(
                "AuthnRequest",
                id,
                now,
                destination,
                " AssertionConsumerServiceURL=\"" + escape(sp.acsUrl()) + "\" ProtocolBinding=\"" + SamlXml.BINDING_POST
                        + "\"",
                sp);
        if (requestedAuthnContext != null) {
            xml.append("<samlp:RequestedAuthnContext Comparison=\"exact\"><saml:AuthnContextClassRef>")
                    .append(escape(requestedAuthnContext))
                    .append("</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>");
        }
        return xml.append("</samlp:AuthnRequest>").toString();
    }

    public static String logoutRequest(
            String id,
            Instant now,
            ServiceProviderEndpoints sp,
            String destination,
            String nameId,
            String nameIdFormat,
            String sessionIndex) {
        StringBuilder xml = start("LogoutRequest", id, now, destination, "", sp)
                .append("<saml:NameID Format=\"")
                .append(escape(nameIdFormat))
                .append("\">")
                .append(escape(nameId))
                .append("</saml:NameID>");
        if (sessionIndex != null) {
            xml.append("<samlp:SessionIndex>").append(escape(sessionIndex)).append("</samlp:SessionIndex>");
        }
        return xml.append("</samlp:LogoutRequest>").toString();
    }

    public static String logoutResponse(
            String id, Instant now, ServiceProviderEndpoints sp, String destination, String inResponseTo) {
        return start("LogoutResponse", id, now, destination, " InResponseTo=\"" + escape(inResponseTo) + "\"", sp)
                .append("<samlp:Status><samlp:StatusCode Value=\"")
                .append(SamlXml.STATUS_SUCCESS)
                .append("\"/></samlp:Status></samlp:LogoutResponse>")
                .toString();
    }

    /** The opening tag of a protocol message with its common attributes, and its Issuer (our entity ID). */
    private static StringBuilder start(
            String element,
            String id,
            Instant now,
            String destination,
            String attributes,
            ServiceProviderEndpoints sp) {
        return new StringBuilder("<samlp:")
                .append(element)
                .append(" xmlns:samlp=\"")
                .append(SamlXml.PROTOCOL)
                .append("\" xmlns:saml=\"")
                .append(SamlXml.ASSERTION)
                .append("\" ID=\"")
                .append(id)
                .append("\" Version=\"2.0\" IssueInstant=\"")
                .append(SamlTimes.format(now))
                .append("\" Destination=\"")
                .append(escape(destination))
                .append('"')
                .append(attributes)
                .append("><saml:Issuer>")
                .append(escape(sp.entityId()))
                .append("</saml:Issuer>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
