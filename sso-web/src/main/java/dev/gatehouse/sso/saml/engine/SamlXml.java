package dev.gatehouse.sso.saml.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespaces and small DOM helpers shared by the SAML engine. */
public final class SamlXml {
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private SamlXml() {}

    /** Direct element children of {@code parent} with the given namespace and local name. */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The single direct child, empty when absent; more than one is malformed. */
    public static Optional<Element> child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw new SamlException(
                    SamlException.Reason.MALFORMED,
                    parent.getLocalName() + " has " + found.size() + " " + localName + " elements; one is allowed");
        }
        return found.stream().findFirst();
    }

    public static Element required(Element parent, String namespace, String localName) {
        return child(parent, namespace, localName)
                .orElseThrow(() -> new SamlException(
                        SamlException.Reason.MALFORMED, parent.getLocalName() + " has no " + localName));
    }

    /**
     * The element's text as the signature covers it: comments are not part of exclusive canonicalization, so
     * {@code admin@corp<!---->.evil} reads as the whole {@code admin@corp.evil}, never as a truncated prefix.
     */
    public static String text(Element element) {
        return element.getTextContent().strip();
    }

    /** An attribute's value, empty when the attribute is absent. */
    public static Optional<String> attribute(Element element, String name) {
        return element.hasAttributeNS(null, name) ? Optional.of(element.getAttributeNS(null, name)) : Optional.empty();
    }
}
