package org.carrel.district;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrel.shared.FormErrors;

/** Collects the first message key per field while a form is checked. */
final class Fields {

    private final Map<String, String> errors = new LinkedHashMap<>();

    void refuse(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
    }

    boolean ok(String field) {
        return !errors.containsKey(field);
    }

    boolean any() {
        return !errors.isEmpty();
    }

    FormErrors errors() {
        return new FormErrors(errors);
    }

    /** The stripped text, or refuses a blank one as required; null when refused. */
    String required(String field, String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text == null) {
            refuse(field, "form.required");
        }
        return text;
    }

    /** The stripped text, null when blank; refuses text longer than {@code maxLength}. */
    String optional(String field, String value, int maxLength) {
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
    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            refuse(field, "form.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            refuse(field, "district.date.invalid");
            return null;
        }
    }
}
