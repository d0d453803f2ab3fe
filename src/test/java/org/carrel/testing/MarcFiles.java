package org.carrel.testing;

import java.io.ByteArrayOutputStream;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** MARC files the tests write themselves (never copies of third-party data): ISO 2709 bytes made by marc4j. */
public final class MarcFiles {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private MarcFiles() {
    }

    /** UTF-8 records (leader/09 'a'), back to back. */
    public static byte[] iso2709(Record... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        for (Record record : records) {
            writer.write(record);
        }
        writer.close();
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * Two good records (with test ISBNs, so a second import matches them) and, between them, one whose leader is
     * broken: the file of the import journeys.
     */
    public static byte[] twoGoodOneBroken() {
        byte[] broken = iso2709(record("Broken leader", "9780000000026"));
        broken[3] = 'x';
        return concat(iso2709(record("Kitchen Chemistry", "9780000000019")), broken,
                iso2709(record("Garden Physics", "9780000000033")));
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
}
