package org.carrel.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed, read as the search box promises: words (all must match), {@code "quoted phrases"},
 * {@code OR} between two parts, {@code -word} or {@code NOT word} to exclude, and {@code word*} for words starting
 * with at least three letters. Anything else is read as plain words, so no input is an error: unbalanced quotes close
 * at the end, stray operators and Lucene syntax ({@code * ? ~ ^ : ( ) [ ] { } \ / !}) are ignored.
 */
record UserQuery(List<Clause> clauses) {

    /** Longer input is cut here; a search box never needs more. */
    static final int MAX_LENGTH = 500;
    /** More parts than this are dropped; they would not narrow a catalogue search anyway. */
    static final int MAX_CLAUSES = 32;
    static final int MIN_PREFIX = 3;

    enum Occur { MUST, SHOULD, MUST_NOT }

    /**
     * One part of the query. {@code orWithNext} joins it to the next clause as alternatives; {@code prefix} means
     * the last word matches words starting with it.
     */
    record Clause(String text, boolean phrase, boolean excluded, boolean prefix, boolean orWithNext) {
    }

    boolean isEmpty() {
        return clauses.stream().allMatch(Clause::excluded);
    }

    /** The words and phrases that must or may match, as they would be typed again (for "did you mean"). */
    String positiveText() {
        List<String> parts = new ArrayList<>();
        for (Clause clause : clauses) {
            if (!clause.excluded()) {
                parts.add(clause.phrase() ? '"' + clause.text() + '"' : clause.text() + (clause.prefix() ? "*" : ""));
            }
        }
        return String.join(" ", parts);
    }

    static UserQuery parse(String input) {
        String text = input == null ? "" : input;
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        List<Clause> clauses = new ArrayList<>();
        boolean exclude = false;
        int i = 0;
        while (i < text.length() && clauses.size() < MAX_CLAUSES) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                String phrase = clean(text.substring(i + 1, end < 0 ? text.length() : end));
                i = end < 0 ? text.length() : end + 1;
                if (!phrase.isEmpty()) {
                    clauses.add(new Clause(phrase, phrase.indexOf(' ') > 0, exclude, false, false));
                }
                exclude = false;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (word.equals("OR") && !clauses.isEmpty()) {
                    Clause last = clauses.remove(clauses.size() - 1);
                    clauses.add(new Clause(last.text(), last.phrase(), last.excluded(), last.prefix(), !last.excluded()));
                } else if (word.equals("NOT") || word.equals("-")) {
                    exclude = true;
                } else if (!word.equals("AND")) {
                    boolean minus = word.startsWith("-");
                    boolean prefix = word.endsWith("*");
                    String cleaned = clean(word);
                    if (!cleaned.isEmpty()) {
                        boolean usablePrefix = prefix && cleaned.indexOf(' ') < 0
                                && cleaned.codePointCount(0, cleaned.length()) >= MIN_PREFIX;
                        clauses.add(new Clause(cleaned, false, exclude || minus, usablePrefix, false));
                    }
                    exclude = false;
                }
            }
        }
        return new UserQuery(finishOr(clauses));
    }

    /** An OR with nothing after it joins nothing. */
    private static List<Clause> finishOr(List<Clause> clauses) {
        if (!clauses.isEmpty()) {
            Clause last = clauses.get(clauses.size() - 1);
            if (last.orWithNext()) {
                clauses.set(clauses.size() - 1, new Clause(last.text(), last.phrase(), last.excluded(), last.prefix(),
                        false));
            }
        }
        return List.copyOf(clauses);
    }

    /** Query syntax characters become spaces; letters, digits and word punctuation (' . - &) stay. */
    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean syntax = "*?~^:()[]{}\\/!+\"<>=|".indexOf(c) >= 0 || Character.isISOControl(c);
            out.append(syntax ? ' ' : c);
        }
        String cleaned = out.toString().strip().replaceAll("\\s+", " ");
        while (cleaned.startsWith("-")) {
            cleaned = cleaned.substring(1).strip();
        }
        return cleaned;
    }
}
