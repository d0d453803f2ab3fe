package org.carrel.circulation;

import java.util.List;

import org.carrel.patrons.PatronSummary;

/** What a checkout came to: a loan, or the first reason it was refused. */
public sealed interface CheckoutResult {

    /** Lent. {@code overridden} lists the refusals staff went past (empty for a plain checkout). */
    record CheckedOut(LoanView loan, PatronSummary patron, List<Refusal> overridden) implements CheckoutResult {
        public CheckedOut {
            overridden = List.copyOf(overridden);
        }
    }

    /** Refused; {@code detail} names what the desk shows beside the reason (the limit, the other patron's school). */
    record Refused(Refusal reason, String detail) implements CheckoutResult {
    }
}
