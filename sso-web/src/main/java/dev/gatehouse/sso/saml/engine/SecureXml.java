package dev.gatehouse.sso.saml.engine;

import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way SAML code turns bytes into DOM. A DOCTYPE is refused outright, which rules out XXE, external DTDs and
 * entity expansion (billion laughs) before any of it is read; nothing is fetched from the network or the disk.
 */
public final class SecureXml {
    /** Largest SAML message accepted, in bytes after Base64 decoding; Entra responses are a few KiB. */
    public static final int MAX_MESSAGE_BYTES = 512 * 1024;

    private static final DocumentBuilderFactory FACTORY = newFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);
    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unsafe
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {}

    /** Parses namespace-aware; throws {@link Reason#MALFORMED} naming the line of the problem. */
    public static Document parse(byte[] xml) {
        return parse(xml, MAX_MESSAGE_BYTES);
    }

    /** As {@link #parse(byte[])} with another size limit (metadata documents are larger than messages). */
    public static Document parse(byte[] xml, int maxBytes) {
        if (xml.length > maxBytes) {
            throw new SamlException(
                    Reason.MALFORMED, "document of " + xml.length + " bytes exceeds " + maxBytes + " bytes");
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new SamlException(
                    Reason.MALFORMED,
                    "not well-formed or not allowed XML at line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new SamlException(Reason.MALFORMED, "not readable as XML: " + e.getMessage());
        } finally {
            builder.reset();
            harden(builder);
        }
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setIgnoringComments(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be hardened: " + e.getMessage(), e);
        }
        return factory;
    }

    private static DocumentBuilder harden(DocumentBuilder builder) {
        builder.setErrorHandler(RETHROW);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        return builder;
    }

    private static DocumentBuilder newBuilder() {
        try {
            return harden(FACTORY.newDocumentBuilder());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser: " + e.getMessage(), e);
        }
    }
}
