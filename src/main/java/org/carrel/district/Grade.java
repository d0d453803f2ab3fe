package org.carrel.district;

import java.util.Locale;
import java.util.Optional;

/**
 * A grade level as US schools name them: PK (pre-kindergarten), K, then 1 to 12. Stored as an integer so spans
 * compare: PK is -1, K is 0.
 */
public record Grade(int value) implements Comparable<Grade> {

    public static final Grade PRE_K = new Grade(-1);
    public static final Grade KINDERGARTEN = new Grade(0);

    public Grade {
        if (value < -1 || value > 12) {
            throw new IllegalArgumentException("no grade " + value + "; grades run from -1 (PK) to 12");
        }
    }

    public static Grade of(int value) {
        return new Grade(value);
    }

    /** Parses {@code PK}, {@code K} or {@code 1}..{@code 12} (case and surrounding spaces ignored); empty otherwise. */
    public static Optional<Grade> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String label = text.strip().toUpperCase(Locale.ROOT);
        if (label.equals("PK")) {
            return Optional.of(PRE_K);
        }
        if (label.equals("K")) {
            return Optional.of(KINDERGARTEN);
        }
        if (!label.matches("[0-9]{1,2}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(label);
        return number >= 1 && number <= 12 ? Optional.of(new Grade(number)) : Optional.empty();
    }

    /** {@code PK}, {@code K}, {@code 1}..{@code 12}. */
    public String label() {
        return value == -1 ? "PK" : value == 0 ? "K" : String.valueOf(value);
    }

    @Override
    public int compareTo(Grade other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return label();
    }
}
