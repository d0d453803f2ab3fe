package org.carrel.catalog.marc;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Turns a {@link BasicDescription} into a MARC 21 bibliographic record, the way a school librarian's original
 * cataloguing would: a full-level (leader/17 blank), ISBD-punctuated (leader/18 {@code i}), Unicode (leader/09
 * {@code a}) record with 008, 020, 100, 245, 264, 336-338, 520, 521, 650 and the local call number 092.
 *
 * <p>Fixed-field positions this builder cannot know (illustrations, index, literary form...) carry the fill
 * character {@code |}, which MARC 21 defines as "no attempt to code", rather than a guess.
 */
public final class RecordBuilder {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    private static final DateTimeFormatter DATE_ENTERED = DateTimeFormatter.ofPattern("yyMMdd");

    /** Articles whose length (with the space) is the number of characters a title index skips: 245 ind2. */
    private static final List<String> ARTICLES = List.of("The ", "A ", "An ", "El ", "La ", "Los ", "Las ", "Un ",
            "Una ");

    /** Form subdivisions ($v) found in children's headings; any other topical subdivision is general ($x). */
    private static final Set<String> FORM_SUBDIVISIONS = Set.of("juvenile fiction", "juvenile literature", "fiction",
            "juvenile poetry", "poetry", "biography", "juvenile humor", "humor", "drama", "juvenile drama",
            "comic books, strips, etc.", "graphic novels", "pictorial works", "dictionaries", "dictionaries, juvenile",
            "encyclopedias", "encyclopedias and dictionaries", "atlases", "maps", "handbooks, manuals, etc.",
            "folklore", "legends", "stories", "anecdotes", "diaries", "personal narratives", "miscellanea",
            "juvenile films", "documentary films", "feature films", "juvenile sound recordings", "readers",
            "textbooks", "songs and music", "guidebooks", "quotations", "translations into spanish");

    /** Leader/06 type of record, by format. */
    private static final Map<String, Character> RECORD_TYPE = Map.of("BOOK", 'a', "EBOOK", 'a', "AUDIOBOOK", 'i',
            "VIDEO", 'g', "MUSIC", 'j', "KIT", 'o', "OBJECT", 'r');

    /** RDA content, media and carrier terms and codes (336, 337, 338), by format. */
    private static final Map<String, List<String>> RDA_TERMS = Map.of(
            "BOOK", List.of("text", "txt", "unmediated", "n", "volume", "nc"),
            "EBOOK", List.of("text", "txt", "computer", "c", "online resource", "cr"),
            "AUDIOBOOK", List.of("spoken word", "spw", "audio", "s", "audio disc", "sd"),
            "VIDEO", List.of("two-dimensional moving image", "tdi", "video", "v", "videodisc", "vd"),
            "MUSIC", List.of("performed music", "prm", "audio", "s", "audio disc", "sd"),
            "KIT", List.of("three-dimensional form", "tdf", "unmediated", "n", "object", "nr"),
            "OBJECT", List.of("three-dimensional form", "tdf", "unmediated", "n", "object", "nr"));

    private RecordBuilder() {
    }

    /**
     * Builds the record. {@code enteredOn} becomes 008/00-05.
     *
     * @throws IllegalArgumentException when the title is blank or the format is not one of
     *                                  {@link BasicDescription#FORMATS}
     */
    public static Record build(BasicDescription d, LocalDate enteredOn) {
        if (blank(d.title())) {
            throw new IllegalArgumentException("A record needs a title");
        }
        Character type = RECORD_TYPE.get(d.format());
        if (type == null) {
            throw new IllegalArgumentException("Unknown format " + d.format() + ", expected one of "
                    + BasicDescription.FORMATS);
        }
        Record record = FACTORY.newRecord(FACTORY.newLeader("00000n" + type + "m a2200000 i 4500"));
        record.addVariableField(FACTORY.newControlField("008", fixedField(d, type, enteredOn)));
        for (String isbn : d.isbns()) {
            if (!blank(isbn)) {
                record.addVariableField(field("020", ' ', ' ', 'a', isbn.replaceAll("[\\s-]", "")));
            }
        }
        addCallNumber(record, d.callNumber());
        if (!blank(d.author())) {
            // ind1 1: surname first ("White, E. B."); 0: a forename alone ("Homer", "Aliki").
            String author = d.author().strip();
            record.addVariableField(field("100", author.contains(",") ? '1' : '0', ' ', 'a', author));
        }
        record.addVariableField(title(d));
        addPublication(record, d.publisher(), d.year());
        List<String> rda = RDA_TERMS.get(d.format());
        record.addVariableField(field("336", ' ', ' ', 'a', rda.get(0), 'b', rda.get(1), '2', "rdacontent"));
        record.addVariableField(field("337", ' ', ' ', 'a', rda.get(2), 'b', rda.get(3), '2', "rdamedia"));
        record.addVariableField(field("338", ' ', ' ', 'a', rda.get(4), 'b', rda.get(5), '2', "rdacarrier"));
        if (!blank(d.summary())) {
            record.addVariableField(field("520", ' ', ' ', 'a', d.summary().strip()));
        }
        if (!blank(d.readingLevel())) {
            // ind1 8: no display constant, the text says what kind of level it is ("Lexile 680L").
            record.addVariableField(field("521", '8', ' ', 'a', d.readingLevel().strip()));
        }
        for (String subject : d.subjects()) {
            if (!blank(subject)) {
                record.addVariableField(subject(subject));
            }
        }
        return record;
    }

    /** 008 for books, sound recordings or visual materials: the common positions plus the few known here. */
    private static String fixedField(BasicDescription d, char type, LocalDate enteredOn) {
        char[] f = new char[40];
        Arrays.fill(f, '|');
        put(f, 0, enteredOn.format(DATE_ENTERED));
        if (d.year() == null) {
            // 008/06 n: dates unknown, both dates uuuu.
            put(f, 6, "nuuuuuuuu");
        } else {
            put(f, 6, "s" + String.format(Locale.ROOT, "%04d", d.year()) + "    ");
        }
        put(f, 15, "xx ");
        f[22] = blank(d.audience()) ? ' ' : d.audience().strip().charAt(0);
        if (type == 'a' || type == 'i' || type == 'j') {
            // Books and music: 23 is the form of item, o = online.
            f[23] = "EBOOK".equals(d.format()) ? 'o' : ' ';
            if (type == 'i') {
                // Spoken word: form of composition, format of music, parts and transposition do not apply.
                put(f, 18, "nnnn");
                f[33] = 'n';
                f[34] = ' ';
            }
            f[32] = ' ';
        } else {
            // Visual materials: 23-27 and 30-32 undefined, 29 form of item, 33 type of material, 34 technique.
            put(f, 21, " ");
            put(f, 23, "     ");
            f[29] = ' ';
            put(f, 30, "   ");
            f[33] = type == 'g' ? 'v' : type == 'o' ? 'b' : 'r';
            f[34] = type == 'g' ? '|' : 'n';
        }
        put(f, 35, d.language().toLowerCase(Locale.ROOT));
        f[38] = ' ';
        f[39] = 'd';
        return new String(f);
    }

    /** 245 with ISBD punctuation: "$a Title." or "$a Title :$b subtitle." */
    private static DataField title(BasicDescription d) {
        char ind1 = blank(d.author()) ? '0' : '1';
        String title = d.title().strip();
        char ind2 = (char) ('0' + nonFilingCharacters(title));
        if (blank(d.subtitle())) {
            return field("245", ind1, ind2, 'a', endWithPeriod(title));
        }
        return field("245", ind1, ind2, 'a', title + " :", 'b', endWithPeriod(d.subtitle().strip()));
    }

    static int nonFilingCharacters(String title) {
        for (String article : ARTICLES) {
            if (title.length() > article.length() && title.regionMatches(true, 0, article, 0, article.length())) {
                return article.length();
            }
        }
        return 0;
    }

    /** 264 _1: publisher and year, ISBD-punctuated; left out when both are unknown. */
    private static void addPublication(Record record, String publisher, Integer year) {
        if (blank(publisher) && year == null) {
            return;
        }
        DataField f = FACTORY.newDataField("264", ' ', '1');
        if (!blank(publisher)) {
            String name = publisher.strip();
            f.addSubfield(FACTORY.newSubfield('b', year == null ? endWithPeriod(name) : name + ","));
        }
        if (year != null) {
            f.addSubfield(FACTORY.newSubfield('c', year + "."));
        }
        record.addVariableField(f);
    }

    /** 092, the local Dewey-style call number: the last word is the cutter ($b), the rest the class ($a). */
    private static void addCallNumber(Record record, String callNumber) {
        if (blank(callNumber)) {
            return;
        }
        String call = callNumber.strip().replaceAll("\\s+", " ");
        int cut = call.lastIndexOf(' ');
        record.addVariableField(cut < 0 ? field("092", ' ', ' ', 'a', call)
                : field("092", ' ', ' ', 'a', call.substring(0, cut), 'b', call.substring(cut + 1)));
    }

    /** 650 _0 from "Heading -- Subdivision -- ...": chronological $y, form $v, otherwise general $x. */
    private static DataField subject(String subject) {
        String[] parts = subject.strip().split("\\s*--\\s*");
        DataField f = FACTORY.newDataField("650", ' ', '0');
        f.addSubfield(FACTORY.newSubfield('a', parts[0]));
        for (int i = 1; i < parts.length; i++) {
            f.addSubfield(FACTORY.newSubfield(subdivisionCode(parts[i]), parts[i]));
        }
        return f;
    }

    static char subdivisionCode(String subdivision) {
        String s = subdivision.toLowerCase(Locale.ROOT);
        if (s.matches("\\d{3,4}(-\\d{0,4})?") || s.matches(".*\\b\\d{1,2}(st|nd|rd|th) century\\b.*")) {
            return 'y';
        }
        return FORM_SUBDIVISIONS.contains(s) ? 'v' : 'x';
    }

    private static DataField field(String tag, char ind1, char ind2, Object... codesAndValues) {
        DataField f = FACTORY.newDataField(tag, ind1, ind2);
        for (int i = 0; i < codesAndValues.length; i += 2) {
            f.addSubfield(FACTORY.newSubfield((Character) codesAndValues[i], (String) codesAndValues[i + 1]));
        }
        return f;
    }

    private static String endWithPeriod(String text) {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    private static void put(char[] target, int at, String value) {
        value.getChars(0, value.length(), target, at);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
