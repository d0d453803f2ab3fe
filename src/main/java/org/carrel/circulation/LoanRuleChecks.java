package org.carrel.circulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;
import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/**
 * What a loan rule typed on the form must satisfy, field by field (message keys {@code circulation.rule.*}). Pure:
 * the facade passes today, which schools exist and which the editor may change. Duplicate criteria and the district
 * default's criteria are the facade's checks, since they need the other rules.
 */
final class LoanRuleChecks {

    static final int MAX_DAYS = 365;
    static final int MAX_SCHOOL_DAYS = 200;
    static final int MAX_HOURS = 168;
    static final int MAX_LOANS = 10_000;
    static final int MAX_RENEWALS = 99;
    /** Below the columns' bounds: numeric(6, 2) for the daily fine and numeric(8, 2) for the cap. */
    static final BigDecimal MAX_DAILY_FINE = new BigDecimal("1000");
    static final BigDecimal MAX_FINE_CAP = new BigDecimal("100000");

    /** A checked rule (id 0 when new), or the errors. */
    record Checked(LoanRule rule, FormErrors errors) {
    }

    private LoanRuleChecks() {
    }

    /**
     * @param schoolExists   whether a school id is a school of the district
     * @param editorMayEdit  whether the editor may change rules of a school (null: district-wide rules)
     */
    static Checked check(LoanRuleForm form, LocalDate today, LongPredicate schoolExists,
                         Predicate<Long> editorMayEdit) {
        Fields fields = new Fields();
        Long schoolId = school(fields, form.school(), schoolExists, editorMayEdit);
        PatronType patronType = choice(fields, "patronType", form.patronType(), PatronType.class);
        ItemType itemType = choice(fields, "itemType", form.itemType(), ItemType.class);
        Grade lowest = grade(fields, "lowestGrade", form.lowestGrade());
        Grade highest = grade(fields, "highestGrade", form.highestGrade());
        if (fields.ok("lowestGrade") && fields.ok("highestGrade")) {
            lowest = lowest == null ? highest : lowest;
            highest = highest == null ? lowest : highest;
            if (lowest != null && lowest.compareTo(highest) > 0) {
                fields.refuse("highestGrade", "circulation.rule.grades.order");
            }
            if (lowest != null && patronType != PatronType.STUDENT && fields.ok("patronType")) {
                fields.refuse("lowestGrade", "circulation.rule.grades.studentsOnly");
            }
        }
        LoanPeriod period = period(fields, form, today);
        Integer maxLoans = count(fields, "maxLoans", form.maxLoans(), MAX_LOANS);
        Integer maxRenewals = count(fields, "maxRenewals", form.maxRenewals(), MAX_RENEWALS);
        BigDecimal[] fine = fines(fields, form.dailyFine(), form.fineCap());
        if (fields.any()) {
            return new Checked(null, fields.errors());
        }
        return new Checked(new LoanRule(form.id() == null ? 0 : form.id(), schoolId, patronType, lowest, highest,
                itemType, period, maxLoans, maxRenewals, "true".equals(form.holdsAllowed()), fine[0], fine[1],
                form.version() == null ? -1 : form.version()), FormErrors.NONE);
    }

    /** Whether two rules have the same criteria (what {@code loan_rule_criteria_unique} means, nulls equal). */
    static boolean sameCriteria(LoanRule a, LoanRule b) {
        return java.util.Objects.equals(a.schoolId(), b.schoolId()) && a.patronType() == b.patronType()
                && java.util.Objects.equals(a.lowestGrade(), b.lowestGrade())
                && java.util.Objects.equals(a.highestGrade(), b.highestGrade()) && a.itemType() == b.itemType();
    }

    private static Long school(Fields fields, String value, LongPredicate exists, Predicate<Long> mayEdit) {
        Long schoolId = null;
        if (value != null && !value.isBlank()) {
            try {
                schoolId = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                fields.refuse("school", "circulation.rule.school.unknown");
                return null;
            }
            if (!exists.test(schoolId)) {
                fields.refuse("school", "circulation.rule.school.unknown");
                return null;
            }
        }
        if (!mayEdit.test(schoolId)) {
            fields.refuse("school", schoolId == null ? "circulation.rule.districtOnly"
                    : "circulation.rule.notYourSchool");
        }
        return schoolId;
    }

    private static <E extends Enum<E>> E choice(Fields fields, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.refuse(field, "form.choice.invalid");
            return null;
        }
    }

    private static Grade grade(Fields fields, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Grade grade = Grade.parse(value).orElse(null);
        if (grade == null) {
            fields.refuse(field, "circulation.rule.grade.invalid");
        }
        return grade;
    }

    /** The period: its kind, with a length (in range) only for counted kinds and a date only for a fixed date. */
    private static LoanPeriod period(Fields fields, LoanRuleForm form, LocalDate today) {
        LoanPeriod.Kind kind = choice(fields, "periodKind", form.periodKind(), LoanPeriod.Kind.class);
        if (kind == null) {
            fields.refuse("periodKind", "form.choice.invalid");
            return null;
        }
        boolean hasLength = form.periodLength() != null && !form.periodLength().isBlank();
        boolean hasDate = form.fixedDate() != null && !form.fixedDate().isBlank();
        switch (kind) {
            case DAYS:
            case SCHOOL_DAYS:
            case HOURS: {
                if (hasDate) {
                    fields.refuse("fixedDate", "circulation.rule.fixedDate.unused");
                }
                Integer length = lengthOf(form.periodLength(), maxLength(kind));
                if (length == null) {
                    fields.refuse("periodLength", "circulation.rule.length." + kind.name());
                    return null;
                }
                return hasDate ? null : new LoanPeriod(kind, length, null);
            }
            case FIXED_DATE: {
                if (hasLength) {
                    fields.refuse("periodLength", "circulation.rule.length.unused");
                }
                LocalDate day = fields.date("fixedDate", form.fixedDate());
                if (day != null && day.isBefore(today)) {
                    fields.refuse("fixedDate", "circulation.rule.fixedDate.past");
                }
                return fields.ok("fixedDate") && !hasLength ? LoanPeriod.until(day) : null;
            }
            default:
                if (hasLength) {
                    fields.refuse("periodLength", "circulation.rule.length.unused");
                }
                if (hasDate) {
                    fields.refuse("fixedDate", "circulation.rule.fixedDate.unused");
                }
                return LoanPeriod.termEnd();
        }
    }

    static int maxLength(LoanPeriod.Kind kind) {
        return kind == LoanPeriod.Kind.HOURS ? MAX_HOURS : kind == LoanPeriod.Kind.SCHOOL_DAYS ? MAX_SCHOOL_DAYS
                : MAX_DAYS;
    }

    private static Integer lengthOf(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int length = Integer.parseInt(value.strip());
            return length >= 1 && length <= max ? length : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A required count from 0 to {@code max}; a negative one has its own message. */
    private static Integer count(Fields fields, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            fields.refuse(field, "form.required");
            return null;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count < 0) {
                fields.refuse(field, "circulation.rule.limit.negative");
                return null;
            }
            if (count <= max) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        fields.refuse(field, "form.number.invalid");
        return null;
    }

    /** The daily fine (blank: fine-free) and its cap; a cap needs a fine and is at least one day's fine. */
    private static BigDecimal[] fines(Fields fields, String dailyFine, String fineCap) {
        BigDecimal fine = fields.money("dailyFine", dailyFine);
        BigDecimal cap = fields.money("fineCap", fineCap);
        if (fine != null && fine.signum() == 0) {
            fields.refuse("dailyFine", "circulation.rule.fine.positive");
        } else if (fine != null && fine.compareTo(MAX_DAILY_FINE) > 0) {
            fields.refuse("dailyFine", "circulation.rule.fine.tooHigh");
        }
        if (cap != null && cap.compareTo(MAX_FINE_CAP) > 0) {
            fields.refuse("fineCap", "circulation.rule.fine.tooHigh");
        } else if (cap != null && fine == null && fields.ok("dailyFine")) {
            fields.refuse("fineCap", "circulation.rule.fine.capWithoutFine");
        } else if (cap != null && fine != null && cap.compareTo(fine) < 0) {
            fields.refuse("fineCap", "circulation.rule.fine.capBelowFine");
        }
        return new BigDecimal[] {fine, cap};
    }
}
