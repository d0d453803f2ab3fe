package org.carrel.circulation.web;

import java.util.List;

import org.carrel.circulation.LoanView;
import org.carrel.patrons.PatronSummary;

/**
 * The patron at the desk, as the panel shows them: what anyone at the desk may see (name, barcode, school, status,
 * blocked, how many copies out) and, only for staff who may see loans and act for the patron's school, the open
 * loans ({@code loans} null otherwise; reading them wrote an audit entry). {@code loansTotal} counts them all when
 * the list shows only the first ones.
 */
public record DeskPatron(PatronSummary patron, String schoolName, boolean blocked, int itemsOut,
                         List<LoanLine> loans, int loansTotal) {

    /** An open loan in the panel, with whether it is overdue now. */
    public record LoanLine(LoanView loan, boolean overdue) {
    }

    public boolean loansShown() {
        return loans != null;
    }
}
