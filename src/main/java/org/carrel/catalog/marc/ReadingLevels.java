package org.carrel.catalog.marc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/**
 * The reading levels school libraries shelve and search by, from 521 (target audience note) and 526 (study program).
 * Each is null when the record does not say; text that is not recognised is kept as written.
 *
 * @param lexile        a Lexile measure such as {@code 820L}, {@code AD520L} or {@code BR100L}
 * @param guidedReading a Fountas and Pinnell guided reading level, {@code A} to {@code Z} or {@code Z+}
 * @param interestLevel the study program's interest level ({@code MG}) or the interest age or grade of 521
 * @param gradeLevel    the study program's reading level ({@code 4.5}) or the reading grade level of 521
 */
public record ReadingLevels(String lexile, String guidedReading, String interestLevel, String gradeLevel) {

    /** A record that says nothing about reading levels. */
    public static final ReadingLevels NONE = new ReadingLevels(null, null, null, null);

    /** Lexile codes (AD adult directed, NC non-conforming, HL high-low, IG illustrated guide, GN graphic novel, BR beginning reader). */
    private static final Pattern LEXILE = Pattern.compile("(?<![A-Za-z0-9])((?:AD|NC|HL|IG|GN|BR)?\\d{1,4})L(?![A-Za-z0-9])");
    private static final Pattern GUIDED = Pattern.compile(
            "guided\\s+reading(?:\\s+level)?\\s*[:=-]?\\s*([A-Z]\\+?)(?![A-Za-z])", Pattern.CASE_INSENSITIVE);

    static ReadingLevels of(Record record) {
        Levels levels = new Levels();
        // A study program (526) names its scale, so it wins over the free text of a 521 note.
        for (DataField program : Marc.fields(record, "526")) {
            levels.program(Marc.subfield(program, 'a'), Marc.trimmed(Marc.subfield(program, 'b')),
                    Marc.trimmed(Marc.subfield(program, 'c')));
        }
        for (DataField note : Marc.fields(record, "521")) {
            levels.note(note.getIndicator1(), Marc.trimmed(Marc.joined(note, "a")));
        }
        return levels.isEmpty() ? NONE
                : new ReadingLevels(levels.lexile, levels.guidedReading, levels.interestLevel, levels.gradeLevel);
    }

    /** The levels found so far; the first found of each is kept. */
    private static final class Levels {
        private String lexile;
        private String guidedReading;
        private String interestLevel;
        private String gradeLevel;

        void program(String name, String interest, String level) {
            String program = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (program.contains("lexile")) {
                lexile = first(lexile, level == null ? null : lexileIn(level, level));
            } else if (program.contains("guided reading")) {
                String value = level != null ? level : interest;
                guidedReading = first(guidedReading, value == null ? null : value.toUpperCase(Locale.ROOT));
            } else {
                interestLevel = first(interestLevel, interest);
                gradeLevel = first(gradeLevel, level);
            }
        }

        void note(char kind, String text) {
            if (text == null) {
                return;
            }
            Matcher guided = GUIDED.matcher(text);
            if (guided.find()) {
                guidedReading = first(guidedReading, guided.group(1).toUpperCase(Locale.ROOT));
            } else if (text.regionMatches(true, 0, "Lexile", 0, 6) || LEXILE.matcher(text).find()) {
                lexile = first(lexile, lexileIn(text, text));
            } else if (kind == '0') {
                gradeLevel = first(gradeLevel, text);
            } else if (kind == '1' || kind == '2') {
                interestLevel = first(interestLevel, text);
            }
        }

        boolean isEmpty() {
            return lexile == null && guidedReading == null && interestLevel == null && gradeLevel == null;
        }

        private static String lexileIn(String text, String otherwise) {
            Matcher measure = LEXILE.matcher(text);
            return measure.find() ? measure.group(1) + "L" : otherwise;
        }

        private static String first(String current, String candidate) {
            return current != null ? current : candidate;
        }
    }
}
