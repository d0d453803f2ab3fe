package org.carrel.circulation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** When a loan falls due: the day (in the school's calendar) and the instant after which it is overdue. */
public record Due(LocalDate day, OffsetDateTime at) {
}
