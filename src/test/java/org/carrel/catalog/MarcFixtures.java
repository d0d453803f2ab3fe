package org.carrel.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** MARC records built in the tests themselves: {@code aRecord("Charlotte's web").isbn("9780064400558").build()}. */
final class MarcFixtures {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private final Record record = MARC.newRecord("00000nam a2200000 i 4500");

    private MarcFixtures(String title) {
        record.addVariableField(MARC.newControlField("008", "200101s2001    xxu    j      000 1 eng d"));
        field("245", '1', '0', 'a', title);
    }

    static MarcFixtures aRecord(String title) {
        return new MarcFixtures(title);
    }

    MarcFixtures control(String number, String source) {
        record.addVariableField(MARC.newControlField("001", number));
        record.addVariableField(MARC.newControlField("003", source));
        return this;
    }

    /** Sets 245 ind2, the number of characters of a leading article that filing skips. */
    MarcFixtures nonFiling(int characters) {
        ((DataField) record.getVariableField("245")).setIndicator2((char) ('0' + characters));
        return this;
    }

    MarcFixtures isbn(String isbn) {
        return field("020", ' ', ' ', 'a', isbn);
    }

    MarcFixtures author(String name) {
        return field("100", '1', ' ', 'a', name);
    }

    MarcFixtures callNumber(String classPart, String cutter) {
        DataField field = MARC.newDataField("092", ' ', ' ');
        field.addSubfield(MARC.newSubfield('a', classPart));
        field.addSubfield(MARC.newSubfield('b', cutter));
        record.addVariableField(field);
        return this;
    }

    MarcFixtures localNote(String tag, String text) {
        return field(tag, ' ', ' ', 'a', text);
    }

    /** A Koha 952 copy: home school, location, barcode, Koha item type, and the lost flag. */
    MarcFixtures koha952(String school, String location, String barcode, String itemType, boolean lost) {
        DataField field = MARC.newDataField("952", ' ', ' ');
        field.addSubfield(MARC.newSubfield('a', school));
        field.addSubfield(MARC.newSubfield('b', school));
        if (location != null) {
            field.addSubfield(MARC.newSubfield('c', location));
        }
        field.addSubfield(MARC.newSubfield('p', barcode));
        field.addSubfield(MARC.newSubfield('y', itemType));
        field.addSubfield(MARC.newSubfield('g', "12.50"));
        if (lost) {
            field.addSubfield(MARC.newSubfield('1', "1"));
        }
        record.addVariableField(field);
        return this;
    }

    MarcFixtures field(String tag, char ind1, char ind2, char code, String value) {
        DataField field = MARC.newDataField(tag, ind1, ind2);
        field.addSubfield(MARC.newSubfield(code, value));
        record.addVariableField(field);
        return this;
    }

    Record build() {
        return record;
    }

    static Path file(Path folder, String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
