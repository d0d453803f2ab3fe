package org.carrel.district;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.carrel.district.CalendarView.SchoolYear;
import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/**
 * The rules of a school calendar: what a school year, a term and a closed day must satisfy, and which days the
 * library is closed. Pure: callers pass the school's years.
 */
final class CalendarRules {

    /** A checked school year. */
    record YearValues(String label, LocalDate firstDay, LocalDate lastDay) {
    }

    /** A checked term, with the school year it falls in. */
    record TermValues(SchoolYear year, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A checked closed day. */
    record ClosedDayValues(LocalDate day, String reason) {
    }

    private CalendarRules() {
    }

    /** A school year: a label, a first day, and a last day after it; it must not overlap another year. */
    static SchoolRules.Checked<YearValues> check(SchoolYearForm form, List<SchoolYear> years) {
        Fields fields = new Fields();
        String label = fields.required("label", form.label(), 20);
        LocalDate first = fields.date("firstDay", form.firstDay());
        LocalDate last = fields.date("lastDay", form.lastDay());
        if (first != null && last != null && !last.isAfter(first)) {
            fields.refuse("lastDay", "district.year.lastBeforeFirst");
        }
        if (fields.ok("firstDay") && fields.ok("lastDay") && label != null) {
            boolean overlaps = years.stream().filter(y -> !y.label().equals(label))
                    .anyMatch(y -> !first.isAfter(y.lastDay()) && !last.isBefore(y.firstDay()));
            if (overlaps) {
                fields.refuse("firstDay", "district.year.overlaps");
            }
        }
        return fields.any() ? new SchoolRules.Checked<>(null, fields.errors())
                : new SchoolRules.Checked<>(new YearValues(label, first, last), FormErrors.NONE);
    }

    /** A term: a name, a start not after its end, both inside one school year. */
    static SchoolRules.Checked<TermValues> check(TermForm form, List<SchoolYear> years) {
        Fields fields = new Fields();
        String name = fields.required("name", form.name(), 100);
        LocalDate starts = fields.date("startsOn", form.startsOn());
        LocalDate ends = fields.date("endsOn", form.endsOn());
        if (starts != null && ends != null && ends.isBefore(starts)) {
            fields.refuse("endsOn", "district.term.endBeforeStart");
        }
        SchoolYear year = null;
        if (fields.ok("startsOn") && fields.ok("endsOn")) {
            year = containing(years, starts).orElse(null);
            if (year == null) {
                fields.refuse("startsOn", "district.term.outsideYear");
            } else if (!year.contains(ends)) {
                fields.refuse("endsOn", "district.term.outsideYear");
            }
        }
        return fields.any() ? new SchoolRules.Checked<>(null, fields.errors())
                : new SchoolRules.Checked<>(new TermValues(year, name, starts, ends), FormErrors.NONE);
    }

    /** A closed day: a date inside one of the school's years, and a reason. Duplicates are the facade's check. */
    static SchoolRules.Checked<ClosedDayValues> check(ClosedDayForm form, List<SchoolYear> years) {
        Fields fields = new Fields();
        LocalDate day = fields.date("closedOn", form.closedOn());
        String reason = fields.required("reason", form.reason(), 200);
        if (day != null && containing(years, day).isEmpty()) {
            fields.refuse("closedOn", "district.closedDay.outsideYear");
        }
        return fields.any() ? new SchoolRules.Checked<>(null, fields.errors())
                : new SchoolRules.Checked<>(new ClosedDayValues(day, reason), FormErrors.NONE);
    }

    static Optional<SchoolYear> containing(List<SchoolYear> years, LocalDate day) {
        return years.stream().filter(y -> y.contains(day)).findFirst();
    }

    /** The year containing {@code day}, else the next one to start after it (in summer: the coming year). */
    static Optional<SchoolYear> currentOrNext(List<SchoolYear> years, LocalDate day) {
        return containing(years, day).or(() -> years.stream().filter(y -> y.firstDay().isAfter(day))
                .min(java.util.Comparator.comparing(SchoolYear::firstDay)));
    }

    /**
     * Whether the school library is closed on {@code day}: on weekends, on a listed closed day, and outside every
     * school year (summer) once the school has a calendar. A school without any year is closed on weekends only.
     */
    static boolean isClosed(List<SchoolYear> years, boolean listedClosedDay, LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || listedClosedDay) {
            return true;
        }
        return !years.isEmpty() && containing(years, day).isEmpty();
    }
}
