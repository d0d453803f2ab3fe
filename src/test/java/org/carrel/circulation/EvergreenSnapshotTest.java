package org.carrel.circulation;

import org.carrel.testing.CarrelTest;
import org.springframework.test.context.TestPropertySource;

/** {@link EvergreenSnapshot} on H2, in a database of its own (the property gives it a context of its own). */
@CarrelTest
@TestPropertySource(properties = "carrel.test.database=evergreen-snapshot")
class EvergreenSnapshotTest extends EvergreenSnapshot {
}
