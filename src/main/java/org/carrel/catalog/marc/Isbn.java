package org.carrel.catalog.marc;

import java.util.Optional;

/**
 * An ISBN, always held in its 13-digit form so that the ISBN-10 and ISBN-13 printed on one book are one identifier
 * (ISO 2108; a 10-digit ISBN becomes 978 + its first nine digits + a new check digit).
 */
public record Isbn(String isbn13) {

    /** Refuses anything but 13 digits that start 978 or 979 and carry a correct check digit. */
    public Isbn {
        if (!isIsbn13(isbn13)) {
            throw new IllegalArgumentException("not an ISBN-13: " + isbn13);
        }
    }

    /**
     * Reads an ISBN the way catalogers type it in 020 $a: hyphens or spaces between digits, a lower-case x, an
     * {@code ISBN} label, and a trailing qualifier or price ({@code 0439554934 (pbk.)}, {@code 9780439554930 : $8.99}).
     * Empty when the digits are not a valid ISBN-10 or ISBN-13.
     */
    public static Optional<Isbn> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = leadingDigits(raw);
        if (digits.length() == 10 && isIsbn10(digits)) {
            String body = "978" + digits.substring(0, 9);
            return Optional.of(new Isbn(body + isbn13CheckDigit(body)));
        }
        return isIsbn13(digits) ? Optional.of(new Isbn(digits)) : Optional.empty();
    }

    /** The 10-digit form; only ISBNs with the 978 prefix have one. */
    public Optional<String> isbn10() {
        if (!isbn13.startsWith("978")) {
            return Optional.empty();
        }
        String body = isbn13.substring(3, 12);
        int check = (11 - weighted10(body) % 11) % 11;
        return Optional.of(body + (check == 10 ? "X" : Integer.toString(check)));
    }

    @Override
    public String toString() {
        return isbn13;
    }

    /** The digits before the first character that cannot be part of an ISBN; an X only as the last of them. */
    private static String leadingDigits(String raw) {
        String text = raw.strip();
        if (text.regionMatches(true, 0, "ISBN", 0, 4)) {
            text = text.substring(4);
        }
        StringBuilder digits = new StringBuilder(13);
        for (int i = 0; i < text.length() && digits.length() <= 13; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == 'X' || c == 'x') {
                digits.append('X');
                break;
            } else if (c == '-' || c == ' ' || (c == ':' && digits.length() == 0)) {
                continue;
            } else {
                break;
            }
        }
        return digits.toString();
    }

    private static boolean isIsbn10(String digits) {
        if (digits.indexOf('X') >= 0 && digits.indexOf('X') != 9) {
            return false;
        }
        int check = digits.charAt(9) == 'X' ? 10 : digits.charAt(9) - '0';
        return (weighted10(digits.substring(0, 9)) + check) % 11 == 0;
    }

    /** ISBN-10 weights 10 down to 2 over the first nine digits. */
    private static int weighted10(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (10 - i) * (nineDigits.charAt(i) - '0');
        }
        return sum;
    }

    private static boolean isIsbn13(String digits) {
        if (digits == null || digits.length() != 13 || !(digits.startsWith("978") || digits.startsWith("979"))) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return isbn13CheckDigit(digits.substring(0, 12)) == digits.charAt(12) - '0';
    }

    /** ISBN-13 (EAN-13) weights 1 and 3 alternately, modulo 10. */
    private static int isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i % 2 == 0 ? 1 : 3) * (twelveDigits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10;
    }
}
