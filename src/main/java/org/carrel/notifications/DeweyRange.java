package org.carrel.notifications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dewey class or range a teacher follows: {@code 598.2} (the class and its subdivisions: 598.2, 598.29, not
 * 598.3) or {@code 590-599} (every number from 590 through 599 and its subdivisions, 599.9 included). Dewey numbers
 * have three digits before the point, so comparing their digits as text compares the numbers.
 */
record DeweyRange(String from, String to) {

    private static final Pattern RANGE = Pattern.compile("(\\d{3}(?:\\.\\d{1,12})?)(?:\\s*[-\u2013\u2014]\\s*"
            + "(\\d{3}(?:\\.\\d{1,12})?))?");

    /** The range typed ({@code " 590 - 599 "}), or why it cannot be read. */
    static Typed<DeweyRange> parse(String text) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            return Typed.refused("notices.subscriptions.dewey.invalid");
        }
        String from = trimmed(m.group(1));
        String to = m.group(2) == null ? from : trimmed(m.group(2));
        if (digits(from).compareTo(digits(to)) > 0) {
            return Typed.refused("notices.subscriptions.dewey.order");
        }
        return Typed.ok(new DeweyRange(from, to));
    }

    /** Whether a Dewey number ({@code 598.29}, as {@code RecordProfile} reads a call number) is in the range. */
    boolean contains(String dewey) {
        if (dewey == null) {
            return false;
        }
        String number = digits(dewey);
        String low = digits(from);
        String high = digits(to);
        return number.compareTo(low) >= 0 && (number.compareTo(high) <= 0 || number.startsWith(high));
    }

    /** As written back: {@code 598.2} or {@code 590-599}. */
    String text() {
        return from.equals(to) ? from : from + "-" + to;
    }

    private static String digits(String dewey) {
        return dewey.replace(".", "");
    }

    /** {@code 598.20} and {@code 598.} are {@code 598.2} and {@code 598}. */
    private static String trimmed(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String trimmed = number.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
