package org.carrel.circulation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An open loan: the copy, its title, when it is due and what happened to it (overdue, lost, claimed returned). */
public record LoanView(long id, long itemId, String barcode, long recordId, String title, String callNumber,
                       long patronId, long schoolId, OffsetDateTime checkedOutAt, LocalDate dueOn, OffsetDateTime dueAt,
                       int renewals, int maxRenewals, boolean classSet, OffsetDateTime lostAt,
                       OffsetDateTime claimedReturnedAt) {

    public boolean overdueAt(OffsetDateTime now) {
        return now.isAfter(dueAt) && lostAt == null && claimedReturnedAt == null;
    }

    public boolean lost() {
        return lostAt != null;
    }

    public boolean claimedReturned() {
        return claimedReturnedAt != null;
    }
}
