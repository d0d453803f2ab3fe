package org.carrel.accounts;

import java.util.Map;
import java.util.Optional;

/**
 * The schools staff can be scoped to, as the accounts module needs them. Implemented by the district module, which
 * owns schools; accounts only keeps school ids.
 */
public interface SchoolDirectory {

    /** The id of the school with this code (case-insensitive), if the district has it. */
    Optional<Long> schoolIdByCode(String code);

    /** Every school's display name by id, in the district's order. */
    Map<Long, String> schoolNames();
}
