package org.carrel.circulation;

import org.carrel.testing.CarrelTest;
import org.springframework.context.annotation.Import;

/** {@link ConcurrentDesks} on H2, the embedded database a single school runs on. */
@CarrelTest
@Import(CirculationFixtures.class)
class ConcurrentDesksTest extends ConcurrentDesks {
}
