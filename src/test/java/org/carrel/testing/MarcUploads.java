package org.carrel.testing;

import java.io.ByteArrayOutputStream;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * A small MARC file for import journeys: two good records (with test ISBNs, so a second import matches them) and,
 * between them, one with a broken leader.
 */
public final class MarcUploads {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private MarcUploads() {
    }

    public static byte[] twoGoodOneBroken() {
        byte[] first = write(record("Kitchen Chemistry", "9780000000019"));
        byte[] broken = write(record("Broken leader", "9780000000026"));
        broken[3] = 'x';
        byte[] last = write(record("Garden Physics", "9780000000033"));
        byte[] all = new byte[first.length + broken.length + last.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(broken, 0, all, first.length, broken.length);
        System.arraycopy(last, 0, all, first.length + broken.length, last.length);
        return all;
    }

    private static Record record(String title, String isbn) {
        Record record = MARC.newRecord("00000nam a2200000 i 4500");
        record.addVariableField(MARC.newControlField("008", "260101s2026    xxu    j      000 0 eng d"));
        DataField number = MARC.newDataField("020", ' ', ' ');
        number.addSubfield(MARC.newSubfield('a', isbn));
        record.addVariableField(number);
        DataField field = MARC.newDataField("245", '1', '0');
        field.addSubfield(MARC.newSubfield('a', title));
        record.addVariableField(field);
        return record;
    }

    private static byte[] write(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        return out.toByteArray();
    }
}
