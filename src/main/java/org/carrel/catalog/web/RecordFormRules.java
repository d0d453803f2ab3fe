package org.carrel.catalog.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.carrel.catalog.marc.BasicDescription;
import org.carrel.catalog.marc.Isbn;
import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/** Checks the simple cataloguing form; pure, so it is tested without Spring. */
final class RecordFormRules {

    /** The description to catalogue, or the field messages; {@code badIsbn} names the first ISBN that is not one. */
    record Checked(BasicDescription description, FormErrors errors, String badIsbn) {
        boolean valid() {
            return !errors.any();
        }
    }

    private RecordFormRules() {
    }

    /** {@code thisYear}: the district's current year; a book may carry next year's date, not later. */
    static Checked check(RecordForm form, int thisYear) {
        Fields fields = new Fields();
        String title = fields.required("title", form.title(), 500);
        String subtitle = fields.optional("subtitle", form.subtitle(), 500);
        String author = fields.optional("author", form.author(), 200);
        List<String> isbns = lines(form.isbns());
        String badIsbn = isbns.stream().filter(isbn -> Isbn.parse(isbn).isEmpty()).findFirst().orElse(null);
        if (badIsbn != null) {
            fields.refuse("isbns", "catalog.record.isbn.invalid");
        } else if (isbns.size() > 20) {
            fields.refuse("isbns", "form.tooLong");
        }
        String publisher = fields.optional("publisher", form.publisher(), 200);
        Integer year = year(fields, form.year(), thisYear);
        List<String> subjects = lines(form.subjects());
        if (subjects.size() > 50 || subjects.stream().anyMatch(subject -> subject.length() > 200)) {
            fields.refuse("subjects", "form.tooLong");
        }
        String summary = fields.optional("summary", form.summary(), 4000);
        String audience = form.audience() == null ? "" : form.audience().strip();
        if (!RecordForm.AUDIENCES.contains(audience)) {
            fields.refuse("audience", "form.choice.invalid");
        }
        String readingLevel = fields.optional("readingLevel", form.readingLevel(), 100);
        String callNumber = fields.optional("callNumber", form.callNumber(), 100);
        String format = form.format() == null || form.format().isBlank() ? "BOOK" : form.format().strip();
        if (!BasicDescription.FORMATS.contains(format)) {
            fields.refuse("format", "form.choice.invalid");
        }
        String language = form.language() == null || form.language().isBlank() ? "eng"
                : form.language().strip().toLowerCase(Locale.ROOT);
        if (!language.matches("[a-z]{3}")) {
            fields.refuse("language", "catalog.record.language.invalid");
        }
        if (fields.any()) {
            return new Checked(null, fields.errors(), badIsbn);
        }
        return new Checked(new BasicDescription(title, subtitle, author, isbns, publisher, year, subjects, summary,
                audience.isEmpty() ? null : audience, readingLevel, callNumber, format, language), FormErrors.NONE,
                null);
    }

    private static Integer year(Fields fields, String value, int thisYear) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{4}")) {
            int year = Integer.parseInt(text);
            if (year >= 1000 && year <= thisYear + 1) {
                return year;
            }
        }
        fields.refuse("year", "catalog.record.year.invalid");
        return null;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\r?\n|\r")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }
}
