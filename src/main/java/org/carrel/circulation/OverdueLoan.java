package org.carrel.circulation;

import org.carrel.patrons.Borrower;

/**
 * A line of an overdue list: the loan, its patron (with the homeroom the list is filed under) and how many calendar
 * days past its due day it is. Names and titles together: only for staff allowed to see a patron's loans.
 */
public record OverdueLoan(LoanView loan, Borrower patron, long daysOverdue) {
}
