package org.carrel.catalog.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** Builds ISO 2709 fixtures with marc4j's own writer, so the bytes are right until a test breaks them on purpose. */
final class MarcBytes {

    static final MarcFactory FACTORY = MarcFactory.newInstance();

    private MarcBytes() {
    }

    static Record book(String id, String title) {
        Record record = FACTORY.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(FACTORY.newControlField("001", id));
        DataField author = FACTORY.newDataField("100", '1', ' ');
        author.addSubfield(FACTORY.newSubfield('a', "Author " + id));
        record.addVariableField(author);
        DataField titleField = FACTORY.newDataField("245", '1', '0');
        titleField.addSubfield(FACTORY.newSubfield('a', title));
        record.addVariableField(titleField);
        return record;
    }

    /** Writes records as raw Latin-1 bytes with leader/09 blank: text given as "\u00E8e" is MARC-8 bytes 0xE8 'e'. */
    static byte[] marc8(Record... records) {
        for (Record record : records) {
            record.getLeader().setCharCodingScheme(' ');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "ISO-8859-1");
        for (Record record : records) {
            writer.write(record);
        }
        writer.close();
        return out.toByteArray();
    }

    static void put(byte[] bytes, int at, String ascii) {
        byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, at, text.length);
    }

    /** Position of the first occurrence of {@code ascii} in {@code bytes}. */
    static int indexOf(byte[] bytes, String ascii) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(ascii);
    }
}
