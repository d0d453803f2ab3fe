package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.carrel.district.CalendarView.SchoolYear;
import org.junit.jupiter.api.Test;

class CalendarRulesTest {

    private static final SchoolYear YEAR = new SchoolYear(7, 1, "2026-2027", LocalDate.of(2026, 8, 17),
            LocalDate.of(2027, 6, 4), 0);

    @Test
    void refusesALastDayThatIsNotAfterTheFirstDay() {
        SchoolYearForm form = new SchoolYearForm("2026-2027", "2026-08-17", "2026-08-17", 0L);

        assertThat(CalendarRules.check(form, List.of()).errors().get("lastDay")).isEqualTo("district.year.lastBeforeFirst");
    }

    @Test
    void refusesDatesThatAreNotDates() {
        SchoolYearForm form = new SchoolYearForm("2026-2027", "2026-02-30", "next June", 0L);

        assertThat(CalendarRules.check(form, List.of()).errors().byField())
                .containsEntry("firstDay", "form.date.invalid").containsEntry("lastDay", "form.date.invalid");
    }

    @Test
    void refusesASchoolYearOverlappingAnother() {
        SchoolYearForm form = new SchoolYearForm("2027-2028", "2027-06-01", "2028-06-02", 0L);

        assertThat(CalendarRules.check(form, List.of(YEAR)).errors().get("firstDay")).isEqualTo("district.year.overlaps");
    }

    @Test
    void letsASchoolYearMoveItsOwnDates() {
        SchoolYearForm form = new SchoolYearForm("2026-2027", "2026-08-19", "2027-06-08", 0L);

        assertThat(CalendarRules.check(form, List.of(YEAR)).valid()).isTrue();
    }

    @Test
    void placesATermInTheSchoolYearThatContainsIt() {
        TermForm form = new TermForm("Fall semester", "2026-08-17", "2026-12-18");

        assertThat(CalendarRules.check(form, List.of(YEAR)).values().year()).isEqualTo(YEAR);
    }

    @Test
    void refusesATermRunningPastTheLastDay() {
        TermForm form = new TermForm("Spring semester", "2027-01-04", "2027-06-30");

        assertThat(CalendarRules.check(form, List.of(YEAR)).errors().get("endsOn")).isEqualTo("district.term.outsideYear");
    }

    @Test
    void refusesATermEndingBeforeItStarts() {
        TermForm form = new TermForm("Fall", "2026-12-18", "2026-08-17");

        assertThat(CalendarRules.check(form, List.of(YEAR)).errors().get("endsOn")).isEqualTo("district.term.endBeforeStart");
    }

    @Test
    void refusesAClosedDayInTheSummer() {
        ClosedDayForm form = new ClosedDayForm("2027-07-05", "Independence Day observed");

        assertThat(CalendarRules.check(form, List.of(YEAR)).errors().get("closedOn"))
                .isEqualTo("district.closedDay.outsideYear");
    }

    @Test
    void closesTheLibraryOnWeekendsListedDaysAndInTheSummer() {
        assertThat(CalendarRules.isClosed(List.of(YEAR), false, LocalDate.of(2026, 10, 14))).as("a Wednesday").isFalse();
        assertThat(CalendarRules.isClosed(List.of(YEAR), false, LocalDate.of(2026, 10, 17))).as("a Saturday").isTrue();
        assertThat(CalendarRules.isClosed(List.of(YEAR), true, LocalDate.of(2026, 9, 7))).as("Labor Day").isTrue();
        assertThat(CalendarRules.isClosed(List.of(YEAR), false, LocalDate.of(2027, 7, 14))).as("summer").isTrue();
        assertThat(CalendarRules.isClosed(List.of(), false, LocalDate.of(2027, 7, 14))).as("no calendar yet").isFalse();
    }

    @Test
    void looksAheadToTheComingYearInTheSummer() {
        assertThat(CalendarRules.currentOrNext(List.of(YEAR), LocalDate.of(2026, 7, 1))).contains(YEAR);
        assertThat(CalendarRules.currentOrNext(List.of(YEAR), LocalDate.of(2027, 7, 1))).isEmpty();
    }
}
