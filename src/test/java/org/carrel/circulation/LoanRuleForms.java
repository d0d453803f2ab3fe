package org.carrel.circulation;

/**
 * Loan-rule forms for tests, read like sentences: {@code aRule().at(school).forStudents().inGrades("K", "1")
 * .lending(7, "DAYS").build()}. Unset values are those of a valid rule: any patron and item, 14 days, 5 at once,
 * 2 renewals, holds allowed, fine-free.
 */
final class LoanRuleForms {

    private Long id;
    private String school = "";
    private String patronType = "";
    private String lowestGrade = "";
    private String highestGrade = "";
    private String itemType = "";
    private String periodKind = "DAYS";
    private String periodLength = "14";
    private String fixedDate = "";
    private String maxLoans = "5";
    private String maxRenewals = "2";
    private String holdsAllowed = "true";
    private String dailyFine = "";
    private String fineCap = "";
    private Long version;

    private LoanRuleForms() {
    }

    static LoanRuleForms aRule() {
        return new LoanRuleForms();
    }

    /** The saved rule's values, to change some of them. */
    static LoanRuleForms aRuleLike(LoanRule rule) {
        LoanRuleForm form = LoanRuleForm.of(rule);
        LoanRuleForms b = new LoanRuleForms();
        b.id = form.id();
        b.school = form.school();
        b.patronType = form.patronType();
        b.lowestGrade = form.lowestGrade();
        b.highestGrade = form.highestGrade();
        b.itemType = form.itemType();
        b.periodKind = form.periodKind();
        b.periodLength = form.periodLength();
        b.fixedDate = form.fixedDate();
        b.maxLoans = form.maxLoans();
        b.maxRenewals = form.maxRenewals();
        b.holdsAllowed = form.holdsAllowed();
        b.dailyFine = form.dailyFine();
        b.fineCap = form.fineCap();
        b.version = form.version();
        return b;
    }

    LoanRuleForms at(Object schoolId) {
        school = schoolId == null ? "" : schoolId.toString();
        return this;
    }

    LoanRuleForms districtWide() {
        return at(null);
    }

    LoanRuleForms forStudents() {
        return forPatrons("STUDENT");
    }

    LoanRuleForms forPatrons(String type) {
        patronType = type;
        return this;
    }

    LoanRuleForms inGrades(String lowest, String highest) {
        lowestGrade = lowest;
        highestGrade = highest;
        return this;
    }

    LoanRuleForms of(String type) {
        itemType = type;
        return this;
    }

    LoanRuleForms lending(String length, String kind) {
        periodLength = length;
        periodKind = kind;
        return this;
    }

    LoanRuleForms until(String day) {
        periodKind = "FIXED_DATE";
        periodLength = "";
        fixedDate = day;
        return this;
    }

    LoanRuleForms withFixedDate(String day) {
        fixedDate = day;
        return this;
    }

    LoanRuleForms atMost(String loans, String renewals) {
        maxLoans = loans;
        maxRenewals = renewals;
        return this;
    }

    LoanRuleForms withoutHolds() {
        holdsAllowed = "";
        return this;
    }

    LoanRuleForms fined(String perDay, String cap) {
        dailyFine = perDay;
        fineCap = cap;
        return this;
    }

    LoanRuleForms version(Long seen) {
        version = seen;
        return this;
    }

    LoanRuleForm build() {
        return new LoanRuleForm(id, school, patronType, lowestGrade, highestGrade, itemType, periodKind, periodLength,
                fixedDate, maxLoans, maxRenewals, holdsAllowed, dailyFine, fineCap, version);
    }
}
