package org.carrel.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.Record;

/**
 * How a MARC record is kept in {@code bib_record.marc}: ISO 2709 in UTF-8 with leader/09 {@code a}. ISO 2709 keeps
 * every field, indicator and subfield in order and reads back several times faster than MARCXML. Oversize records
 * (over 99,999 bytes, which ISO 2709 cannot count) are written with marc4j's oversize convention and read back whole.
 */
final class StoredMarc {

    private static final String MARC_FACTORY = "org.marc4j.marc.MarcFactory";

    static {
        // Each marc4j reader asks MarcFactory.newInstance(), which otherwise searches a properties file and the
        // class path's META-INF/services on every call: inside the packaged jar that search cost more than reading
        // the record. Naming the factory makes it a class look-up.
        if (System.getProperty(MARC_FACTORY) == null) {
            System.setProperty(MARC_FACTORY, "org.marc4j.marc.impl.MarcFactoryImpl");
        }
    }

    private StoredMarc() {
    }

    static String write(Record record) {
        record.getLeader().setCharCodingScheme('a');
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8", true);
        writer.write(record);
        writer.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    static Record read(String stored) {
        MarcStreamReader reader = new MarcStreamReader(
                new ByteArrayInputStream(stored.getBytes(StandardCharsets.UTF_8)), "UTF-8");
        return reader.next();
    }
}
