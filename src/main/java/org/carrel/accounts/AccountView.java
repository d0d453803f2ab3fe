package org.carrel.accounts;

import java.time.OffsetDateTime;
import java.util.Set;

/** A sign-in account as staff pages show it; never its password hash. */
public record AccountView(long id, String username, String displayName, Role role, boolean enabled,
                          Set<Long> schoolIds, OffsetDateTime createdAt, long version) {
}
