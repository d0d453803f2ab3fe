package org.carrel.patrons;

import org.carrel.district.Grade;

/**
 * What circulation needs to lend to a patron, read without an audit entry because it shows nothing to anyone:
 * type, status and grade pick the loan rule; {@code blocked} refuses the loan; {@code keepHistory} says whether a
 * return leaves a reading-history row; {@code homeroomId} files overdues under the homeroom teacher. {@code name}
 * is the name the patron goes by (what the desk shows anyone, volunteers included).
 */
public record Borrower(long id, String name, String barcode, long schoolId, PatronType type, PatronStatus status,
                       Grade grade, Long homeroomId, boolean blocked, boolean keepHistory, String preferredLanguage) {

    public PatronSummary summary() {
        return new PatronSummary(id, name, barcode, schoolId, type, status);
    }
}
