package org.carrel.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.carrel.catalog.marc.CallNumbers;
import org.carrel.catalog.marc.Description;
import org.carrel.catalog.marc.Isbn;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/** The columns of a {@code bib_record} row and its identifiers, read from the MARC record once per save. */
record RecordValues(String marc, Description description, String titleSort, String callNumberSort,
                    List<Identifier> identifiers) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SORTED = Pattern.compile("[^a-z0-9 ]+");

    /** A value an import matches on; {@code kind} is ISBN, LCCN, OCLC or CONTROL. */
    record Identifier(String kind, String value) {
    }

    static RecordValues of(Record record) {
        Description description = Description.of(record);
        return new RecordValues(StoredMarc.write(record), description, titleSort(record, description),
                CallNumbers.sortKey(description.callNumber()), identifiers(description));
    }

    String title() {
        String title = description.title();
        return title == null || title.isBlank() ? "[untitled]" : clip(title, 2000);
    }

    String subtitle() {
        return clip(description.subtitle(), 2000);
    }

    String publisher() {
        return clip(description.publisher(), 500);
    }

    String callNumber() {
        return clip(description.callNumber(), 200);
    }

    String format() {
        return description.format().name();
    }

    String audience() {
        return description.audience() == null ? null : description.audience().name();
    }

    String mainAuthor() {
        return description.authors().isEmpty() ? null : clip(description.authors().get(0), 500);
    }

    static List<Identifier> identifiers(Description description) {
        List<Identifier> identifiers = new ArrayList<>();
        for (Isbn isbn : description.isbns()) {
            identifiers.add(new Identifier("ISBN", isbn.isbn13()));
        }
        if (description.lccn() != null && !description.lccn().isBlank()) {
            identifiers.add(new Identifier("LCCN", clip(description.lccn().replace(" ", ""), 120)));
        }
        for (String oclc : description.oclcNumbers()) {
            identifiers.add(new Identifier("OCLC", clip(oclc, 120)));
        }
        if (description.controlNumber() != null && !description.controlNumber().isBlank()) {
            identifiers.add(new Identifier("CONTROL", control(description.controlNumber(), description.controlSource())));
        }
        return identifiers.stream().distinct().toList();
    }

    /** 001 and 003 together: a control number means nothing without the agency that assigned it. */
    static String control(String number, String source) {
        return clip(number.strip() + "|" + (source == null ? "" : source.strip()), 120);
    }

    /** Lower-case ASCII title without the non-filing article that 245 ind2 counts ("The ", "A ", "El "). */
    private static String titleSort(Record record, Description description) {
        String title = description.title() == null ? "" : description.title();
        DataField field = (DataField) record.getVariableField("245");
        if (field != null && Character.isDigit(field.getIndicator2())) {
            int skip = field.getIndicator2() - '0';
            if (skip < title.length()) {
                title = title.substring(skip);
            }
        }
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        folded = NOT_SORTED.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("").strip();
        return clip(folded, 200);
    }

    static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
