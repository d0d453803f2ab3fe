package org.carrel.catalog.marc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * What Carrel reads from a MARC 21 bibliographic record to show, index and match a title. Absent values are null,
 * absent lists empty; text is stripped of the ISBD punctuation that separates MARC subfields.
 *
 * @param title          245 $a $n $p
 * @param subtitle       245 $b
 * @param responsibility 245 $c
 * @param authors        100 $a, 110 $a $b, then 700 $a and 710 $a $b in record order, each once; a closing
 *                       full stop stays after an initial ({@code Rowling, J. K.})
 * @param edition        250 $a, its closing full stop kept ({@code 2nd ed.})
 * @param publisher      264 (second indicator 1, publication) $b, else 260 $b
 * @param year           008/07-10 when four digits, else the first four-digit year in 264 $c or 260 $c
 * @param isbns          the valid ISBNs of 020 $a, each once
 * @param invalidIsbns   020 $a that are no valid ISBN, and 020 $z (cancelled or invalid), as written
 * @param lccn           010 $a
 * @param oclcNumbers    035 $a numbers with the {@code (OCoLC)} prefix, digits only
 * @param controlNumber  001
 * @param controlSource  003
 * @param series         490 $a, 440 $a, 830 $a, and the series title ($t) of 800 and 810, each once
 * @param subjects       600, 610, 611, 630, 650, 651: $a and its $v $x $y $z subdivisions joined by " -- "
 * @param genres         655 $a
 * @param summary        the first 520 $a, with its $b
 * @param audience       008/22 for the material types that code it; null when there is no such 008 position
 * @param audienceNote   521 $a, several notes joined by "; "
 * @param readingLevels  Lexile, guided reading, interest and grade levels from 521 and 526; never null
 * @param language       008/35-37, else the first code of 041 $a; lower-case MARC language code
 * @param languages      the 008 language and every code of every 041 $a, each once
 * @param format         decided from the leader, 008, 007 and 336-338; never null
 * @param callNumber     092 $a $b, else 082 $a with 092 $b, else 852 $k $h $i $m
 */
public record Description(String title, String subtitle, String responsibility, List<String> authors,
        String edition, String publisher, Integer year, List<Isbn> isbns, List<String> invalidIsbns, String lccn,
        List<String> oclcNumbers, String controlNumber, String controlSource, List<String> series,
        List<String> subjects, List<String> genres, String summary, Audience audience, String audienceNote,
        ReadingLevels readingLevels, String language, List<String> languages, Format format, String callNumber) {

    /** Reads a bibliographic record; never fails on missing or malformed fields. */
    public static Description of(Record record) {
        String fixed = Marc.control(record, "008");
        Leader leader = record.getLeader();
        char type = leader == null ? ' ' : leader.getTypeOfRecord();
        char level = leader == null || leader.getImplDefined1() == null || leader.getImplDefined1().length == 0 ? ' '
                : leader.getImplDefined1()[0];
        DataField titleField = Marc.field(record, "245");
        List<Isbn> isbns = new ArrayList<>(2);
        List<String> invalidIsbns = new ArrayList<>(0);
        isbns(record, isbns, invalidIsbns);
        String language = Languages.primary(record, fixed);
        return new Description(
                titleField == null ? null : Marc.trimmed(Marc.joined(titleField, "anp")),
                Marc.trimmed(Marc.subfield(titleField, 'b')),
                Marc.trimmed(Marc.subfield(titleField, 'c')),
                authors(record),
                Marc.trimmed(Marc.subfield(Marc.field(record, "250"), 'a'), ",:;/="),
                publisher(record),
                year(record, fixed),
                List.copyOf(isbns),
                List.copyOf(invalidIsbns),
                Marc.trimmed(Marc.subfield(Marc.field(record, "010"), 'a'), ""),
                oclcNumbers(record),
                Marc.trimmed(Marc.control(record, "001"), ""),
                Marc.trimmed(Marc.control(record, "003"), ""),
                series(record),
                subjects(record),
                each(record, "a", "655"),
                summary(record),
                audience(type, level, fixed),
                audienceNote(record),
                ReadingLevels.of(record),
                language,
                Languages.all(record, language),
                FormatRules.of(record, type, level, fixed),
                CallNumberFields.of(record));
    }

    private static List<String> authors(Record record) {
        Set<String> names = new LinkedHashSet<>();
        for (DataField field : Marc.fields(record, "100", "110", "700", "710")) {
            String name = field.getTag().endsWith("10") ? Marc.joined(field, "ab") : Marc.subfield(field, 'a');
            add(names, Marc.trimmed(name));
        }
        return List.copyOf(names);
    }

    private static String publisher(Record record) {
        for (DataField field : Marc.fields(record, "264")) {
            if (field.getIndicator2() == '1') {
                return Marc.trimmed(Marc.subfield(field, 'b'), ",:;");
            }
        }
        return Marc.trimmed(Marc.subfield(Marc.field(record, "260"), 'b'), ",:;");
    }

    private static void isbns(Record record, List<Isbn> valid, List<String> invalid) {
        for (DataField field : Marc.fields(record, "020")) {
            for (Subfield subfield : field.getSubfields()) {
                String raw = Marc.trimmed(subfield.getData(), "");
                if (raw == null || (subfield.getCode() != 'a' && subfield.getCode() != 'z')) {
                    continue;
                }
                Isbn isbn = subfield.getCode() == 'a' ? Isbn.parse(raw).orElse(null) : null;
                if (isbn != null && !valid.contains(isbn)) {
                    valid.add(isbn);
                } else if (isbn == null && !invalid.contains(raw)) {
                    invalid.add(raw);
                }
            }
        }
    }

    /** OCLC numbers as digits: 035 writes them with ocm, ocn or on before the number and leading zeros in it. */
    private static List<String> oclcNumbers(Record record) {
        Set<String> numbers = new LinkedHashSet<>();
        for (DataField field : Marc.fields(record, "035")) {
            String value = Marc.subfield(field, 'a');
            if (value == null || !value.regionMatches(true, 0, "(OCoLC)", 0, 7)) {
                continue;
            }
            StringBuilder digits = new StringBuilder(12);
            for (int i = 7; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= '0' && c <= '9' && (c != '0' || digits.length() > 0)) {
                    digits.append(c);
                } else if (digits.length() > 0 && c != '0') {
                    break;
                }
            }
            add(numbers, digits.length() == 0 ? null : digits.toString());
        }
        return List.copyOf(numbers);
    }

    private static List<String> series(Record record) {
        List<String> series = new ArrayList<>(1);
        Set<String> seen = new LinkedHashSet<>();
        for (DataField field : Marc.fields(record, "490", "440", "800", "810", "830")) {
            // In 800 and 810, $a is the author of the series; the series is its title, $t.
            char code = field.getTag().equals("800") || field.getTag().equals("810") ? 't' : 'a';
            String title = Marc.trimmed(Marc.subfield(field, code));
            if (title != null && seen.add(title.toLowerCase(Locale.ROOT))) {
                series.add(title);
            }
        }
        return List.copyOf(series);
    }

    private static List<String> subjects(Record record) {
        Set<String> subjects = new LinkedHashSet<>();
        for (DataField field : Marc.fields(record, "600", "610", "611", "630", "650", "651")) {
            StringBuilder heading = new StringBuilder();
            for (Subfield subfield : field.getSubfields()) {
                char code = subfield.getCode();
                String part = code == 'a' || code == 'v' || code == 'x' || code == 'y' || code == 'z'
                        ? Marc.trimmed(subfield.getData()) : null;
                if (part != null) {
                    heading.append(heading.length() == 0 ? "" : " -- ").append(part);
                }
            }
            add(subjects, heading.length() == 0 ? null : heading.toString());
        }
        return List.copyOf(subjects);
    }

    /** The date of 008 when it is a year; else the first year written in the imprint, as in "c1993." or "[2012]". */
    private static Integer year(Record record, String fixed) {
        if (fixed != null && fixed.length() >= 11 && isYear(fixed, 7)) {
            return Integer.valueOf(fixed.substring(7, 11));
        }
        List<DataField> imprints = Marc.fields(record, "264");
        imprints.addAll(Marc.fields(record, "260"));
        for (DataField imprint : imprints) {
            String date = Marc.subfield(imprint, 'c');
            for (int i = 0; date != null && i + 4 <= date.length(); i++) {
                boolean alone = (i == 0 || !Character.isDigit(date.charAt(i - 1)))
                        && (i + 4 == date.length() || !Character.isDigit(date.charAt(i + 4)));
                if (alone && isYear(date, i)) {
                    return Integer.valueOf(date.substring(i, i + 4));
                }
            }
        }
        return null;
    }

    private static boolean isYear(String text, int at) {
        for (int i = at; i < at + 4; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String summary(Record record) {
        DataField field = Marc.field(record, "520");
        return field == null ? null : Marc.trimmed(Marc.joined(field, "ab"), "");
    }

    /** 008/22 is target audience for books, music, visual materials and computer files, but not maps or serials. */
    private static Audience audience(char type, char level, String fixed) {
        if (fixed == null || fixed.length() <= 22 || "efp".indexOf(type) >= 0 || level == 's' || level == 'i') {
            return null;
        }
        return Audience.ofCode(fixed.charAt(22));
    }

    private static String audienceNote(Record record) {
        StringBuilder notes = new StringBuilder();
        for (DataField field : Marc.fields(record, "521")) {
            String note = Marc.trimmed(Marc.joined(field, "a"));
            if (note != null) {
                notes.append(notes.length() == 0 ? "" : "; ").append(note);
            }
        }
        return notes.length() == 0 ? null : notes.toString();
    }

    private static List<String> each(Record record, String codes, String tag) {
        Set<String> values = new LinkedHashSet<>();
        for (DataField field : Marc.fields(record, tag)) {
            add(values, Marc.trimmed(Marc.joined(field, codes)));
        }
        return List.copyOf(values);
    }

    private static void add(Set<String> values, String value) {
        if (value != null && !value.isEmpty()) {
            values.add(value);
        }
    }
}
