package org.carrel.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A copy as staff see it, with its record's title. {@code callNumber} is the copy's own ({@code ownCallNumber}) or, when it has none, its
 * record's. {@code condition}
 * is NEW, GOOD, FAIR, POOR or null.
 */
public record ItemView(long id, long recordId, String title, String barcode, long schoolId, Long locationId, String callNumber,
                       String ownCallNumber, ItemType itemType, ItemStatus status, String statusReason,
                       OffsetDateTime statusChangedAt,
                       Integer copyNumber, BigDecimal price, BigDecimal replacementCost, LocalDate acquiredOn,
                       String fundingSource, String condition, String notes, long version) {

    /** Whether the copy is out of the library in a patron's or a school's hands (no delete, no status change). */
    public boolean inCirculation() {
        return status == ItemStatus.CHECKED_OUT || status == ItemStatus.IN_TRANSIT
                || status == ItemStatus.ON_HOLD_SHELF;
    }
}
