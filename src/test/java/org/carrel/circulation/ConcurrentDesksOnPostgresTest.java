package org.carrel.circulation;

import org.springframework.context.annotation.Import;

/** {@link ConcurrentDesks} on PostgreSQL, the database a district runs on. */
@CarrelOnPostgres
@Import(CirculationFixtures.class)
class ConcurrentDesksOnPostgresTest extends ConcurrentDesks {
}
