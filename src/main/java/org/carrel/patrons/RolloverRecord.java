package org.carrel.patrons;

import java.time.OffsetDateTime;

/** A rollover that was applied: the school year the students went into, who applied it and when, and the counts. */
public record RolloverRecord(String schoolYear, String appliedBy, OffsetDateTime appliedAt, int stayed, int moved,
                             int graduated, int transferred, int unchanged, ChargesChoice charges) {
}
