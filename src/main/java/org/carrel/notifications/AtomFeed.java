package org.carrel.notifications;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of new titles: the feed's id (the address of the page it mirrors), title, updated (the
 * newest entry's time, else the start of the time it covers), author, self and alternate links; an entry per title
 * with its catalogue page as id and link, its title, when its copy came (updated) and a summary (author, call
 * number). Written with StAX, so every text is escaped.
 */
record AtomFeed(String id, String title, String self, String alternate, String author) {

    private static final String NS = "http://www.w3.org/2005/Atom";

    String write(List<Arrival> entries, Instant since, Links links) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "feed");
            xml.writeDefaultNamespace(NS);
            text(xml, "id", id);
            text(xml, "title", title);
            text(xml, "updated", time(entries.isEmpty() ? since : entries.get(0).addedAt()));
            link(xml, "self", "application/atom+xml", self);
            link(xml, "alternate", "text/html", alternate);
            xml.writeStartElement(NS, "author");
            text(xml, "name", author);
            xml.writeEndElement();
            for (Arrival entry : entries) {
                xml.writeStartElement(NS, "entry");
                text(xml, "id", links.record(entry.recordId()));
                text(xml, "title", entry.title());
                link(xml, "alternate", "text/html", links.record(entry.recordId()));
                text(xml, "updated", time(entry.addedAt()));
                text(xml, "summary", entry.line());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(NS, element);
        // XML 1.0 allows no control characters but tab and line ends; a MARC record may carry one.
        xml.writeCharacters(value == null ? "" : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement(NS, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** An RFC 3339 time to the second, in UTC. */
    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
