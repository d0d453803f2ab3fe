package org.carrel.circulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.carrel.district.SchoolCalendar;

/**
 * Due dates from a loan period and the school's calendar. A due date never falls on a closed day: counted periods
 * (days, hours) move forward to the next open day, dates meant as "by then" (a fixed date, the end of the term or
 * of the school year) move back to the open day before. Nothing is due after the last day of the school year; in
 * summer that is the coming year's last day. A day loan is due at the end of its day (23:59:59 in the district's
 * zone), an hourly loan at its hour (on the next open day at the same time if that day is closed).
 */
final class DueDates {

    /** How far to look for an open day before giving up on the calendar (a year and a half of closures). */
    private static final int SEARCH_DAYS = 550;
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** A term-end loan at a school without terms or school years lasts this many days. */
    static final int WITHOUT_CALENDAR_DAYS = 14;

    private DueDates() {
    }

    /** The due date of a loan starting {@code now}; empty when a fixed date has already passed. */
    static Optional<Due> due(LoanPeriod period, SchoolCalendar calendar, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        Optional<LocalDate> yearEnd = calendar.schoolYearEnd(today);
        switch (period.kind()) {
            case HOURS: {
                ZonedDateTime at = now.plusHours(period.length());
                LocalDate day = nextOpen(calendar, at.toLocalDate());
                if (yearEnd.isPresent() && day.isAfter(yearEnd.get())) {
                    return Optional.of(endOfDay(lastOpenBy(calendar, yearEnd.get(), today), now));
                }
                return Optional.of(new Due(day, ZonedDateTime.of(day, at.toLocalTime(), now.getZone())
                        .toOffsetDateTime()));
            }
            case DAYS:
                return Optional.of(capped(nextOpen(calendar, today.plusDays(period.length())), yearEnd, calendar,
                        today, now));
            case SCHOOL_DAYS:
                return Optional.of(capped(openDaysAfter(calendar, today, period.length()), yearEnd, calendar, today,
                        now));
            case FIXED_DATE:
                if (period.fixedDate().isBefore(today)) {
                    return Optional.empty();
                }
                return Optional.of(capped(lastOpenBy(calendar, period.fixedDate(), today), yearEnd, calendar,
                        today, now));
            case TERM_END: {
                Optional<LocalDate> end = calendar.termEnd(today).or(() -> yearEnd);
                LocalDate day = end.map(d -> lastOpenBy(calendar, d, today))
                        .orElseGet(() -> nextOpen(calendar, today.plusDays(WITHOUT_CALENDAR_DAYS)));
                return Optional.of(capped(day, yearEnd, calendar, today, now));
            }
            default:
                throw new IllegalArgumentException("unknown period " + period.kind());
        }
    }

    private static Due capped(LocalDate day, Optional<LocalDate> yearEnd, SchoolCalendar calendar, LocalDate today,
                              ZonedDateTime now) {
        if (yearEnd.isPresent() && day.isAfter(yearEnd.get())) {
            return endOfDay(lastOpenBy(calendar, yearEnd.get(), today), now);
        }
        return endOfDay(day, now);
    }

    private static Due endOfDay(LocalDate day, ZonedDateTime now) {
        return new Due(day, ZonedDateTime.of(day, END_OF_DAY, now.getZone()).toOffsetDateTime());
    }

    /** The {@code days}-th open day after {@code today} (school days; the hold shelf's pickup day). */
    static LocalDate openDaysAfter(SchoolCalendar calendar, LocalDate today, int days) {
        LocalDate day = today;
        for (int open = 0, step = 0; open < days && step < SEARCH_DAYS; step++) {
            day = day.plusDays(1);
            if (!calendar.isClosed(day)) {
                open++;
            }
        }
        return day;
    }

    /** {@code day} if open, else the next open day; {@code day} itself when none is found. */
    static LocalDate nextOpen(SchoolCalendar calendar, LocalDate day) {
        LocalDate d = day;
        for (int step = 0; step < SEARCH_DAYS; step++, d = d.plusDays(1)) {
            if (!calendar.isClosed(d)) {
                return d;
            }
        }
        return day;
    }

    /** {@code day} if open, else the open day before it, but never before {@code today}. */
    static LocalDate lastOpenBy(SchoolCalendar calendar, LocalDate day, LocalDate today) {
        for (LocalDate d = day; !d.isBefore(today); d = d.minusDays(1)) {
            if (!calendar.isClosed(d)) {
                return d;
            }
        }
        return day.isBefore(today) ? today : day;
    }
}
