package org.carrel.district;

import java.time.LocalDate;
import java.util.List;

/**
 * One school year of a school with its terms and closed days, or no year yet ({@code year} null, lists empty).
 */
public record CalendarView(long schoolId, SchoolYear year, List<Term> terms, List<ClosedDay> closedDays) {

    public CalendarView {
        terms = List.copyOf(terms);
        closedDays = List.copyOf(closedDays);
    }

    /** A school year: {@code label} like {@code 2026-2027}; the last day is when year-end loans fall due. */
    public record SchoolYear(long id, long schoolId, String label, LocalDate firstDay, LocalDate lastDay, long version) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    /** A semester, trimester or quarter. */
    public record Term(long id, long schoolYearId, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A day the school is closed, and why. */
    public record ClosedDay(long id, long schoolId, LocalDate closedOn, String reason) {
    }
}
