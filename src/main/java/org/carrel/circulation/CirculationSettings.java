package org.carrel.circulation;

import java.math.BigDecimal;

/**
 * The district's circulation settings: days overdue before a copy is declared lost, open days a copy waits on the
 * hold shelf, whether teachers' holds come first, whether copies fill holds at other schools, and the replacement
 * cost charged for a lost copy without one.
 */
public record CirculationSettings(int lostAfterDays, int holdShelfDays, boolean teachersFirst, boolean interSchoolHolds,
                                  BigDecimal defaultReplacement, long version) {
}
