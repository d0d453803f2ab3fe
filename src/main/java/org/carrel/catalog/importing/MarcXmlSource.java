package org.carrel.catalog.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.carrel.catalog.importing.MarcFileReader.Bad;
import org.carrel.catalog.importing.MarcFileReader.Entry;
import org.carrel.catalog.importing.MarcFileReader.Read;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Streams MARCXML with StAX, one {@code record} element at a time wherever it sits, matched by local name so the
 * MARC 21 slim namespace, a prefix or no namespace at all read the same.
 *
 * <p>The file is read inside a synthetic root element: real exports sometimes hold several top-level records and no
 * {@code collection} (Evergreen's {@code serials_marc21.xml}), which is not well-formed on its own. The file's XML
 * declaration is moved in front of the synthetic root so its encoding still applies; a DOCTYPE is refused anyway
 * (DTDs and external entities are off, against XXE).
 *
 * <p>Offsets of XML records are <em>character</em> offsets into the file, as StAX reports them for the end of the
 * record's start tag, not byte offsets. A well-formedness error ends the file: there is no safe next record.
 */
final class MarcXmlSource implements MarcFileReader.Source {

    private static final String WRAPPER = "carrel-marcxml-wrapper";
    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml[^>]*?\\?>");
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private final MarcFactory factory = MarcFactory.newInstance();
    private final XMLStreamReader xml;
    private final InputStream in;
    private final long offsetShift;
    private int number;
    private boolean finished;

    MarcXmlSource(InputStream in, long startOffset, byte[] head, int headLength) throws IOException {
        this.in = in;
        String headText = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARATION.matcher(headText);
        String encoding = "UTF-8";
        int skip = 0;
        if (declaration.find()) {
            skip = declaration.end();
            Matcher named = ENCODING.matcher(declaration.group());
            if (named.find()) {
                encoding = named.group(1);
            }
        }
        byte[] prefix = ("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><" + WRAPPER + ">")
                .getBytes(StandardCharsets.US_ASCII);
        offsetShift = startOffset + skip - prefix.length;
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head, skip, headLength - skip), in);
        InputStream wrapped = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(prefix), rest,
                new ByteArrayInputStream(("</" + WRAPPER + ">").getBytes(StandardCharsets.US_ASCII)))));
        try {
            xml = factory().createXMLStreamReader(wrapped, encoding);
        } catch (XMLStreamException e) {
            throw new IOException("cannot start reading the XML: " + e.getMessage(), e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    @Override
    public Entry next() {
        if (finished) {
            return null;
        }
        long offset = 0;
        boolean inRecord = false;
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("record")) {
                    number++;
                    inRecord = true;
                    offset = offset();
                    return record(number, offset);
                }
            }
            finished = true;
            return null;
        } catch (XMLStreamException e) {
            finished = true;
            if (!inRecord) {
                number++;
            }
            long at = e.getLocation() == null ? offset : Math.max(0, e.getLocation().getCharacterOffset() + offsetShift);
            return new Bad(number, at, "the file is not well-formed XML, so reading stopped here: "
                    + cleanMessage(e));
        }
    }

    private Entry record(int number, long offset) throws XMLStreamException {
        MarcXmlRecord record = new MarcXmlRecord(factory);
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("record")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                record.element(xml);
            }
        }
        if (record.badReason() != null) {
            return new Bad(number, offset, record.badReason());
        }
        Record done = record.finish();
        if (record.badReason() != null) {
            return new Bad(number, offset, record.badReason());
        }
        return new Read(number, offset, done, record.warnings());
    }

    private long offset() {
        return Math.max(0, xml.getLocation().getCharacterOffset() + offsetShift);
    }

    /** The JDK's parser prefixes messages with "ParseError at [row,col]:[r,c]\nMessage: "; a cataloguer needs neither. */
    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage();
        int at = message.indexOf("Message: ");
        String text = at >= 0 ? message.substring(at + 9) : message;
        if (e.getLocation() != null) {
            text += " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()
                    + ")";
        }
        return text.strip();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
