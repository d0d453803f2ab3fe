package org.carrel.circulation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A hold or reservation. {@code itemId} is set for a hold on one copy; {@code trappedItemId} is the copy set aside
 * (in transit, on the hold shelf, or waiting to be pulled once expired). {@code neededFrom}..{@code neededUntil} are
 * a teacher's reservation dates. {@code status} is WAITING, IN_TRANSIT, READY or EXPIRED (message key
 * {@code circulation.holdStatus.NAME}).
 */
public record HoldView(long id, long patronId, long recordId, Long itemId, long pickupSchoolId, String status,
                       int priority, OffsetDateTime placedAt, String placedBy, LocalDate suspendedUntil,
                       LocalDate neededFrom, LocalDate neededUntil, LocalDate expiresOn, Long trappedItemId,
                       OffsetDateTime readyAt, LocalDate pickupBy, long version) {

    public boolean waiting() {
        return "WAITING".equals(status);
    }

    public boolean ready() {
        return "READY".equals(status);
    }

    public boolean suspendedOn(LocalDate day) {
        return suspendedUntil != null && suspendedUntil.isAfter(day);
    }
}
