package org.carrel.district;

/**
 * Who may opt a student in to keeping a reading history (none is kept by default, per the ALA's K-12 privacy
 * guidelines): the student themself, or a guardian. Message key {@code district.readingHistory.NAME}.
 */
public enum ReadingHistoryPolicy {
    PATRON, GUARDIAN;

    public String messageKey() {
        return "district.readingHistory." + name();
    }
}
