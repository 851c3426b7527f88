package dev.gatehouse.sso.saml.web;

import dev.gatehouse.sso.saml.config.SamlProviderConfiguration;
import dev.gatehouse.sso.saml.engine.SamlXml;
import dev.gatehouse.sso.saml.engine.ServiceProviderEndpoints;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Gatehouse's SP metadata for one provider: entity ID, the HTTP-POST ACS and the HTTP-Redirect SLO endpoint. */
final class SpMetadata {
    private SpMetadata() {}

    static String xml(ServiceProviderEndpoints sp) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"" + SamlXml.METADATA + "\" entityID=\"" + escape(sp.entityId())
                + "\">\n  <md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\""
                + " protocolSupportEnumeration=\"" + SamlXml.PROTOCOL + "\">\n"
                + "    <md:SingleLogoutService Binding=\"" + SamlXml.BINDING_REDIRECT + "\" Location=\""
                + escape(sp.sloUrl()) + "\"/>\n"
                + "    <md:AssertionConsumerService Binding=\"" + SamlXml.BINDING_POST + "\" Location=\""
                + escape(sp.acsUrl()) + "\" index=\"0\" isDefault=\"true\"/>\n"
                + "  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n";
    }

    static void write(SamlProviderConfiguration configuration, HttpServletResponse response) throws IOException {
        byte[] body = xml(configuration.sp()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/samlmetadata+xml");
        response.setHeader("Content-Disposition", "inline; filename=\"gatehouse-sp-metadata.xml\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
