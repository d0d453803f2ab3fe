package org.carrel.accounts;

import java.time.OffsetDateTime;

/** An API token as the admin page lists it: never the token, only its first characters as a hint. */
public record ApiTokenView(long id, String name, String hint, Role role, Long schoolId, String createdBy,
                           OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
