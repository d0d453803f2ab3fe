package org.carrel.circulation;

import java.time.LocalDate;

/**
 * A hold to place: on a title ({@code itemId} null) or one copy, for pickup at a school. A teacher's reservation
 * gives {@code neededFrom}..{@code neededUntil}; {@code notNeededAfter} drops a waiting hold nobody filled by then.
 * {@code overrideReason}: staff going past an overridable refusal (the caller checked they may).
 */
public record HoldRequest(long patronId, long recordId, Long itemId, long pickupSchoolId, LocalDate neededFrom,
                          LocalDate neededUntil, LocalDate notNeededAfter, String actor, String overrideReason) {

    public static HoldRequest onTitle(long patronId, long recordId, long pickupSchoolId, String actor) {
        return new HoldRequest(patronId, recordId, null, pickupSchoolId, null, null, null, actor, null);
    }
}
