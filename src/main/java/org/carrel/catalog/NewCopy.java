package org.carrel.catalog;

import java.time.OffsetDateTime;

/** A copy added to the collection: its record, school, call number (its own, else its record's) and when. */
public record NewCopy(long itemId, long recordId, long schoolId, String callNumber, OffsetDateTime addedAt) {
}
