package org.carrel.search;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * MARC records for the search tests: {@code aTitle("The giver").by("Lowry, Lois").about("Memory -- Fiction")}.
 * 008 carries the year, the target audience and the language.
 */
final class Titles {

    private static final MarcFactory MARC = MarcFactory.newInstance();

    private final Record record = MARC.newRecord("00000nam a2200000 i 4500");
    private int year = 2015;
    private char audience = 'j';
    private String language = "eng";

    private Titles(String title) {
        int nonFiling = title.startsWith("The ") ? 4 : title.startsWith("El ") ? 3 : 0;
        DataField field = MARC.newDataField("245", '1', (char) ('0' + nonFiling));
        int colon = title.indexOf(" : ");
        field.addSubfield(MARC.newSubfield('a', colon < 0 ? title : title.substring(0, colon)));
        if (colon >= 0) {
            field.addSubfield(MARC.newSubfield('b', title.substring(colon + 3)));
        }
        record.addVariableField(field);
    }

    static Titles aTitle(String title) {
        return new Titles(title);
    }

    Titles by(String author) {
        return field(record.getVariableField("100") == null ? "100" : "700", '1', ' ', 'a', author);
    }

    Titles about(String... subjectParts) {
        DataField field = MARC.newDataField("650", ' ', '0');
        field.addSubfield(MARC.newSubfield('a', subjectParts[0]));
        for (int i = 1; i < subjectParts.length; i++) {
            field.addSubfield(MARC.newSubfield('v', subjectParts[i]));
        }
        record.addVariableField(field);
        return this;
    }

    Titles isbn(String isbn) {
        return field("020", ' ', ' ', 'a', isbn);
    }

    Titles summary(String text) {
        return field("520", ' ', ' ', 'a', text);
    }

    Titles series(String series) {
        return field("490", '0', ' ', 'a', series);
    }

    Titles callNumber(String callNumber) {
        return field("092", ' ', ' ', 'a', callNumber);
    }

    Titles lexile(String lexile) {
        return field("521", '8', ' ', 'a', lexile);
    }

    Titles guidedReading(String letter) {
        return field("521", '8', ' ', 'a', "Guided reading level: " + letter);
    }

    Titles year(int year) {
        this.year = year;
        return this;
    }

    /** 008/22: a preschool, b primary, c pre-adolescent, d adolescent, e adult, j juvenile. */
    Titles audience(char code) {
        this.audience = code;
        return this;
    }

    Titles language(String code) {
        this.language = code;
        return this;
    }

    Record marc() {
        String fixed = "200101s" + year + "    xxu    " + audience + "      000 1 " + language + " d";
        record.addVariableField(MARC.newControlField("008", fixed));
        return record;
    }

    private Titles field(String tag, char ind1, char ind2, char code, String value) {
        DataField field = MARC.newDataField(tag, ind1, ind2);
        field.addSubfield(MARC.newSubfield(code, value));
        record.addVariableField(field);
        return this;
    }
}
