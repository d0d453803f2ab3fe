package org.carrel.sip2;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * SIP2 dates: {@code YYYYMMDDZZZZHHMMSS}, eighteen characters, where ZZZZ is the time zone (four blanks for the
 * local time of the library, which Carrel always sends: a kiosk shows due dates as the library's clock reads them).
 */
final class SipDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    private SipDates() {
    }

    /** A moment in the library's time zone. */
    static String of(ZonedDateTime at) {
        return DAY.format(at) + "    " + TIME.format(at);
    }

    /** A due day: the day, at 23:59:59 (what a kiosk prints is the day). */
    static String of(LocalDate day) {
        return DAY.format(day) + "    235959";
    }
}
