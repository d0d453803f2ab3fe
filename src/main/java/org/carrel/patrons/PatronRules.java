package org.carrel.patrons;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.carrel.district.Grade;
import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/** The rules a patron form must meet before anything is saved; pure, so they are tested without a database. */
final class PatronRules {

    /** Letters, digits and {@code - . /}, stored upper-case: what Code 39 and Code 128 cards print and scan. */
    static final Pattern BARCODE = Pattern.compile("[A-Z0-9./-]{1,40}");
    /** Barcodes of erased patrons: this prefix and the patron's id; refused on the form, so never taken. */
    static final String ERASED_PREFIX = "ERASED-";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The values to store, once checked; the school is still a code or id to resolve. */
    record Values(PatronType type, String givenName, String familyName, String preferredName, String school,
                  String barcode, String studentNumber, Grade grade, String homeroom, Integer graduationYear,
                  String email, String preferredLanguage, boolean keepHistory, String notes, String account) {
    }

    record Checked(Values values, FormErrors errors) {
        boolean valid() {
            return !errors.any();
        }
    }

    private PatronRules() {
    }

    static String normaliseBarcode(String barcode) {
        return barcode == null ? "" : barcode.strip().toUpperCase(Locale.ROOT);
    }

    static Checked check(PatronForm form) {
        Fields fields = new Fields();
        PatronType type = type(fields, form.type());
        String given = fields.required("givenName", form.givenName(), 100);
        String family = fields.required("familyName", form.familyName(), 100);
        String preferred = fields.optional("preferredName", form.preferredName(), 100);
        String school = fields.required("school", form.school(), 40);
        String barcode = normaliseBarcode(form.barcode());
        if (!barcode.isEmpty() && !BARCODE.matcher(barcode).matches()) {
            fields.refuse("barcode", "patrons.barcode.invalid");
        } else if (barcode.startsWith(ERASED_PREFIX)) {
            fields.refuse("barcode", "patrons.barcode.reserved");
        }
        boolean student = type == PatronType.STUDENT;
        String studentNumber = student ? upper(fields.optional("studentNumber", form.studentNumber(), 40)) : null;
        Grade grade = null;
        if (student) {
            Optional<Grade> parsed = Grade.parse(form.grade());
            if (form.grade() == null || form.grade().isBlank()) {
                fields.refuse("grade", "form.required");
            } else if (parsed.isEmpty()) {
                fields.refuse("grade", "patrons.grade.invalid");
            } else {
                grade = parsed.get();
            }
        }
        String homeroom = student || type == PatronType.TEACHER
                ? fields.optional("homeroom", form.homeroom(), 100) : null;
        Integer graduation = student ? fields.whole("graduationYear", form.graduationYear(), 1950, 2200) : null;
        String email = fields.optional("email", form.email(), 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            fields.refuse("email", "patrons.email.invalid");
        }
        String language = form.preferredLanguage() == null || form.preferredLanguage().isBlank() ? "en"
                : form.preferredLanguage().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("es")) {
            fields.refuse("preferredLanguage", "patrons.language.invalid");
        }
        boolean keepHistory = "true".equalsIgnoreCase(strip(form.keepHistory()))
                || "on".equalsIgnoreCase(strip(form.keepHistory()));
        String notes = fields.optional("notes", form.notes(), 2000);
        String account = fields.optional("account", form.account(), 100);
        if (fields.any()) {
            return new Checked(null, fields.errors());
        }
        return new Checked(new Values(type, given, family, preferred, school, barcode.isEmpty() ? null : barcode,
                studentNumber, grade, homeroom, graduation, email, language, keepHistory, notes,
                account == null ? null : account.toLowerCase(Locale.ROOT)), FormErrors.NONE);
    }

    private static PatronType type(Fields fields, String text) {
        if (text == null || text.isBlank()) {
            fields.refuse("type", "form.required");
            return null;
        }
        try {
            return PatronType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.refuse("type", "patrons.type.invalid");
            return null;
        }
    }

    /** Student numbers are compared without case, so kept upper-case like barcodes. */
    static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
