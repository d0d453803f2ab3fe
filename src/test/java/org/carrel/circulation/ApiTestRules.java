package org.carrel.circulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.carrel.catalog.ItemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loan rules of one test school, for tests outside this package that set up a refusal: {@code rules.limit(school,
 * 1)}, {@code rules.notForLoan(school, ItemType.BOOK)}; and a loan made overdue by moving its due date back.
 */
@Component
public class ApiTestRules {

    private final RuleStore rules;
    private final CirculationFixtures fixtures;
    private final JdbcClient jdbc;

    ApiTestRules(RuleStore rules, CirculationFixtures fixtures, JdbcClient jdbc) {
        this.rules = rules;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /** A school-wide rule for every patron and copy type (school-wide rules beat the district default). */
    public long rule(String school, LoanPeriod period, int maxLoans, int maxRenewals, boolean holdsAllowed,
                     BigDecimal dailyFine, BigDecimal fineCap) {
        return rules.insert(new LoanRule(0, fixtures.schoolId(school), null, null, null, null, period, maxLoans,
                maxRenewals, holdsAllowed, dailyFine, fineCap, 0));
    }

    public long limit(String school, int maxLoans) {
        return rule(school, LoanPeriod.days(14), maxLoans, 2, true, null, null);
    }

    /** Copies of this type are not for loan at the school (more specific than any school-wide rule). */
    public long notForLoan(String school, ItemType itemType) {
        return rules.insert(new LoanRule(0, fixtures.schoolId(school), null, null, null, itemType,
                LoanPeriod.days(14), 0, 0, true, null, null, 0));
    }

    /** Copies of this type are due on a fixed day (past: checkouts and renewals are refused DUE_DATE_PASSED). */
    public long fixedDue(String school, ItemType itemType, LocalDate day) {
        return rules.insert(new LoanRule(0, fixtures.schoolId(school), null, null, null, itemType,
                LoanPeriod.until(day), 5, 2, true, null, null, 0));
    }

    /** Moves an open loan's due date {@code days} days back from today, as if it had been lent long ago. */
    public void dueDaysAgo(long loanId, int days) {
        LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        jdbc.sql("update loan set due_on = :day, due_at = :at where id = :id")
                .param("day", due).param("at", due.atTime(23, 59).atOffset(ZoneOffset.UTC)).param("id", loanId)
                .update();
    }
}
