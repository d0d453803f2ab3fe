package org.carrel.catalog.marc;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;

/**
 * Shelf order for school-library call numbers, as a sort key that orders with plain {@link String#compareTo} and with
 * {@code order by} on a varchar column.
 *
 * <p>Sections shelve apart and never interleave, in this order: {@code REF} (reference), Dewey 000-999,
 * {@code B}/{@code BIO}/{@code 92} (biography, by the subject's name), {@code FIC}/{@code F} (fiction), {@code SC}
 * (story collections), {@code E}/{@code EASY}/{@code E FIC} (everybody books), {@code J}/{@code JUV} (juvenile),
 * {@code YA} (young adult), {@code GN}/{@code GRAPHIC} (graphic novels), then any other alphabetic prefix as its own
 * section in alphabetical order ({@code PROF}, {@code ER}, and LC classes such as {@code PS}), then the media:
 * {@code DVD}, {@code CD}, {@code AB}/{@code AUDIO}, {@code EQUIP}. Blank call numbers come last.
 *
 * <p>Prefixes other than fiction and story collections hold a whole call number inside them, sorted by the same rules:
 * {@code REF 030 WOR} is Dewey inside reference, {@code J FIC SMI} is fiction inside juvenile. Inside a prefix, bare
 * letters shelve as fiction, so {@code E SMI} and {@code E FIC SMI} sort together.
 *
 * <p>Inside a section: the Dewey class number digit by digit as a decimal ({@code 398.2 < 398.209 < 398.21});
 * letters alphabetically, ignoring case, accents and spacing; numbers standing alone ({@code v.2}, {@code c.10},
 * {@code SMI 2}, years) by value; digits written straight after letters ({@code S65}) as a Cutter decimal.
 *
 * <p>The key uses only {@code 0-9} and {@code A-Z} and no space or punctuation: collations such as PostgreSQL's
 * {@code en_US} skip spaces and punctuation at the first level, but every collation puts digits before letters and
 * compares upper-case letters alphabetically, so the key orders the same in H2, PostgreSQL "C" and en_US. Each word
 * ends with {@code 0}, which sorts before any letter, so {@code ROW} shelves before {@code ROWLING}; a number is its
 * digit count followed by its digits. Keys are at most {@value #MAX_LENGTH} characters.
 */
public final class CallNumbers {

    /** Keys are cut here; call numbers that agree this far are shelved as equal. */
    public static final int MAX_LENGTH = 200;

    private static final char REFERENCE = 'A';
    private static final char DEWEY = 'B';
    private static final char BIOGRAPHY = 'C';
    private static final char FICTION = 'D';
    private static final char OTHER_PREFIX = 'J';
    private static final String BLANK = "Z";
    private static final char END_OF_WORD = '0';
    private static final int LONGEST_NUMBER = 9;

    /** Prefix word to its section letter; upper-case letters give the section its place among the others. */
    private static final Map<String, Character> SECTIONS = Map.ofEntries(
            Map.entry("REF", REFERENCE), Map.entry("B", BIOGRAPHY), Map.entry("BIO", BIOGRAPHY),
            Map.entry("BIOGRAPHY", BIOGRAPHY), Map.entry("FIC", FICTION), Map.entry("F", FICTION),
            Map.entry("FICTION", FICTION), Map.entry("SC", 'E'), Map.entry("E", 'F'), Map.entry("EASY", 'F'),
            Map.entry("J", 'G'), Map.entry("JUV", 'G'), Map.entry("YA", 'H'), Map.entry("GN", 'I'),
            Map.entry("GRAPHIC", 'I'), Map.entry("DVD", 'K'), Map.entry("CD", 'L'), Map.entry("AB", 'M'),
            Map.entry("AUDIO", 'M'), Map.entry("EQUIP", 'N'));
    /** Fiction and story collections hold authors and titles only, never a nested call number. */
    private static final Set<Character> WORDS_ONLY = Set.of(FICTION, 'E');
    /** Words after a prefix that only repeat it: {@code GRAPHIC NOVEL}. */
    private static final Set<String> NOISE = Set.of("NOVEL", "NOVELS");
    /** Captions whose digits count volumes or copies, even when written without a stop ({@code v2}, {@code c10}). */
    private static final Set<String> CAPTIONS = Set.of("V", "VOL", "C", "COP", "NO", "PT", "BK", "BOOK", "DISC");

    private CallNumbers() {
    }

    /** The shelf-order key of a call number; never fails, and blank or null sorts after everything. */
    public static String sortKey(String callNumber) {
        if (callNumber == null) {
            return BLANK;
        }
        String text = fold(callNumber.length() > 4 * MAX_LENGTH ? callNumber.substring(0, 4 * MAX_LENGTH)
                : callNumber);
        StringBuilder key = new StringBuilder(48);
        section(text, skipSeparators(text, 0), false, key);
        if (key.length() == 0) {
            return BLANK;
        }
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key.toString();
    }

    /** Upper case, accents removed; anything else outside ASCII letters and digits becomes a space. */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char upper = Character.toUpperCase(c);
            boolean kept = (upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9') || upper == '.'
                    || upper == '/' || upper == '\'';
            folded.append(kept ? upper : ' ');
        }
        return folded.toString();
    }

    /** One call number from {@code at}: its section letter, then what the section holds. */
    private static void section(String text, int at, boolean nested, StringBuilder key) {
        if (at >= text.length() || key.length() >= MAX_LENGTH) {
            return;
        }
        if (isDigit(text.charAt(at))) {
            classNumber(text, at, key);
            return;
        }
        if (!isLetter(text.charAt(at))) {
            words(text, at, key);
            return;
        }
        int end = endOfLetters(text, at);
        String word = text.substring(at, end);
        Character section = SECTIONS.get(word);
        if (section == null && nested) {
            key.append(FICTION);
            words(text, at, key);
        } else if (section == null) {
            key.append(OTHER_PREFIX).append(word, 0, Math.min(word.length(), 40)).append(END_OF_WORD);
            section(text, skipSeparators(text, end), true, key);
        } else if (WORDS_ONLY.contains(section)) {
            key.append(section.charValue());
            words(text, end, key);
        } else {
            key.append(section.charValue());
            int next = skipSeparators(text, end);
            int nextEnd = next < text.length() && isLetter(text.charAt(next)) ? endOfLetters(text, next) : next;
            if (nextEnd > next && NOISE.contains(text.substring(next, nextEnd))) {
                next = skipSeparators(text, nextEnd);
            }
            section(text, next, true, key);
        }
    }

    /**
     * A call number that starts with digits: up to three are a Dewey class, read as a decimal; {@code 92} alone is
     * the schools' short form for individual biography; more digits are no Dewey number and shelve with the other
     * prefixes, by value.
     */
    private static void classNumber(String text, int at, StringBuilder key) {
        int end = endOfDigits(text, at);
        boolean alone = end >= text.length() || text.charAt(end) != '.';
        if (end - at == 2 && alone && text.startsWith("92", at)) {
            key.append(BIOGRAPHY);
            section(text, skipSeparators(text, end), true, key);
            return;
        }
        if (end - at > 3) {
            key.append(OTHER_PREFIX).append(END_OF_WORD);
            words(text, at, key);
            return;
        }
        key.append(DEWEY);
        for (int pad = end - at; pad < 3; pad++) {
            key.append('0');
        }
        key.append(text, at, end);
        int next = end;
        if (next < text.length() && text.charAt(next) == '.') {
            next = decimals(text, next + 1, key);
        }
        key.append(END_OF_WORD);
        words(text, next, key);
    }

    /**
     * The digits after a Dewey point, each moved up one character so that the end mark {@code 0} sorts before them
     * and a shorter decimal before a longer one. Segmentation marks ({@code /}, {@code '}) are skipped: 794.1/22 is
     * 794.122. Trailing zeros say nothing, so 398.20 is 398.2.
     */
    private static int decimals(String text, int at, StringBuilder key) {
        int start = key.length();
        int i = at;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                key.append(shifted(c));
            } else if (c != '/' && c != '\'') {
                break;
            }
        }
        while (key.length() > start && key.charAt(key.length() - 1) == shifted('0')) {
            key.setLength(key.length() - 1);
        }
        return i;
    }

    /** Author letters, titles, Cutter numbers, volumes, copies and years, in the order written. */
    private static void words(String text, int at, StringBuilder key) {
        int i = at;
        while (i < text.length() && key.length() < MAX_LENGTH) {
            char c = text.charAt(i);
            if (isLetter(c)) {
                int end = endOfLetters(text, i);
                key.append(text, i, Math.min(end, i + 40)).append(END_OF_WORD);
                if (end < text.length() && isDigit(text.charAt(end)) && !CAPTIONS.contains(text.substring(i, end))) {
                    int digitsEnd = endOfDigits(text, end);
                    for (int d = end; d < digitsEnd; d++) {
                        key.append(shifted(text.charAt(d)));
                    }
                    key.append(END_OF_WORD);
                    end = digitsEnd;
                }
                i = end;
            } else if (isDigit(c)) {
                int end = endOfDigits(text, i);
                number(text, i, end, key);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** A whole number by value: its digit count, then its digits; absurdly long numbers count as the largest. */
    private static void number(String text, int at, int end, StringBuilder key) {
        int start = at;
        while (start < end - 1 && text.charAt(start) == '0') {
            start++;
        }
        if (end - start > LONGEST_NUMBER) {
            key.append((char) ('0' + LONGEST_NUMBER)).append("9".repeat(LONGEST_NUMBER));
        } else {
            key.append((char) ('0' + end - start)).append(text, start, end);
        }
    }

    /** A decimal digit moved up one character: 0-8 become 1-9 and 9 becomes A. */
    private static char shifted(char digit) {
        return digit == '9' ? 'A' : (char) (digit + 1);
    }

    private static int skipSeparators(String text, int at) {
        int i = at;
        while (i < text.length() && !isLetter(text.charAt(i)) && !isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfLetters(String text, int at) {
        int i = at;
        while (i < text.length() && isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfDigits(String text, int at) {
        int i = at;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
