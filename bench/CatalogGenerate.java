import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Writes N realistic school-library records (MARC 21, UTF-8 ISO 2709) to OUT, one at a time so memory stays flat,
 * and a fixed query mix drawn from the same vocabularies to OUT.queries (minus a trailing .mrc).
 *
 * <p>Words, names and subjects are drawn by rank with Zipf-like weights (weight of rank r is 1/r^s), so a few are
 * very common and most are rare, as in real catalogues: title words ranked by how often they occur in children's
 * and young-adult titles, US surnames and given names in their Census and Social Security rank order, and common
 * juvenile Library of Congress subject headings, each with the Dewey class a school library shelves it under.
 * Popular titles have more copies (a power law), spread over the six demo schools by the audience they suit.
 *
 * <p>The query file is tab-separated, one query per line after a {@code #} header:
 * {@code kind  query  school  available  format  gradeBand}; empty columns mean "no filter", school and available
 * hold school codes. Kinds: word, two, phrase, misspelled, faceted, school, available (searches) and suggest
 * (type-ahead prefixes, only the query column).
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/CatalogGenerate.java OUT.mrc N [--seed S] [--queries Q]}
 */
public class CatalogGenerate {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CatalogGenerate OUT.mrc N [--seed S] [--queries Q]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = 42;
        int queries = 1000;
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[i + 1]);
            } else if (args[i].equals("--queries")) {
                queries = Integer.parseInt(args[i + 1]);
            }
        }
        Books books = new Books(new Random(seed), count);
        long items = 0;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            MarcStreamWriter writer = new MarcStreamWriter(file, "UTF-8");
            for (int i = 1; i <= count; i++) {
                Record record = books.next(i);
                items += record.getVariableFields("952").size();
                writer.write(record);
            }
            writer.close();
        }
        String name = out.getFileName().toString();
        Path queryFile = out.resolveSibling((name.endsWith(".mrc") ? name.substring(0, name.length() - 4) : name)
                + ".queries");
        try (BufferedWriter writer = Files.newBufferedWriter(queryFile, StandardCharsets.UTF_8)) {
            writer.write("# kind\tquery\tschool\tavailable\tformat\tgradeBand\n");
            for (String line : new QueryMix(new Random(seed + 1), books).lines(queries)) {
                writer.write(line);
                writer.write('\n');
            }
        }
        System.err.printf("wrote %d records with %d items to %s, %d queries to %s%n", count, items, out, queries,
                queryFile);
    }

    /** Picks index r (0-based) of a ranked list with probability proportional to 1/(r+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int size, double s) {
            cumulative = new double[size];
            double sum = 0;
            for (int r = 0; r < size; r++) {
                sum += 1 / Math.pow(r + 1, s);
                cumulative[r] = sum;
            }
            for (int r = 0; r < size; r++) {
                cumulative[r] /= sum;
            }
        }

        int next(Random random) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(at >= 0 ? at : -at - 1, cumulative.length - 1);
        }

        <T> T pick(T[] ranked, Random random) {
            return ranked[next(random)];
        }
    }

    /** The record writer: one bibliographic record with its copies per call. */
    static final class Books {
        final Random random;
        final MarcFactory f = MarcFactory.newInstance();
        final Zipf nouns = new Zipf(Vocabulary.NOUNS.length, 1.0);
        final Zipf adjectives = new Zipf(Vocabulary.ADJECTIVES.length, 1.0);
        final Zipf verbs = new Zipf(Vocabulary.VERBS.length, 1.0);
        final Zipf givenNames = new Zipf(Vocabulary.GIVEN_NAMES.length, 0.9);
        final Zipf subjects = new Zipf(Vocabulary.SUBJECTS.length, 0.8);
        final Zipf spanishNouns = new Zipf(Vocabulary.SPANISH_NOUNS.length, 0.9);
        final Zipf people = new Zipf(Vocabulary.PEOPLE.length, 1.0);
        final Zipf series = new Zipf(Vocabulary.SERIES.length, 1.0);
        final Zipf authorRank;
        final String[] authors;
        /** Titles kept for phrase queries: a reservoir sample, so memory stays flat. */
        final List<String> sampledTitles = new ArrayList<>();
        long barcode = 31234000000000L;
        int seen;

        Books(Random random, int count) {
            this.random = random;
            // A pool of authors, prolific ones first: a catalogue of N titles has about N/5 distinct authors.
            Zipf surnames = new Zipf(Vocabulary.SURNAMES.length, 1.0);
            authors = new String[Math.max(500, Math.min(50_000, count / 5))];
            for (int a = 0; a < authors.length; a++) {
                String given = givenNames.pick(Vocabulary.GIVEN_NAMES, random);
                String middle = random.nextInt(4) == 0 ? " " + (char) ('A' + random.nextInt(26)) + "." : "";
                authors[a] = surnames.pick(Vocabulary.SURNAMES, random) + ", " + given + middle;
            }
            authorRank = new Zipf(authors.length, 0.8);
        }

        Record next(int number) {
            Book book = new Book(random.nextInt(100));
            book.audience = audience();
            book.spanish = random.nextInt(100) < 7;
            book.subject = subjects.pick(Vocabulary.SUBJECTS, random);
            book.biography = !book.spanish && random.nextInt(100) < 6;
            book.fiction = !book.biography && random.nextInt(100) < 55;
            book.author = authors[authorRank.next(random)];
            book.year = year();
            book.title = title(book);
            keepForQueries(book.title);
            return new BookRecord(this, book, number).build();
        }

        /** 008/22: picture books and early readers for the elementary schools, then middle grade, then teens. */
        private char audience() {
            int roll = random.nextInt(100);
            return roll < 12 ? 'a' : roll < 40 ? 'b' : roll < 65 ? 'c' : roll < 80 ? 'j' : roll < 95 ? 'd' : 'e';
        }

        /** Mostly recent: school libraries weed old titles, so the age of a title is roughly exponential. */
        private int year() {
            int age = (int) Math.min(70, -Math.log(1 - random.nextDouble()) * 9);
            return 2025 - age;
        }

        private String title(Book book) {
            if (book.spanish) {
                return spanishTitle();
            }
            if (book.biography) {
                book.person = people.pick(Vocabulary.PEOPLE, random);
                String shown = book.person[1];
                return switch (random.nextInt(4)) {
                    case 0 -> "Who was " + shown + "?";
                    case 1 -> "The life of " + shown;
                    case 2 -> shown;
                    default -> "I am " + shown;
                };
            }
            if (!book.fiction) {
                String topic = Vocabulary.topic(book.subject[0]);
                return switch (random.nextInt(6)) {
                    case 0 -> "All about " + topic.toLowerCase(Locale.ROOT);
                    case 1 -> "The " + adjective().toLowerCase(Locale.ROOT) + " book of "
                            + topic.toLowerCase(Locale.ROOT);
                    case 2 -> "Discovering " + topic.toLowerCase(Locale.ROOT);
                    case 3 -> "The story of " + topic.toLowerCase(Locale.ROOT);
                    default -> topic;
                };
            }
            return switch (random.nextInt(10)) {
                case 0, 1 -> "The " + adjective() + " " + noun();
                case 2 -> noun() + " and " + noun();
                case 3 -> "The " + noun() + " of the " + noun();
                case 4 -> "The " + noun() + " who couldn't " + verb().toLowerCase(Locale.ROOT);
                case 5 -> "How to " + verb().toLowerCase(Locale.ROOT) + " a " + noun().toLowerCase(Locale.ROOT);
                case 6 -> givenNames.pick(Vocabulary.GIVEN_NAMES, random) + " and the " + adjective() + " " + noun();
                case 7 -> "A " + noun().toLowerCase(Locale.ROOT) + " for " + givenNames.pick(Vocabulary.GIVEN_NAMES,
                        random);
                case 8 -> adjective() + " " + noun();
                default -> "The " + noun();
            };
        }

        private String spanishTitle() {
            String[] noun = spanishNouns.pick(Vocabulary.SPANISH_NOUNS, random);
            String[] other = spanishNouns.pick(Vocabulary.SPANISH_NOUNS, random);
            String[] adjective = Vocabulary.SPANISH_ADJECTIVES[random.nextInt(Vocabulary.SPANISH_ADJECTIVES.length)];
            boolean feminine = noun[1].equals("f");
            String article = feminine ? "La" : "El";
            String agreeing = feminine ? adjective[1] : adjective[0];
            return switch (random.nextInt(5)) {
                case 0 -> article + " " + noun[0] + " " + agreeing;
                case 1 -> article + " " + agreeing + " " + noun[0];
                case 2 -> capitalised(noun[0]) + " y " + other[0];
                case 3 -> "¿Dónde está " + article.toLowerCase(Locale.ROOT) + " " + noun[0] + "?";
                default -> "La canción " + (feminine ? "de la " : "del ") + noun[0];
            };
        }

        String noun() {
            return nouns.pick(Vocabulary.NOUNS, random);
        }

        String adjective() {
            return adjectives.pick(Vocabulary.ADJECTIVES, random);
        }

        String verb() {
            return verbs.pick(Vocabulary.VERBS, random);
        }

        private void keepForQueries(String title) {
            seen++;
            if (sampledTitles.size() < 5000) {
                sampledTitles.add(title);
            } else {
                int slot = random.nextInt(seen);
                if (slot < sampledTitles.size()) {
                    sampledTitles.set(slot, title);
                }
            }
        }

        long nextBarcode() {
            return barcode++;
        }

        DataField field(String tag, char ind1, char ind2, String... codesAndValues) {
            DataField field = f.newDataField(tag, ind1, ind2);
            for (int i = 0; i < codesAndValues.length; i += 2) {
                field.addSubfield(f.newSubfield(codesAndValues[i].charAt(0), codesAndValues[i + 1]));
            }
            return field;
        }

        static String capitalised(String word) {
            return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    /** What one record is about, decided before its fields are written. */
    static final class Book {
        final int formatRoll;
        char audience;
        boolean spanish;
        boolean biography;
        boolean fiction;
        String[] subject;
        String[] person;
        String author;
        int year;
        String title;

        Book(int formatRoll) {
            this.formatRoll = formatRoll;
        }

        /** Leader/06: mostly printed books; some films (g) and audiobooks (i). Ebooks are books read online. */
        char type() {
            return formatRoll < 4 ? 'g' : formatRoll < 8 ? 'i' : 'a';
        }

        boolean ebook() {
            return formatRoll >= 8 && formatRoll < 12;
        }

        boolean largePrint() {
            return formatRoll == 12;
        }

        boolean pictureBook() {
            return fiction && (audience == 'a' || audience == 'b');
        }
    }
}

/** The MARC fields of one book: control fields, identifiers, description, subjects and Koha 952 copies. */
final class BookRecord {

    private static final String[] FICTION_SUBTITLES = {"a novel", "an adventure", "a graphic novel",
            "a story about friendship"};
    private static final String[] OTHER_SUBTITLES = {"a true story", "the complete guide", "facts and fun"};

    private final CatalogGenerate.Books books;
    private final CatalogGenerate.Book book;
    private final int number;
    private final Random random;
    private final Record record;

    BookRecord(CatalogGenerate.Books books, CatalogGenerate.Book book, int number) {
        this.books = books;
        this.book = book;
        this.number = number;
        this.random = books.random;
        String leader = "00000n" + book.type() + "m a2200000 i 4500";
        this.record = books.f.newRecord(leader);
    }

    Record build() {
        record.addVariableField(books.f.newControlField("001", "bench" + number));
        record.addVariableField(books.f.newControlField("003", "CARREL"));
        record.addVariableField(books.f.newControlField("008", fixedField()));
        isbns();
        String callNumber = callNumber();
        add("092", ' ', ' ', callNumber.contains(" ")
                ? new String[] {"a", callNumber.substring(0, callNumber.indexOf(' ')), "b",
                        callNumber.substring(callNumber.indexOf(' ') + 1)}
                : new String[] {"a", callNumber});
        add("100", '1', ' ', "a", book.author + ",", "e", "author.");
        titleField();
        add("264", ' ', '1', "a", random.nextBoolean() ? "New York :" : "Minneapolis, MN :", "b",
                Vocabulary.PUBLISHERS[random.nextInt(Vocabulary.PUBLISHERS.length)] + ",", "c",
                (random.nextInt(3) == 0 ? "©" : "") + book.year + ".");
        add("300", ' ', ' ', "a", (24 + random.nextInt(400)) + " pages :", "b", "illustrations ;", "c", "24 cm");
        series();
        summary();
        readingLevels();
        subjects();
        if (book.pictureBook() && random.nextBoolean()) {
            add("700", '1', ' ', "a", books.authors[random.nextInt(books.authors.length)] + ",", "e", "illustrator.");
        }
        if (book.ebook()) {
            add("338", ' ', ' ', "a", "online resource", "b", "cr", "2", "rdacarrier");
        }
        copies(callNumber);
        return record;
    }

    /** 008 for books (and, at the positions used here, films and recordings): 40 characters. */
    private String fixedField() {
        StringBuilder fixed = new StringBuilder(40);
        fixed.append(String.format("%02d0315", (book.year + 1) % 100)).append('s').append(book.year).append("    ");
        fixed.append(random.nextInt(4) == 0 ? "nyu" : "xxu");
        fixed.append(book.pictureBook() ? "a   " : "    ");
        fixed.append(book.audience);
        fixed.append(book.ebook() ? 'o' : book.largePrint() ? 'd' : ' ');
        fixed.append("    ").append(' ').append('0').append('0');
        fixed.append(book.fiction ? '0' : '1');
        fixed.append(' ');
        fixed.append(book.fiction ? '1' : '0');
        fixed.append(book.biography ? 'b' : ' ');
        fixed.append(book.spanish ? "spa" : "eng");
        fixed.append(" d");
        return fixed.toString();
    }

    /** Most books carry an ISBN-13, some the older ISBN-10, some both; a few (old or local) none. */
    private void isbns() {
        // 7 is coprime to 10^9, so each record number gets its own nine-digit body.
        String body = String.format("%09d", (number * 7L + 100_000_000L) % 1_000_000_000L);
        int kind = random.nextInt(100);
        if (kind < 60 || kind >= 85 && kind < 95) {
            String isbn13 = "978" + body;
            add("020", ' ', ' ', "a", isbn13 + isbn13Check(isbn13) + (random.nextBoolean() ? "" : " (hardcover)"));
        }
        if (kind >= 60 && kind < 95) {
            add("020", ' ', ' ', "a", body + isbn10Check(body));
        }
    }

    static char isbn13Check(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static char isbn10Check(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** E (easy) for picture books, FIC for other fiction, B for biographies, else the subject's Dewey number. */
    private String callNumber() {
        String cutter = cutter(book.author);
        if (book.biography) {
            return "B " + cutter(book.person[0]);
        }
        if (book.fiction) {
            return (book.pictureBook() ? "E " : "FIC ") + cutter;
        }
        return book.subject[1] + " " + cutter;
    }

    private static String cutter(String name) {
        String letters = name.replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT);
        return letters.substring(0, Math.min(3, letters.length()));
    }

    private void titleField() {
        String title = book.title;
        int skip = title.startsWith("The ") ? 4 : title.startsWith("A ") ? 2 : title.startsWith("El ")
                || title.startsWith("La ") ? 3 : 0;
        String responsibility = "by " + book.author.substring(book.author.indexOf(", ") + 2) + " "
                + book.author.substring(0, book.author.indexOf(','));
        String[] subtitles = book.fiction ? FICTION_SUBTITLES : OTHER_SUBTITLES;
        if (random.nextInt(5) == 0 && !book.spanish) {
            add("245", '1', (char) ('0' + skip), "a", title + " :", "b",
                    subtitles[random.nextInt(subtitles.length)] + " /", "c", responsibility + ".");
        } else {
            add("245", '1', (char) ('0' + skip), "a", title + " /", "c", responsibility + ".");
        }
    }

    /** About one title in six belongs to a series, numbered. */
    private void series() {
        if (random.nextInt(6) == 0) {
            add("490", '1', ' ', "a", books.series.pick(Vocabulary.SERIES, random) + " ;", "v",
                    String.valueOf(1 + random.nextInt(40)));
        }
    }

    private void summary() {
        if (random.nextInt(10) >= 8) {
            return;
        }
        String topic = Vocabulary.topic(book.subject[0]).toLowerCase(Locale.ROOT);
        String text;
        if (book.spanish) {
            text = "Una historia ilustrada sobre " + Vocabulary.SPANISH_NOUNS[random.nextInt(
                    Vocabulary.SPANISH_NOUNS.length)][0] + " y la amistad, para leer en voz alta.";
        } else if (book.biography) {
            text = "Tells the life story of " + book.person[1] + ", from childhood to the achievements that made "
                    + "history.";
        } else if (book.fiction) {
            String hero = books.givenNames.pick(Vocabulary.GIVEN_NAMES, random);
            text = "When " + hero + " finds a " + books.adjective().toLowerCase(Locale.ROOT) + " "
                    + books.noun().toLowerCase(Locale.ROOT) + " near the " + books.noun().toLowerCase(Locale.ROOT)
                    + ", an adventure about " + topic + " begins that will change everything.";
        } else {
            text = "Introduces " + topic + ", with " + (random.nextBoolean() ? "photographs" : "illustrations")
                    + ", fun facts, a glossary and an index.";
        }
        add("520", ' ', ' ', "a", text);
    }

    /** Lexile (521 8#) for about 40%, guided reading (526) for 20%, an interest grade (521 2#) for half. */
    private void readingLevels() {
        int base = switch (book.audience) {
            case 'a' -> 0;
            case 'b' -> 300;
            case 'c', 'j' -> 600;
            default -> 900;
        };
        if (random.nextInt(10) < 4) {
            int lexile = base + random.nextInt(400);
            add("521", '8', ' ', "a", (lexile < 100 ? "BR" + (100 - lexile) : String.valueOf(lexile)) + "L", "b",
                    "Lexile.");
        }
        if (random.nextInt(10) < 2) {
            int level = Math.min(25, base / 40 + random.nextInt(6));
            add("526", '0', ' ', "a", "Guided reading", "c", String.valueOf((char) ('A' + level)));
        }
        if (random.nextBoolean()) {
            String grades = switch (book.audience) {
                case 'a' -> "Preschool-K.";
                case 'b' -> "K-2.";
                case 'c', 'j' -> "3-5.";
                case 'd' -> random.nextBoolean() ? "6-8." : "9-12.";
                default -> "9 and up.";
            };
            add("521", '2', ' ', "a", grades);
        }
    }

    /** One to three topical headings with a form subdivision, a genre, and the person of a biography. */
    private void subjects() {
        String form = book.fiction ? "Juvenile fiction." : "Juvenile literature.";
        if (book.biography) {
            add("600", '1', '0', "a", book.person[0] + ",", "d", book.person[2], "v", form);
        } else {
            add("650", ' ', '0', "a", book.subject[0], "v", form);
        }
        for (int s = 0, n = random.nextInt(book.biography ? 2 : 3); s < n; s++) {
            String[] other = books.subjects.pick(Vocabulary.SUBJECTS, random);
            if (random.nextInt(4) == 0) {
                add("650", ' ', '0', "a", other[0], "z", Vocabulary.PLACES[random.nextInt(Vocabulary.PLACES.length)],
                        "v", form);
            } else {
                add("650", ' ', '0', "a", other[0], "v", form);
            }
        }
        String genre = book.biography ? "Biographies." : !book.fiction ? "Informational works."
                : book.pictureBook() ? "Picture books." : Vocabulary.GENRES[random.nextInt(Vocabulary.GENRES.length)];
        add("655", ' ', '7', "a", genre, "2", "lcgft");
    }

    /**
     * Copies follow a power law (P(copies >= k) = k^-1.7, at most 30): most titles have one or two, a popular one
     * a copy in every school and several in some. Schools suit the audience: picture books in the elementary
     * schools, teen books in the middle and high schools.
     */
    private void copies(String callNumber) {
        int copies = (int) Math.min(30, Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.7)));
        String[] schools = switch (book.audience) {
            case 'a', 'b' -> new String[] {"OAK", "MAPLE", "CEDAR"};
            case 'c' -> new String[] {"OAK", "MAPLE", "CEDAR", "LINC", "WASH"};
            case 'j' -> new String[] {"OAK", "MAPLE", "CEDAR", "LINC", "WASH", "RHS"};
            case 'd' -> new String[] {"LINC", "WASH", "RHS"};
            default -> new String[] {"RHS"};
        };
        String type = book.type() == 'g' ? "DVD" : book.type() == 'i' ? "AUDIO" : book.ebook() ? "EBOOK"
                : random.nextInt(5) == 0 ? "PB" : "BK";
        for (int c = 0; c < copies; c++) {
            String school = schools[random.nextInt(schools.length)];
            List<String> subfields = new ArrayList<>(List.of("a", school, "b", school, "c", location(school), "o",
                    callNumber, "p", String.valueOf(books.nextBarcode()), "y", type, "d",
                    (book.year < 2000 ? 2000 : book.year) + "-08-30", "g", (8 + random.nextInt(20)) + ".99"));
            status(subfields);
            add("952", ' ', ' ', subfields.toArray(String[]::new));
        }
    }

    /** The demo schools' locations: EASY only in the elementary schools, GN only in the others. */
    private String location(String school) {
        boolean elementary = school.equals("OAK") || school.equals("MAPLE") || school.equals("CEDAR");
        if (book.biography) {
            return school.equals("RHS") ? "NF" : "BIO";
        }
        if (!book.fiction) {
            return random.nextInt(25) == 0 ? "REF" : "NF";
        }
        if (book.pictureBook() && elementary) {
            return "EASY";
        }
        return !elementary && random.nextInt(8) == 0 ? "GN" : "FIC";
    }

    /** About 9 copies in 10 on the shelf; the rest out, on order, damaged, lost or withdrawn (Koha 952 codes). */
    private void status(List<String> subfields) {
        int roll = random.nextInt(1000);
        if (roll < 80) {
            subfields.addAll(List.of("q", "2026-12-" + (10 + random.nextInt(18))));
        } else if (roll < 88) {
            subfields.addAll(List.of("7", "-1"));
        } else if (roll < 94) {
            subfields.addAll(List.of("4", "1"));
        } else if (roll < 98) {
            subfields.addAll(List.of("1", "1"));
        } else if (roll < 100) {
            subfields.addAll(List.of("0", "1"));
        }
    }

    private void add(String tag, char ind1, char ind2, String... codesAndValues) {
        record.addVariableField(books.field(tag, ind1, ind2, codesAndValues));
    }
}

/**
 * The fixed query mix, drawn from the vocabularies the records were written from and from a sample of the titles
 * written, in fixed proportions: 25% one word, 20% two words, 10% phrases, 10% misspelled words, 15% faceted
 * (a format or grade band), 10% at one school, 10% on the shelf at one school; then type-ahead prefixes.
 */
final class QueryMix {

    private static final String[] SCHOOLS = {"OAK", "MAPLE", "CEDAR", "LINC", "WASH", "RHS"};
    private static final String[] FORMATS = {"BOOK", "BOOK", "BOOK", "EBOOK", "VIDEO", "AUDIOBOOK"};
    private static final String[] GRADE_BANDS = {"PRE_K", "K_2", "GRADES_3_5", "GRADES_6_8", "GRADES_9_12"};
    private static final java.util.Set<String> STOP = java.util.Set.of("the", "a", "an", "of", "and", "for", "to",
            "who", "how", "el", "la", "y", "del", "de", "i", "am", "was", "is", "all", "about", "book", "story");

    private final Random random;
    private final CatalogGenerate.Books books;
    private final CatalogGenerate.Zipf surnames = new CatalogGenerate.Zipf(Vocabulary.SURNAMES.length, 1.0);

    QueryMix(Random random, CatalogGenerate.Books books) {
        this.random = random;
        this.books = books;
    }

    List<String> lines(int count) {
        List<String> lines = new ArrayList<>(count + count / 3);
        for (int i = 0; i < count; i++) {
            int roll = (int) ((long) i * 100 / count);
            if (roll < 25) {
                lines.add(line("word", oneWord(), "", "", "", ""));
            } else if (roll < 45) {
                lines.add(line("two", twoWords(), "", "", "", ""));
            } else if (roll < 55) {
                lines.add(line("phrase", phrase(), "", "", "", ""));
            } else if (roll < 65) {
                lines.add(line("misspelled", misspelled(), "", "", "", ""));
            } else if (roll < 80) {
                boolean byFormat = random.nextBoolean();
                lines.add(line("faceted", random.nextBoolean() ? oneWord() : twoWords(), "", "",
                        byFormat ? FORMATS[random.nextInt(FORMATS.length)] : "",
                        byFormat ? "" : GRADE_BANDS[random.nextInt(GRADE_BANDS.length)]));
            } else if (roll < 90) {
                lines.add(line("school", oneWord(), SCHOOLS[random.nextInt(SCHOOLS.length)], "", "", ""));
            } else {
                lines.add(line("available", oneWord(), "", SCHOOLS[random.nextInt(SCHOOLS.length)], "", ""));
            }
        }
        // Shuffled so that a run cut short by its time limit still sees every kind.
        java.util.Collections.shuffle(lines, random);
        for (int i = 0; i < Math.max(50, count / 3); i++) {
            lines.add(line("suggest", prefix(), "", "", "", ""));
        }
        return lines;
    }

    private static String line(String kind, String query, String school, String available, String format,
                               String gradeBand) {
        return String.join("\t", kind, query, school, available, format, gradeBand);
    }

    /** A title word (most often), a subject word or a surname, lower case as people type. */
    private String oneWord() {
        int roll = random.nextInt(10);
        String word = roll < 6 ? books.noun() : roll < 8 ? subjectWord()
                : surnames.pick(Vocabulary.SURNAMES, random);
        return word.toLowerCase(Locale.ROOT);
    }

    private String twoWords() {
        int roll = random.nextInt(3);
        String words = roll == 0 ? books.adjective() + " " + books.noun()
                : roll == 1 ? surnames.pick(Vocabulary.SURNAMES, random) + " " + books.noun()
                : titleWordPair();
        return words.toLowerCase(Locale.ROOT);
    }

    /** Two words of one title that was written, stop words left out; else an adjective and a noun. */
    private String titleWordPair() {
        List<String> words = new ArrayList<>(titleWords());
        words.removeIf(word -> STOP.contains(word.toLowerCase(Locale.ROOT)));
        return words.size() < 2 ? books.adjective() + " " + books.noun() : String.join(" ", run(words, 2));
    }

    /** Two or three consecutive words of a title that was written, in quotes. */
    private String phrase() {
        List<String> words = titleWords();
        while (words.size() < 2) {
            words = titleWords();
        }
        return "\"" + String.join(" ", run(words, Math.min(words.size(), 2 + random.nextInt(2))))
                .toLowerCase(Locale.ROOT) + "\"";
    }

    /** A title word of five letters or more with one edit, or two for eight letters or more. */
    private String misspelled() {
        String word;
        do {
            word = random.nextInt(4) == 0 ? subjectWord() : books.noun();
        } while (word.length() < 5 || word.contains(" "));
        word = word.toLowerCase(Locale.ROOT);
        String typo;
        do {
            typo = word.length() >= 8 ? edit(edit(word)) : edit(word);
        } while (typo.equals(word));
        return typo;
    }

    /** One substitution, deletion, insertion or transposition, never of the first letter. */
    private String edit(String word) {
        int at = 1 + random.nextInt(word.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + letter + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + letter + word.substring(at);
            default -> at + 1 < word.length()
                    ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
                    : word.substring(0, at) + letter;
        };
    }

    /** What people start typing: two to six letters of a word, sometimes after a whole first word. */
    private String prefix() {
        String word = switch (random.nextInt(4)) {
            case 0 -> subjectWord();
            case 1 -> surnames.pick(Vocabulary.SURNAMES, random);
            default -> books.noun();
        };
        word = word.toLowerCase(Locale.ROOT);
        String partial = word.substring(0, Math.min(word.length(), 2 + random.nextInt(5)));
        return random.nextInt(4) == 0 ? books.adjective().toLowerCase(Locale.ROOT) + " " + partial : partial;
    }

    private String subjectWord() {
        String[] words = books.subjects.pick(Vocabulary.SUBJECTS, random)[0].split("[ ,()-]+");
        return words[random.nextInt(words.length)];
    }

    /** The words of a sampled title, without punctuation and the most common stop words. */
    private List<String> titleWords() {
        String title = books.sampledTitles.get(random.nextInt(books.sampledTitles.size()));
        List<String> words = new ArrayList<>();
        for (String word : title.split("[\\s¿?.,:'!]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private List<String> run(List<String> words, int length) {
        int size = Math.min(length, words.size());
        int from = random.nextInt(words.size() - size + 1);
        List<String> run = words.subList(from, from + size);
        if (run.stream().allMatch(w -> STOP.contains(w.toLowerCase(Locale.ROOT))) && words.size() > size) {
            return words.subList(words.size() - size, words.size());
        }
        return run;
    }
}

/**
 * The word lists, each in rank order (most frequent first). Title words: ranked by how often they occur in the
 * titles of children's and young-adult books. Surnames: the US Census 2010 surname list (public domain), top 200 in
 * rank order. Given names: the most common US given names (Social Security Administration, public domain), women's
 * and men's interleaved by rank. Subjects: common juvenile Library of Congress subject headings with the Dewey
 * number a school library shelves them under (for fiction the call number is FIC or E instead).
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] NOUNS = {"Day", "Night", "World", "House", "Girl", "Boy", "Dog", "Cat", "Moon", "Star",
            "Life", "Love", "Time", "Secret", "Dragon", "Tree", "Friend", "Home", "Heart", "King", "Queen", "Princess",
            "School", "Family", "Garden", "Sea", "Ocean", "River", "Mountain", "Forest", "Island", "City", "Farm",
            "Bear", "Fox", "Wolf", "Rabbit", "Bird", "Owl", "Mouse", "Horse", "Pig", "Duck", "Frog", "Lion", "Tiger",
            "Elephant", "Monkey", "Giraffe", "Whale", "Shark", "Turtle", "Snake", "Spider", "Bee", "Butterfly",
            "Dinosaur", "Robot", "Monster", "Ghost", "Witch", "Wizard", "Giant", "Pirate", "Ship", "Train", "Truck",
            "Rocket", "Planet", "Sun", "Sky", "Rain", "Snow", "Wind", "Storm", "Fire", "Water", "Stone", "Light",
            "Shadow", "Dream", "Song", "Door", "Window", "Road", "Bridge", "Castle", "Tower", "Treasure", "Map", "Key",
            "Box", "Hat", "Ball", "Kite", "Cake", "Cookie", "Apple", "Pumpkin", "Egg", "Bed", "Baby", "Mother",
            "Father", "Grandma", "Grandpa", "Sister", "Brother", "Teacher", "Doctor", "Detective", "Hero", "Knight",
            "Prince", "Summer", "Winter", "Spring", "Birthday", "Christmas", "Halloween", "Party", "Game", "Team",
            "Race", "Adventure", "Journey", "Mystery", "Magic", "Word", "Name", "Color", "Number", "Letter", "Book",
            "Tale", "Legend", "History", "Science", "Music", "Dance", "Voice", "Promise", "Wish", "Truth", "Hope",
            "Courage", "Freedom", "Empire", "Land", "Earth", "Space", "Bone", "Machine", "Code", "Inventor",
            "Artist", "Leader", "Champion", "Warrior", "Hunter", "Thief", "Spy", "Lighthouse", "Library", "Museum",
            "Zoo", "Jungle", "Desert", "Cave", "Volcano", "Ice", "Gold", "Crown", "Sword", "Mirror", "Clock", "Lake",
            "Penguin", "Unicorn", "Mermaid", "Fairy", "Goblin", "Troll", "Alien", "Zombie", "Vampire", "Ninja",
            "Cowboy", "Farmer", "Sailor", "Astronaut", "Scientist", "Explorer", "Queen", "Crow", "Raven", "Eagle",
            "Hawk", "Panda", "Koala", "Kangaroo", "Octopus", "Crab", "Snail", "Worm", "Ant", "Beetle", "Lizard",
            "Chicken", "Goat", "Sheep", "Cow", "Llama", "Squirrel", "Hedgehog", "Badger", "Otter", "Moose", "Deer",
            "Blanket", "Pajamas", "Sandwich", "Pancake", "Pizza", "Soup", "Candy", "Balloon", "Bicycle", "Wagon",
            "Boat", "Airplane", "Bus", "Tractor", "Garbage", "Boots", "Mittens", "Umbrella", "Crayon", "Pencil",
            "Paper", "Paint", "Puzzle", "Riddle", "Joke", "Circus", "Carnival", "Parade", "Picnic", "Vacation",
            "Neighborhood", "Kingdom", "Village", "Valley", "Meadow", "Swamp", "Beach", "Harbor", "Canyon", "Glacier",
            "Comet", "Galaxy", "Universe", "Sunrise", "Sunset", "Rainbow", "Thunder", "Lightning", "Cloud", "Flood",
            "Earthquake", "Battle", "War", "Revolution", "Rebellion", "Escape", "Rescue", "Quest", "Prophecy",
            "Curse", "Spell", "Potion", "Amulet", "Portal", "Labyrinth", "Maze", "Fortress", "Prison", "Throne"};

    static final String[] ADJECTIVES = {"Little", "Big", "Great", "Last", "First", "Lost", "Secret", "Hidden",
            "Dark", "Wild", "Brave", "Magic", "Red", "Blue", "Green", "Black", "White", "Golden", "Silver", "Tiny",
            "Giant", "Old", "New", "Young", "Hungry", "Sleepy", "Happy", "Silly", "Amazing", "Incredible",
            "Wonderful", "Strange", "Invisible", "Forgotten", "Broken", "Perfect", "Quiet", "Loud", "Fast", "Tall",
            "Small", "Long", "Deep", "Cold", "Bright", "True", "Only", "Best", "Midnight", "Endless", "Impossible",
            "Curious", "Fearless", "Stolen", "Wicked", "Haunted", "Mighty", "Sweet", "Grumpy", "Lonely", "Shy",
            "Clever", "Noisy", "Messy", "Fancy", "Purple", "Yellow", "Orange", "Starry", "Snowy", "Frozen", "Burning",
            "Shining", "Whispering", "Dancing", "Flying", "Runaway", "Mysterious", "Enchanted", "Ancient"};

    static final String[] VERBS = {"Catch", "Find", "Build", "Train", "Draw", "Save", "Hide", "Fly", "Eat", "Make",
            "Grow", "Lose", "Steal", "Stop", "Tame", "Wake", "Ride", "Paint", "Count", "Read", "Write", "Bake",
            "Climb", "Swim", "Sleep", "Dance", "Sing", "Whistle", "Share", "Wait", "Fight", "Dream", "Listen",
            "Remember", "Forget", "Explore", "Invent", "Rescue", "Teach", "Babysit"};

    static final String[] SURNAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
            "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
            "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
            "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
            "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
            "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson",
            "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
            "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry",
            "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
            "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds",
            "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran",
            "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez",
            "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb",
            "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez",
            "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Muñoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner",
            "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
            "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner",
            "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen",
            "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson",
            "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray", "Delgado", "Berry", "Perkins", "Hoffman",
            "Johnston", "Matthews", "Peña", "Richards", "Contreras", "Willis", "Carpenter", "Lawrence", "Sandoval"};

    static final String[] GIVEN_NAMES = {"Mary", "James", "Patricia", "John", "Jennifer", "Robert", "Linda",
            "Michael", "Elizabeth", "William", "Barbara", "David", "Susan", "Richard", "Jessica", "Joseph", "Sarah",
            "Thomas", "Karen", "Charles", "Nancy", "Christopher", "Lisa", "Daniel", "Margaret", "Matthew", "Betty",
            "Anthony", "Sandra", "Donald", "Ashley", "Mark", "Dorothy", "Paul", "Kimberly", "Steven", "Emily",
            "Andrew", "Donna", "Kenneth", "Michelle", "Joshua", "Carol", "Kevin", "Amanda", "Brian", "Melissa",
            "George", "Deborah", "Edward", "Stephanie", "Ronald", "Rebecca", "Timothy", "Laura", "Jason", "Sharon",
            "Jeffrey", "Cynthia", "Ryan", "Kathleen", "Jacob", "Amy", "Gary", "Shirley", "Nicholas", "Angela", "Eric",
            "Helen", "Jonathan", "Anna", "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Nicole", "Scott", "Emma",
            "Brandon", "Samantha", "Benjamin", "Katherine", "Samuel", "Christine", "Gregory", "Debra", "Frank",
            "Rachel", "Alexander", "Catherine", "Raymond", "Carolyn", "Patrick", "Janet", "Jack", "Ruth", "Dennis",
            "Maria", "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Virginia", "Jose", "Julie", "Henry", "Joyce",
            "Adam", "Victoria", "Douglas", "Olivia", "Nathan", "Kelly", "Peter", "Christina", "Zachary", "Lauren",
            "Kyle", "Joan", "Walter", "Evelyn", "Harold", "Judith", "Jeremy", "Megan", "Ethan", "Cheryl", "Carl",
            "Andrea", "Keith", "Hannah", "Roger", "Martha", "Gerald", "Jacqueline", "Christian", "Frances", "Terry",
            "Gloria", "Sean", "Ann", "Arthur", "Teresa", "Austin", "Kathryn", "Noah", "Sara", "Lawrence", "Janice",
            "Jesse", "Jean", "Joe", "Alice", "Bryan", "Madison", "Billy", "Doris", "Jordan", "Abigail", "Albert",
            "Julia", "Dylan", "Judy", "Bruce", "Grace", "Willie", "Denise", "Gabriel", "Amber", "Alan", "Marilyn",
            "Juan", "Beverly", "Logan", "Danielle", "Wayne", "Theresa", "Ralph", "Sophia", "Roy", "Marie", "Eugene",
            "Diana", "Randy", "Brittany", "Vincent", "Natalie", "Russell", "Isabella", "Louis", "Charlotte", "Philip",
            "Rose", "Bobby", "Alexis", "Johnny", "Kayla", "Liam", "Mia", "Mateo", "Sofía", "Santiago", "Valentina",
            "Diego", "Camila", "Ava", "Elijah", "Luna", "Oliver", "Harper", "Lucas", "Aaliyah", "Jamal", "Zoe"};

    /** Spanish nouns with their gender (m or f), for Spanish titles with their diacritics. */
    static final String[][] SPANISH_NOUNS = {{"dragón", "m"}, {"niña", "f"}, {"niño", "m"}, {"casa", "f"},
            {"búho", "m"}, {"ratón", "m"}, {"luna", "f"}, {"corazón", "m"}, {"árbol", "m"}, {"canción", "f"},
            {"pájaro", "m"}, {"león", "m"}, {"jardín", "m"}, {"mañana", "f"}, {"música", "f"}, {"océano", "m"},
            {"camión", "m"}, {"abuela", "f"}, {"estrella", "f"}, {"escuela", "f"}, {"familia", "f"}, {"perro", "m"},
            {"gato", "m"}, {"tortuga", "f"}, {"mariposa", "f"}, {"sueño", "m"}, {"corazón", "m"}, {"isla", "f"},
            {"montaña", "f"}, {"río", "m"}, {"bosque", "m"}, {"fantasma", "m"}, {"princesa", "f"}, {"pingüino", "m"},
            {"oso", "m"}, {"lágrima", "f"}, {"caracol", "m"}, {"día", "m"}, {"noche", "f"}, {"colibrí", "m"}};

    /** Spanish adjectives, masculine then feminine. */
    static final String[][] SPANISH_ADJECTIVES = {{"pequeño", "pequeña"}, {"mágico", "mágica"},
            {"valiente", "valiente"}, {"último", "última"}, {"perdido", "perdida"}, {"dormilón", "dormilona"},
            {"rápido", "rápida"}, {"feliz", "feliz"}, {"tímido", "tímida"}, {"increíble", "increíble"},
            {"misterioso", "misteriosa"}, {"hambriento", "hambrienta"}};

    /** Juvenile LCSH topical headings and the Dewey number of a book about the topic. */
    static final String[][] SUBJECTS = {{"Animals", "590"}, {"Dogs", "636.7"}, {"Friendship", "177.62"},
            {"Dinosaurs", "567.9"}, {"Cats", "636.8"}, {"Families", "306.85"}, {"Schools", "371"},
            {"Space flight", "629.4"}, {"Outer space", "520"}, {"Horses", "636.1"}, {"Magic", "793.8"},
            {"Dragons", "398.24"}, {"Oceans", "551.46"}, {"Sports", "796"}, {"Birds", "598"}, {"Insects", "595.7"},
            {"Weather", "551.6"}, {"Emotions", "152.4"}, {"Monsters", "398.21"}, {"Robots", "629.892"},
            {"Volcanoes", "551.21"}, {"Sharks", "597.3"}, {"Bears", "599.78"}, {"Soccer", "796.334"},
            {"Baseball", "796.357"}, {"Basketball", "796.323"}, {"Football", "796.332"}, {"Ghosts", "133.1"},
            {"Pirates", "910.45"}, {"Princesses", "305.5"}, {"Fairy tales", "398.2"}, {"Folklore", "398.2"},
            {"Mythology, Greek", "292"}, {"Poetry", "811"}, {"Jokes", "818"}, {"Riddles", "793.735"},
            {"Bedtime", "649.6"}, {"Brothers and sisters", "306.875"}, {"Grandparents", "306.874"},
            {"Babies", "305.232"}, {"Pets", "636.088"}, {"Farm life", "630"}, {"Zoos", "590.73"},
            {"Owls", "598.97"}, {"Penguins", "598.47"}, {"Wolves", "599.773"}, {"Foxes", "599.775"},
            {"Elephants", "599.67"}, {"Lions", "599.757"}, {"Tigers", "599.756"}, {"Monkeys", "599.8"},
            {"Whales", "599.5"}, {"Dolphins", "599.53"}, {"Fishes", "597"}, {"Reptiles", "597.9"},
            {"Snakes", "597.96"}, {"Turtles", "597.92"}, {"Frogs", "597.89"}, {"Butterflies", "595.78"},
            {"Bees", "595.79"}, {"Spiders", "595.4"}, {"Fossils", "560"}, {"Marine animals", "591.77"},
            {"Rain forests", "577.34"}, {"Deserts", "577.54"}, {"Earthquakes", "551.22"}, {"Hurricanes", "551.552"},
            {"Tornadoes", "551.553"}, {"Climatic changes", "551.6"}, {"Seasons", "508.2"}, {"Plants", "580"},
            {"Trees", "582.16"}, {"Flowers", "582.13"}, {"Gardening", "635"}, {"Food", "641.3"},
            {"Cooking", "641.5"}, {"Nutrition", "613.2"}, {"Human body", "612"}, {"Health", "613"},
            {"Senses and sensation", "612.8"}, {"Solar system", "523.2"}, {"Planets", "523.4"}, {"Moon", "523.3"},
            {"Stars", "523.8"}, {"Astronomy", "520"}, {"Astronauts", "629.45"}, {"Airplanes", "629.133"},
            {"Railroad trains", "625.1"}, {"Trucks", "629.224"}, {"Ships", "623.82"}, {"Machinery", "621.8"},
            {"Inventions", "609"}, {"Inventors", "609.2"}, {"Computers", "004"}, {"Computer programming", "005.1"},
            {"Engineering", "620"}, {"Bridges", "624.2"}, {"Matter", "530"}, {"Energy", "531.6"},
            {"Electricity", "537"}, {"Magnetism", "538"}, {"Light", "535"}, {"Sound", "534"}, {"Chemistry", "540"},
            {"Mathematics", "510"}, {"Counting", "513.2"}, {"Geometry", "516"}, {"Shapes", "516.15"},
            {"Money", "332.4"}, {"Time", "529"}, {"Colors", "535.6"}, {"Alphabet", "421.1"}, {"Reading", "372.4"},
            {"Spanish language", "468"}, {"Nursery rhymes", "398.8"}, {"Legends", "398.22"}, {"Drawing", "741.2"},
            {"Painting", "751"}, {"Art", "700"}, {"Artists", "709.2"}, {"Music", "780"},
            {"Musical instruments", "784.19"}, {"Dance", "792.8"}, {"Theater", "792"}, {"Olympics", "796.48"},
            {"Swimming", "797.21"}, {"Games", "790"}, {"Handicraft", "745.5"}, {"Knights and knighthood", "940.1"},
            {"Castles", "728.81"}, {"Explorers", "910.92"}, {"Maps", "912"}, {"Egypt -- Civilization", "932"},
            {"Rome -- Civilization", "937"}, {"Middle Ages", "909.07"}, {"Vikings", "948.022"},
            {"Indians of North America", "970.00497"}, {"World War, 1939-1945", "940.53"},
            {"Civil rights movements", "323.1"}, {"African Americans -- History", "973.0496"},
            {"Immigrants", "304.8"}, {"Presidents -- United States", "973.099"}, {"Women -- History", "305.4"},
            {"Slavery", "306.362"}, {"Elections", "324"}, {"Fire fighters", "628.925"}, {"Police", "363.2"},
            {"Bullying", "302.34"}, {"Self-esteem", "155.2"}, {"Kindness", "177.7"}, {"Courage", "179.6"},
            {"Etiquette", "395"}, {"Moving, Household", "648.9"}, {"Cities and towns", "307.76"},
            {"Transportation", "388"}, {"Holidays", "394.26"}, {"Christmas", "394.2663"},
            {"Halloween", "394.2646"}, {"Thanksgiving Day", "394.2649"}, {"Birthdays", "394.2"},
            {"Witches", "133.43"}, {"Superheroes", "741.5"}, {"Survival", "613.69"}, {"Camping", "796.54"},
            {"Environmental protection", "333.72"}, {"Recycling (Waste, etc.)", "363.7282"},
            {"Endangered species", "333.95"}, {"Ecology", "577"}, {"Rocks", "552"}, {"Mountains", "551.432"},
            {"Rivers", "551.48"}, {"Islands", "551.42"}, {"Caves", "551.447"}, {"Occupations", "331.7"},
            {"Time travel", "530.11"}, {"Mermaids", "398.21"}, {"Unicorns", "398.2454"}, {"Fairies", "398.21"},
            {"Extraterrestrial beings", "576.839"}, {"Zombies", "398.21"}, {"Detectives", "363.25"}};

    /** The topic a title names: the heading before its first subdivision, inverted headings put right. */
    static String topic(String heading) {
        String main = heading.contains(" -- ") ? heading.substring(0, heading.indexOf(" -- ")) : heading;
        int comma = main.indexOf(", ");
        return comma < 0 || main.contains("(") ? main.replaceAll(" \\(.*\\)", "")
                : main.substring(comma + 2) + " " + main.substring(0, comma).toLowerCase(Locale.ROOT);
    }

    static final String[] GENRES = {"Fantasy fiction.", "Mystery fiction.", "Adventure fiction.", "Humorous fiction.",
            "Graphic novels.", "Historical fiction.", "Science fiction.", "Realistic fiction.", "Animal fiction.",
            "Fairy tales."};

    static final String[] PLACES = {"United States", "California", "Texas", "New York (State)", "Mexico", "Africa",
            "Canada", "England", "Japan", "China", "Arctic regions", "Antarctica"};

    /** People of juvenile biographies: inverted name as in 600 $a, the name a title uses, dates ($d). */
    static final String[][] PEOPLE = {{"Lincoln, Abraham", "Abraham Lincoln", "1809-1865"},
            {"King, Martin Luther, Jr.", "Martin Luther King, Jr.", "1929-1968"},
            {"Washington, George", "George Washington", "1732-1799"}, {"Parks, Rosa", "Rosa Parks", "1913-2005"},
            {"Tubman, Harriet", "Harriet Tubman", "1822-1913"}, {"Einstein, Albert", "Albert Einstein", "1879-1955"},
            {"Curie, Marie", "Marie Curie", "1867-1934"}, {"Earhart, Amelia", "Amelia Earhart", "1897-1937"},
            {"Franklin, Benjamin", "Benjamin Franklin", "1706-1790"}, {"Keller, Helen", "Helen Keller", "1880-1968"},
            {"Edison, Thomas A.", "Thomas Edison", "1847-1931"}, {"Obama, Barack", "Barack Obama", "1961-"},
            {"Jefferson, Thomas", "Thomas Jefferson", "1743-1826"},
            {"Douglass, Frederick", "Frederick Douglass", "1818-1895"},
            {"Clemente, Roberto", "Roberto Clemente", "1934-1972"},
            {"Robinson, Jackie", "Jackie Robinson", "1919-1972"}, {"Kahlo, Frida", "Frida Kahlo", "1907-1954"},
            {"Chávez, César", "César Chávez", "1927-1993"}, {"Sotomayor, Sonia", "Sonia Sotomayor", "1954-"},
            {"Johnson, Katherine G.", "Katherine Johnson", "1918-2020"},
            {"Armstrong, Neil", "Neil Armstrong", "1930-2012"}, {"Ride, Sally", "Sally Ride", "1951-2012"},
            {"Goodall, Jane", "Jane Goodall", "1934-"}, {"Sacagawea", "Sacagawea", "1786-1812"},
            {"Lewis, John", "John Lewis", "1940-2020"}, {"Yousafzai, Malala", "Malala Yousafzai", "1997-"},
            {"Jobs, Steve", "Steve Jobs", "1955-2011"}, {"Disney, Walt", "Walt Disney", "1901-1966"},
            {"Mozart, Wolfgang Amadeus", "Wolfgang Amadeus Mozart", "1756-1791"},
            {"Gogh, Vincent van", "Vincent van Gogh", "1853-1890"},
            {"Leonardo, da Vinci", "Leonardo da Vinci", "1452-1519"}, {"Frank, Anne", "Anne Frank", "1929-1945"},
            {"Ali, Muhammad", "Muhammad Ali", "1942-2016"}, {"Williams, Serena", "Serena Williams", "1981-"},
            {"Bethune, Mary McLeod", "Mary McLeod Bethune", "1875-1955"},
            {"Carver, George Washington", "George Washington Carver", "1864?-1943"},
            {"Hamilton, Alexander", "Alexander Hamilton", "1757-1804"}, {"Roosevelt, Eleanor", "Eleanor Roosevelt",
            "1884-1962"}, {"Wright, Wilbur", "Wilbur Wright", "1867-1912"}, {"Hopper, Grace Murray", "Grace Hopper",
            "1906-1992"}};

    static final String[] SERIES = {"I can read!", "Who was?", "Step into reading", "A true book",
            "Rookie read-about science", "Let's-read-and-find-out science", "Scholastic reader", "Branches",
            "Magic tree house", "National Geographic kids readers", "Blastoff! readers", "Pebble plus",
            "Science comics", "Choose your own adventure", "Graphic library", "Little people, big dreams",
            "Ready-to-read", "DK readers", "Amazing animals", "Our amazing world", "Time for kids",
            "You wouldn't want to--", "Fact finders", "First facts", "Bright baby"};

    static final String[] PUBLISHERS = {"Scholastic", "Random House", "HarperCollins", "Penguin Young Readers",
            "Simon & Schuster Books for Young Readers", "Candlewick Press", "Little, Brown and Company",
            "Capstone Press", "Lerner Publications", "Chronicle Books", "Holiday House", "Charlesbridge",
            "National Geographic Kids", "DK Publishing", "Bloomsbury", "Disney-Hyperion", "Abrams Books",
            "Lee & Low Books", "Children's Press", "Orca Book Publishers"};
}
