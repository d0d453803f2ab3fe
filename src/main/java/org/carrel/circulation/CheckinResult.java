package org.carrel.circulation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.carrel.catalog.ItemView;
import org.carrel.patrons.PatronSummary;

/** What a check-in came to. */
public sealed interface CheckinResult {

    /** No copy has this barcode. */
    record UnknownItem(String barcode) implements CheckinResult {
    }

    /**
     * The copy is back (or was scanned while in the library). {@code returned} is the loan that ended, null when the
     * copy was not out; {@code overdueDays} and {@code fine} say what the return cost (fine null: none).
     * {@code routing} says where it goes next: {@code destinationSchoolId} for a transit, {@code holdFor} and
     * {@code pickupBy} for a hold.
     */
    record CheckedIn(ItemView item, LoanView returned, PatronSummary borrower, int overdueDays, BigDecimal fine,
                     boolean wasLost, Routing routing, Long destinationSchoolId, PatronSummary holdFor,
                     Long holdId, LocalDate pickupBy) implements CheckinResult {
    }
}
