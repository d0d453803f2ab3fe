package org.carrel.circulation;

import org.carrel.testing.CarrelTest;
import org.springframework.context.annotation.Import;

/** {@link ReturnsLeaveNoTrace} on H2. */
@CarrelTest
@Import(CirculationFixtures.class)
class ReturnsLeaveNoTraceTest extends ReturnsLeaveNoTrace {
}
