package org.carrel.circulation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What circulation tells other modules (notifications, search availability, statistics), published inside the
 * transaction that made the change; listeners that need the change committed use after-commit listeners. Facts and
 * ids only: a listener asks {@link Circulation} for the rest while the loan is open. {@link ItemReturned} carries no
 * patron (the loan is anonymous once returned).
 */
public final class CirculationEvents {

    private CirculationEvents() {
    }

    public record ItemCheckedOut(long loanId, long itemId, long recordId, long patronId, long schoolId,
                                 LocalDate dueOn) {
    }

    public record LoanRenewed(long loanId, long itemId, long patronId, LocalDate dueOn) {
    }

    public record ItemReturned(long itemId, long recordId, long schoolId, LocalDate returnedOn, boolean overdue) {
    }

    public record LoanBecameOverdue(long loanId, long itemId, long patronId, long schoolId, LocalDate dueOn) {
    }

    public record ItemDeclaredLost(long loanId, long itemId, long patronId, long chargeId) {
    }

    public record HoldPlaced(long holdId, long recordId, long patronId, long pickupSchoolId) {
    }

    public record HoldBecameReady(long holdId, long patronId, long itemId, long pickupSchoolId, LocalDate pickupBy) {
    }

    /** A ready hold was not picked up in time; its copy waits to be pulled from the hold shelf. */
    public record HoldExpired(long holdId, long patronId, long recordId) {
    }

    public record HoldCancelled(long holdId, long patronId, long recordId) {
    }

    public record ItemSentInTransit(long itemId, long fromSchoolId, long toSchoolId, Long holdId) {
    }

    public record ChargeAdded(long chargeId, long patronId, String kind, BigDecimal amount) {
    }
}
