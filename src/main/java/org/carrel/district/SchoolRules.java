package org.carrel.district;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/** The rules a school form must meet before anything is saved; pure, so they are tested without a database. */
final class SchoolRules {

    /** 2 to 12 letters, digits or dashes, stored upper-case: short enough for spine labels and barcodes. */
    static final Pattern SCHOOL_CODE = Pattern.compile("[A-Z0-9-]{2,12}");
    /** Location codes are shorter still: 1 to 12 of the same characters. */
    static final Pattern LOCATION_CODE = Pattern.compile("[A-Z0-9-]{1,12}");

    /** A checked form: the values to store, or the field messages. */
    record Checked<T>(T values, FormErrors errors) {
        boolean valid() {
            return !errors.any();
        }
    }

    private SchoolRules() {
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    static Checked<SchoolStore.SchoolValues> check(SchoolForm form) {
        Fields fields = new Fields();
        String code = normaliseCode(form.code());
        if (code.isEmpty()) {
            fields.refuse("code", "form.required");
        } else if (!SCHOOL_CODE.matcher(code).matches()) {
            fields.refuse("code", "district.school.code.invalid");
        }
        String name = fields.required("name", form.name(), 200);
        Optional<Grade> lowest = grade(fields, "lowestGrade", form.lowestGrade());
        Optional<Grade> highest = grade(fields, "highestGrade", form.highestGrade());
        if (lowest.isPresent() && highest.isPresent() && lowest.get().compareTo(highest.get()) > 0) {
            fields.refuse("highestGrade", "district.school.gradeSpan.invalid");
        }
        SchoolLevel level = level(fields, form.level());
        String line1 = fields.optional("addressLine1", form.addressLine1(), 200);
        String line2 = fields.optional("addressLine2", form.addressLine2(), 200);
        String city = fields.optional("city", form.city(), 100);
        String region = fields.optional("region", form.region(), 100);
        String postal = fields.optional("postalCode", form.postalCode(), 20);
        if (fields.any()) {
            return new Checked<>(null, fields.errors());
        }
        return new Checked<>(new SchoolStore.SchoolValues(code, name, lowest.get(), highest.get(), level, line1, line2,
                city, region, postal), FormErrors.NONE);
    }

    private static Optional<Grade> grade(Fields fields, String field, String text) {
        if (text == null || text.isBlank()) {
            fields.refuse(field, "form.required");
            return Optional.empty();
        }
        Optional<Grade> grade = Grade.parse(text);
        if (grade.isEmpty()) {
            fields.refuse(field, "district.school.grade.invalid");
        }
        return grade;
    }

    private static SchoolLevel level(Fields fields, String text) {
        if (text == null || text.isBlank()) {
            return SchoolLevel.OTHER;
        }
        try {
            return SchoolLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.refuse("level", "district.school.level.invalid");
            return null;
        }
    }

    /** A location's values: code, name and sort order ({@code null} when blank: the facade puts it last). */
    record LocationValues(String code, String name, Integer sortOrder) {
    }

    static Checked<LocationValues> check(LocationForm form) {
        Fields fields = new Fields();
        String code = normaliseCode(form.code());
        if (code.isEmpty()) {
            fields.refuse("code", "form.required");
        } else if (!LOCATION_CODE.matcher(code).matches()) {
            fields.refuse("code", "district.location.code.invalid");
        }
        String name = fields.required("name", form.name(), 100);
        Integer sortOrder = null;
        if (form.sortOrder() != null && !form.sortOrder().isBlank()) {
            try {
                sortOrder = Integer.valueOf(form.sortOrder().strip());
                if (sortOrder < 0 || sortOrder > 100_000) {
                    fields.refuse("sortOrder", "district.location.sortOrder.invalid");
                }
            } catch (NumberFormatException e) {
                fields.refuse("sortOrder", "district.location.sortOrder.invalid");
            }
        }
        return fields.any() ? new Checked<>(null, fields.errors())
                : new Checked<>(new LocationValues(code, name, sortOrder), FormErrors.NONE);
    }
}
