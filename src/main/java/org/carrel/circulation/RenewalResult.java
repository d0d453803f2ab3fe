package org.carrel.circulation;

import java.util.List;

/** What a renewal came to: the loan with its new due date, or the first reason it was refused. */
public sealed interface RenewalResult {

    record Renewed(LoanView loan, List<Refusal> overridden) implements RenewalResult {
        public Renewed {
            overridden = List.copyOf(overridden);
        }
    }

    record Refused(Refusal reason, String detail) implements RenewalResult {
    }
}
