package org.carrel.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the first message key per field while a form is checked (every module's form rules use it). */
public final class Fields {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public void refuse(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
    }

    public boolean ok(String field) {
        return !errors.containsKey(field);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public FormErrors errors() {
        return new FormErrors(errors);
    }

    /** The stripped text, or refuses a blank one as required; null when refused. */
    public String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text == null) {
            refuse(field, "form.required");
        }
        return text;
    }

    /** The stripped text, null when blank; refuses text longer than {@code maxLength}. */
    public String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            refuse(field, "form.tooLong");
        }
        return text;
    }

    /** An ISO date ({@code 2026-08-17}, what a date input sends); null and refused when blank or not a date. */
    public LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            refuse(field, "form.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            refuse(field, "form.date.invalid");
            return null;
        }
    }

    /** An optional ISO date; null when blank, refused when not a date. */
    public LocalDate optionalDate(String field, String value) {
        return value == null || value.isBlank() ? null : date(field, value);
    }

    /** An optional amount of money such as {@code 12.99} (dot decimals, at most two, not negative); null when blank. */
    public BigDecimal money(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip().replaceFirst("^\\$", ""));
            if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 8) {
                refuse(field, "form.money.invalid");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            refuse(field, "form.money.invalid");
            return null;
        }
    }

    /** An optional whole number between {@code min} and {@code max}; null when blank. */
    public Integer whole(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        refuse(field, "form.number.invalid");
        return null;
    }
}
