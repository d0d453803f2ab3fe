package org.carrel.circulation;

import org.springframework.test.context.TestPropertySource;

/** {@link EvergreenSnapshot} on PostgreSQL, in a schema of its own (the property gives it a context of its own). */
@CarrelOnPostgres
@TestPropertySource(properties = "carrel.test.database=evergreen-snapshot")
class EvergreenSnapshotOnPostgresTest extends EvergreenSnapshot {
}
