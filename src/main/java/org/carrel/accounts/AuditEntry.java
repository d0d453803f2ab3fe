package org.carrel.accounts;

import java.time.OffsetDateTime;

/**
 * One line of the audit log: who did what to which record, and when.
 *
 * @param action     dotted and module-prefixed, e.g. {@code district.school.updated}, {@code patrons.loans.viewed}
 * @param recordType what kind of record, e.g. {@code school}
 * @param recordId   which one, or null
 * @param detail     a short human-readable note (never a password or a token)
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String recordType,
                         String recordId, String detail, String clientAddress) {
}
