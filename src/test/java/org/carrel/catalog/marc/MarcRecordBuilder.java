package org.carrel.catalog.marc;

import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** Builds MARC 21 records for tests, field by field, as a cataloger would type them. */
final class MarcRecordBuilder {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    private final Record record;

    private MarcRecordBuilder(String leader) {
        record = FACTORY.newRecord(leader);
    }

    /** A book: leader/06 a (language material), /07 m (monograph). */
    static MarcRecordBuilder aBook() {
        return withLeader("01234cam a22003014i 4500");
    }

    static MarcRecordBuilder withLeader(String leader) {
        return new MarcRecordBuilder(leader);
    }

    /**
     * An 008 for books with the positions these tests read: 07-10 date 1, 22 target audience, 23 form of item,
     * 35-37 language; the rest as LC writes them.
     */
    static String fixedField(String year, char audience, char form, String language) {
        StringBuilder fixed = new StringBuilder("120829s" + year + "    nyu           000 1 " + language + "  ");
        fixed.setCharAt(22, audience);
        fixed.setCharAt(23, form);
        return fixed.toString();
    }

    MarcRecordBuilder control(String tag, String data) {
        record.addVariableField(FACTORY.newControlField(tag, data));
        return this;
    }

    /** A data field; {@code codesAndData} alternates subfield codes and their text: "a", "Title /", "c", "...". */
    MarcRecordBuilder field(String tag, char ind1, char ind2, String... codesAndData) {
        record.addVariableField(FACTORY.newDataField(tag, ind1, ind2, codesAndData));
        return this;
    }

    MarcRecordBuilder field(String tag, String... codesAndData) {
        return field(tag, ' ', ' ', codesAndData);
    }

    Record build() {
        return record;
    }

    Description describe() {
        return Description.of(record);
    }
}
