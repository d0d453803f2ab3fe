package org.carrel.circulation;

import java.math.BigDecimal;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;

/**
 * One line of the loan-rule matrix. A null criterion ({@code schoolId}, {@code patronType}, the grade band
 * {@code lowestGrade}..{@code highestGrade}, {@code itemType}) matches anything; the rule with none is the district
 * default. {@code maxLoans} 0 means not for loan; {@code dailyFine} null means fine-free (the default).
 */
public record LoanRule(long id, Long schoolId, PatronType patronType, Grade lowestGrade, Grade highestGrade,
                       ItemType itemType, LoanPeriod period, int maxLoans, int maxRenewals, boolean holdsAllowed,
                       BigDecimal dailyFine, BigDecimal fineCap, long version) {

    public boolean districtDefault() {
        return schoolId == null && patronType == null && lowestGrade == null && itemType == null;
    }

    public boolean forLoan() {
        return maxLoans > 0;
    }

    public boolean fineFree() {
        return dailyFine == null;
    }

    /** Whether this rule applies to a loan at {@code schoolId} to such a patron of such a copy. */
    public boolean matches(long schoolId, PatronType type, Grade grade, ItemType itemType) {
        return (this.schoolId == null || this.schoolId == schoolId)
                && (patronType == null || patronType == type)
                && (lowestGrade == null || (grade != null && grade.compareTo(lowestGrade) >= 0
                        && grade.compareTo(highestGrade) <= 0))
                && (this.itemType == null || this.itemType == itemType);
    }
}
