package org.carrel.circulation;

import java.math.BigDecimal;

/**
 * A loan rule as typed on the form; every value is text and checked by {@link LoanRules#save}. Blank criteria match
 * anything: {@code school} (a school id; blank: district-wide), {@code patronType}, the grade band
 * {@code lowestGrade}..{@code highestGrade} (PK, K, 1..12; one of them alone is a one-grade band) and
 * {@code itemType}. {@code periodLength} goes with days, school days and hours, {@code fixedDate} (ISO) with a fixed
 * date. {@code dailyFine} blank: fine-free. {@code holdsAllowed} is {@code true} when ticked. {@code id} is null for
 * a new rule; {@code version} is the version the editor saw.
 */
public record LoanRuleForm(Long id, String school, String patronType, String lowestGrade, String highestGrade,
                           String itemType, String periodKind, String periodLength, String fixedDate,
                           String maxLoans, String maxRenewals, String holdsAllowed, String dailyFine, String fineCap,
                           Long version) {

    /** A new rule for the school (null: district-wide) with the district default's usual values. */
    public static LoanRuleForm empty(Long schoolId) {
        return new LoanRuleForm(null, schoolId == null ? "" : schoolId.toString(), "", "", "", "",
                LoanPeriod.Kind.DAYS.name(), "14", "", "5", "2", "true", "", "", null);
    }

    /** The form showing a saved rule. */
    public static LoanRuleForm of(LoanRule rule) {
        return new LoanRuleForm(rule.id(), text(rule.schoolId()),
                rule.patronType() == null ? "" : rule.patronType().name(),
                rule.lowestGrade() == null ? "" : rule.lowestGrade().label(),
                rule.highestGrade() == null ? "" : rule.highestGrade().label(),
                rule.itemType() == null ? "" : rule.itemType().name(), rule.period().kind().name(),
                text(rule.period().length()), text(rule.period().fixedDate()), String.valueOf(rule.maxLoans()),
                String.valueOf(rule.maxRenewals()), rule.holdsAllowed() ? "true" : "", money(rule.dailyFine()),
                money(rule.fineCap()), rule.version());
    }

    /** This form for the rule with {@code id} (the id in a page's address wins over one sent in the form). */
    public LoanRuleForm withId(Long ruleId) {
        return new LoanRuleForm(ruleId, school, patronType, lowestGrade, highestGrade, itemType, periodKind,
                periodLength, fixedDate, maxLoans, maxRenewals, holdsAllowed, dailyFine, fineCap, version);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
