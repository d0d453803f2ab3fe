package org.carrel.notifications;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrel.search.GradeBand;

/**
 * A grade or band of grades a teacher follows: {@code 4}, {@code 3-5}, {@code K-2}, {@code PK-K}; PK is -1 and K is
 * 0. A record matches when one of its grade bands (as the catalogue's grade-band filter reads its coded audience,
 * interest level and grade notes) overlaps the grades. A record that gives no level matches no grade band: a teacher
 * who asks for grades 3-5 is not sent adult or high-school titles whose records say nothing.
 */
record GradeRange(int from, int to) {

    private static final Pattern RANGE = Pattern.compile("(PK|K|\\d{1,2})(?:\\s*[-\u2013\u2014]\\s*(PK|K|\\d{1,2}))?",
            Pattern.CASE_INSENSITIVE);
    private static final int NONE = Integer.MIN_VALUE;

    /** The grades typed ({@code "k - 2"}), or why they cannot be read. */
    static Typed<GradeRange> parse(String text) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            return Typed.refused("notices.subscriptions.grades.invalid");
        }
        int from = grade(m.group(1));
        int to = m.group(2) == null ? from : grade(m.group(2));
        if (from == NONE || to == NONE) {
            return Typed.refused("notices.subscriptions.grades.invalid");
        }
        if (from > to) {
            return Typed.refused("notices.subscriptions.grades.order");
        }
        return Typed.ok(new GradeRange(from, to));
    }

    Set<GradeBand> bands() {
        return GradeBand.ofGrades(from, to);
    }

    /** As written back: {@code 4}, {@code 3-5}, {@code K-2}. */
    String text() {
        return from == to ? name(from) : name(from) + "-" + name(to);
    }

    /** PK -1, K 0, 1 to 12; {@link #NONE} for a number that is no grade (0, 13...). */
    private static int grade(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("PK") || upper.equals("K")) {
            return upper.equals("PK") ? -1 : 0;
        }
        int number = Integer.parseInt(upper);
        return number >= 1 && number <= 12 ? number : NONE;
    }

    private static String name(int grade) {
        return grade < 0 ? "PK" : grade == 0 ? "K" : Integer.toString(grade);
    }
}
