package org.carrel.catalog.labels;

import java.time.OffsetDateTime;

/** A copy waiting in a school's label queue; {@code callNumber} is the copy's own or its record's. */
public record QueuedLabel(long itemId, String barcode, String callNumber, String title, String queuedBy,
                          OffsetDateTime queuedAt) {
}
