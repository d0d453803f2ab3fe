package org.carrel.patrons;

/**
 * What anyone at the desk may see of a patron, volunteers included: the name the patron goes by, the barcode, the
 * home school, type and status. Nothing else (no grade, contact, notes or borrowing).
 */
public record PatronSummary(long id, String name, String barcode, long schoolId, PatronType type,
                            PatronStatus status) {
}
