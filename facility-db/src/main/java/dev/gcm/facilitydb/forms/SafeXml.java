package dev.gcm.facilitydb.forms;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parsing that untrusted input cannot abuse: no DTDs (so no entities, internal or external), no external
 * schemas or XIncludes, a bounded size and element depth, and errors as exceptions rather than lines on stderr.
 */
final class SafeXml {

    /** The largest XML text read (a domain's XML or domain capabilities are a few tens of KiB). */
    static final int MAX_CHARS = 1 << 20;
    private static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    static Element parse(String xml) {
        if (xml.length() > MAX_CHARS) {
            throw new FormException("XML of " + xml.length() + " characters is larger than the limit of " + MAX_CHARS);
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (SAXParseException e) {
            throw new FormException("malformed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + "): " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new FormException("malformed XML: " + e.getMessage(), e);
        } finally {
            builder.reset(); // keeps no reference to the document it read
        }
    }

    /**
     * A builder per thread, made once (a libvirt hook's verdict waits for each parse, and looking up and
     * configuring a factory cost more than parsing a domain's XML); builders are not thread-safe, and are
     * reset after each use.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return factory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    });

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        // the JDK's own parser, with no look-up of others on the class path
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make the input wrong
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

    /** The child elements of a node with the given name, in document order. */
    static List<Element> children(Node parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every child element, in document order. */
    static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Node parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** An attribute's value, empty when absent or blank. */
    static Optional<String> attribute(Element e, String name) {
        String v = e.getAttribute(name).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    static Optional<String> text(Element e) {
        String v = e.getTextContent().strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
