package org.carrel.circulation;

import java.time.LocalDate;

/**
 * A hold to place: on a title ({@code itemId} null) or one copy, for pickup at a school. {@code notNeededAfter} drops
 * a waiting hold nobody filled by then. {@code overrideReason}: staff going past an overridable refusal (the caller
 * checked they may).
 *
 * <p>A teacher's reservation (unit planning) gives {@code neededFrom}..{@code neededUntil}. It queues like any hold
 * (same priority rules) but is fillable only from {@code neededFrom} on: before that day a copy checked in passes it
 * by for the next hold or the shelf, the pull list leaves it out, and it does not stop others renewing. From
 * {@code neededFrom} on, the next copy checked in (or pulled from the shelf and scanned) is set aside for it as for
 * any hold. A reservation nobody filled is dropped by the daily {@link Holds#expire} after {@code neededUntil}.
 * Callers keep the dates in order (the schema refuses {@code neededUntil} before {@code neededFrom}).
 */
public record HoldRequest(long patronId, long recordId, Long itemId, long pickupSchoolId, LocalDate neededFrom,
                          LocalDate neededUntil, LocalDate notNeededAfter, String actor, String overrideReason) {

    public static HoldRequest onTitle(long patronId, long recordId, long pickupSchoolId, String actor) {
        return new HoldRequest(patronId, recordId, null, pickupSchoolId, null, null, null, actor, null);
    }
}
