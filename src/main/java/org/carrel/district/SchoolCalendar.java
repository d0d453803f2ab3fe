package org.carrel.district;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrel.district.CalendarView.SchoolYear;
import org.carrel.district.CalendarView.Term;

/**
 * A school's calendar from a given day on, as circulation reads it to set due dates: its school years, their terms
 * and its listed closed days. Answers the same as {@link District#isClosed} and {@link District#schoolYearEnd}
 * without a query per day.
 */
public record SchoolCalendar(long schoolId, List<SchoolYear> years, List<Term> terms, Set<LocalDate> closedDays) {

    public SchoolCalendar {
        years = List.copyOf(years);
        terms = List.copyOf(terms);
        closedDays = Set.copyOf(closedDays);
    }

    /**
     * This calendar from {@code from} on: the years that have not ended by then with their terms, and the closed days
     * from then to the last of those years' ends (a year after {@code from} without a year).
     */
    public SchoolCalendar from(LocalDate from) {
        List<SchoolYear> current = years.stream().filter(y -> !y.lastDay().isBefore(from)).toList();
        Set<Long> yearIds = current.stream().map(SchoolYear::id).collect(Collectors.toSet());
        LocalDate to = current.stream().map(SchoolYear::lastDay).max(LocalDate::compareTo).orElse(from.plusYears(1));
        return new SchoolCalendar(schoolId, current,
                terms.stream().filter(t -> yearIds.contains(t.schoolYearId())).toList(),
                closedDays.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).collect(Collectors.toSet()));
    }

    /** Closed on weekends, listed closed days and, once the school has a school year, outside every year. */
    public boolean isClosed(LocalDate day) {
        return CalendarRules.isClosed(years, closedDays.contains(day), day);
    }

    /** The last day of the school year containing {@code day} (in summer: of the coming year); empty without one. */
    public Optional<LocalDate> schoolYearEnd(LocalDate day) {
        return CalendarRules.currentOrNext(years, day).map(SchoolYear::lastDay);
    }

    /** The last day of the term containing {@code day}, else of the next term to start; empty without terms. */
    public Optional<LocalDate> termEnd(LocalDate day) {
        return terms.stream().filter(t -> !day.isBefore(t.startsOn()) && !day.isAfter(t.endsOn())).findFirst()
                .or(() -> terms.stream().filter(t -> t.startsOn().isAfter(day))
                        .min(java.util.Comparator.comparing(Term::startsOn)))
                .map(Term::endsOn);
    }

    /** The first day of the term, else of the school year, containing {@code day}; empty outside both. */
    public Optional<LocalDate> periodStart(LocalDate day) {
        return terms.stream().filter(t -> !day.isBefore(t.startsOn()) && !day.isAfter(t.endsOn())).findFirst()
                .map(Term::startsOn)
                .or(() -> CalendarRules.containing(years, day).map(SchoolYear::firstDay));
    }
}
