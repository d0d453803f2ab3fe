package org.carrel.circulation;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.carrel.district.District;
import org.springframework.stereotype.Component;

/**
 * Now, in the district's time zone: due dates are days of the schools' calendars, and a day loan is due at the end
 * of its day where the school is, whatever zone the server runs in.
 */
@Component
class CirculationTime {

    private final District district;
    private final Clock clock;

    CirculationTime(District district, Clock clock) {
        this.district = district;
        this.clock = clock;
    }

    /** Now in the district's zone, to the microsecond the columns keep (so an answered time is the stored one). */
    ZonedDateTime now() {
        return ZonedDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).withZoneSameInstant(zone());
    }

    ZoneId zone() {
        return district.zone();
    }
}
