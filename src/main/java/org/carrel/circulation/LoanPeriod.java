package org.carrel.circulation;

import java.time.LocalDate;

/**
 * How long a loan lasts: a number of days, of the school's open days or of hours (equipment), until a fixed date,
 * or until the end of the current term. {@code length} is set for the first three, {@code fixedDate} for the fourth.
 */
public record LoanPeriod(Kind kind, Integer length, LocalDate fixedDate) {

    /** Message key {@code circulation.period.NAME}. */
    public enum Kind { DAYS, SCHOOL_DAYS, HOURS, FIXED_DATE, TERM_END }

    public LoanPeriod {
        boolean counted = kind == Kind.DAYS || kind == Kind.SCHOOL_DAYS || kind == Kind.HOURS;
        if (counted != (length != null) || (counted && length < 1)) {
            throw new IllegalArgumentException(kind + " needs a length of at least 1, and only it: " + length);
        }
        if ((kind == Kind.FIXED_DATE) != (fixedDate != null)) {
            throw new IllegalArgumentException("a fixed date goes with FIXED_DATE only: " + kind + " " + fixedDate);
        }
    }

    public static LoanPeriod days(int days) {
        return new LoanPeriod(Kind.DAYS, days, null);
    }

    public static LoanPeriod schoolDays(int days) {
        return new LoanPeriod(Kind.SCHOOL_DAYS, days, null);
    }

    public static LoanPeriod hours(int hours) {
        return new LoanPeriod(Kind.HOURS, hours, null);
    }

    public static LoanPeriod until(LocalDate day) {
        return new LoanPeriod(Kind.FIXED_DATE, null, day);
    }

    public static LoanPeriod termEnd() {
        return new LoanPeriod(Kind.TERM_END, null, null);
    }
}
