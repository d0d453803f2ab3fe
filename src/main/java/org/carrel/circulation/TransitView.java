package org.carrel.circulation;

import java.time.OffsetDateTime;

/** A copy on its way from one school to another, for a hold ({@code holdId}) or home. */
public record TransitView(long id, long itemId, long fromSchoolId, long toSchoolId, Long holdId,
                          OffsetDateTime sentAt) {
}
