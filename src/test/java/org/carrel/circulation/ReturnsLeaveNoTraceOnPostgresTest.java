package org.carrel.circulation;

import org.springframework.context.annotation.Import;

/** {@link ReturnsLeaveNoTrace} on PostgreSQL. */
@CarrelOnPostgres
@Import(CirculationFixtures.class)
class ReturnsLeaveNoTraceOnPostgresTest extends ReturnsLeaveNoTrace {
}
