package org.carrel.patrons;

import java.time.OffsetDateTime;

/** A block on borrowing: why, who placed it and when, and who lifted it and when (null while it holds). */
public record PatronBlock(long id, String reason, String placedBy, OffsetDateTime placedAt, String liftedBy,
                          OffsetDateTime liftedAt) {

    public boolean active() {
        return liftedAt == null;
    }
}
