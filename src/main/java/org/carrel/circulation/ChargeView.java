package org.carrel.circulation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A charge: an overdue fine, a lost or damaged copy, or another amount. {@code patronId} is null once the charge is
 * settled (anonymised). {@code kind} is OVERDUE, LOST, DAMAGED or OTHER (message key {@code circulation.charge.NAME}).
 */
public record ChargeView(long id, Long patronId, long schoolId, Long itemId, String kind, BigDecimal amount,
                         BigDecimal paid, BigDecimal waived, String description, OffsetDateTime createdAt,
                         String createdBy, OffsetDateTime settledAt, long version) {

    public BigDecimal owed() {
        return amount.subtract(paid).subtract(waived);
    }

    public boolean settled() {
        return settledAt != null;
    }
}
