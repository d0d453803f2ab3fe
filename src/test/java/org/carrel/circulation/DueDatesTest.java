package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.carrel.district.CalendarView.SchoolYear;
import org.carrel.district.CalendarView.Term;
import org.carrel.district.SchoolCalendar;
import org.junit.jupiter.api.Test;

/**
 * Due dates from a loan period and a school calendar (no Spring): the school year 2026-2027 runs from Monday
 * 2026-08-24 to Friday 2027-06-11, with Thanksgiving (Thursday 2026-11-26 and Friday 2026-11-27) closed.
 */
class DueDatesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final SchoolYear YEAR = year(1, "2026-2027", "2026-08-24", "2027-06-11");
    private static final Set<LocalDate> THANKSGIVING = Set.of(day("2026-11-26"), day("2026-11-27"));
    private static final SchoolCalendar CALENDAR = new SchoolCalendar(1, List.of(YEAR), List.of(), THANKSGIVING);

    @Test
    void aLoanOfDaysDueOnASaturdayIsDueOnMonday() {
        Due due = due(LoanPeriod.days(5), CALENDAR, "2026-11-02T10:00");
        assertThat(due.day()).isEqualTo("2026-11-09");
        assertThat(due.at()).isEqualTo(endOfDay("2026-11-09", NEW_YORK));
    }

    @Test
    void aLoanOfDaysRollsOverListedClosedDaysAndTheWeekendAfterThem() {
        assertThat(due(LoanPeriod.days(7), CALENDAR, "2026-11-19T10:00").day()).isEqualTo("2026-11-30");
    }

    @Test
    void aLoanOfDaysThatEndsOnAnOpenDayKeepsIt() {
        assertThat(due(LoanPeriod.days(14), CALENDAR, "2026-11-02T10:00").day()).isEqualTo("2026-11-16");
    }

    @Test
    void schoolDaysCountOnlyTheDaysTheSchoolIsOpen() {
        // Tue 24, Wed 25, then Thanksgiving and the weekend, then Mon 30, Tue 1, Wed 2.
        assertThat(due(LoanPeriod.schoolDays(5), CALENDAR, "2026-11-23T10:00").day()).isEqualTo("2026-12-02");
        assertThat(due(LoanPeriod.schoolDays(1), CALENDAR, "2026-11-06T10:00").day()).isEqualTo("2026-11-09");
    }

    @Test
    void anHourlyEquipmentLoanIsDueLaterTheSameDayAtItsHour() {
        Due due = due(LoanPeriod.hours(4), CALENDAR, "2026-11-02T10:15");
        assertThat(due.day()).isEqualTo("2026-11-02");
        assertThat(due.at()).isEqualTo(at("2026-11-02T14:15", NEW_YORK));
    }

    @Test
    void anHourlyLoanCrossingMidnightIntoAClosedDayIsDueAtTheSameHourOnTheNextOpenDay() {
        Due weekend = due(LoanPeriod.hours(4), CALENDAR, "2026-11-06T22:00");
        assertThat(weekend.day()).isEqualTo("2026-11-09");
        assertThat(weekend.at()).isEqualTo(at("2026-11-09T02:00", NEW_YORK));

        Due holiday = due(LoanPeriod.hours(5), CALENDAR, "2026-11-25T21:30");
        assertThat(holiday.day()).isEqualTo("2026-11-30");
        assertThat(holiday.at()).isEqualTo(at("2026-11-30T02:30", NEW_YORK));
    }

    @Test
    void anHourlyLoanOnTheLastDayOfTheYearEndsThatEvening() {
        Due due = due(LoanPeriod.hours(24), CALENDAR, "2027-06-11T14:00");
        assertThat(due.day()).isEqualTo("2027-06-11");
        assertThat(due.at()).isEqualTo(endOfDay("2027-06-11", NEW_YORK));
    }

    @Test
    void aFixedDateOnAClosedDayMovesBackToTheOpenDayBeforeIt() {
        Due due = due(LoanPeriod.until(day("2026-12-19")), CALENDAR, "2026-12-01T10:00");
        assertThat(due.day()).isEqualTo("2026-12-18");
        assertThat(due.at()).isEqualTo(endOfDay("2026-12-18", NEW_YORK));
        assertThat(due(LoanPeriod.until(day("2026-11-27")), CALENDAR, "2026-11-02T10:00").day())
                .as("Thanksgiving Friday and Thursday are closed").isEqualTo("2026-11-25");
    }

    @Test
    void aFixedDateOfTodayIsDueTonightAndAPassedOneGivesNoDueDate() {
        assertThat(due(LoanPeriod.until(day("2026-11-02")), CALENDAR, "2026-11-02T10:00").day())
                .isEqualTo("2026-11-02");
        assertThat(DueDates.due(LoanPeriod.until(day("2026-11-01")), CALENDAR, now("2026-11-02T10:00", NEW_YORK)))
                .isEmpty();
    }

    @Test
    void aTermEndLoanIsDueOnTheLastOpenDayOfTheTerm() {
        SchoolCalendar terms = new SchoolCalendar(1, List.of(YEAR), List.of(
                new Term(1, 1, "Fall", day("2026-08-24"), day("2026-12-20")),
                new Term(2, 1, "Spring", day("2027-01-04"), day("2027-06-11"))), THANKSGIVING);
        assertThat(due(LoanPeriod.termEnd(), terms, "2026-10-01T10:00").day())
                .as("the fall term ends on a Sunday").isEqualTo("2026-12-18");
        assertThat(due(LoanPeriod.termEnd(), terms, "2027-02-01T10:00").day()).isEqualTo("2027-06-11");
        assertThat(due(LoanPeriod.termEnd(), terms, "2026-12-28T10:00").day())
                .as("between terms: the end of the next term").isEqualTo("2027-06-11");
    }

    @Test
    void aTermEndLoanWithoutTermsIsDueAtTheEndOfTheSchoolYear() {
        assertThat(due(LoanPeriod.termEnd(), CALENDAR, "2026-10-01T10:00").day()).isEqualTo("2027-06-11");
    }

    @Test
    void aTermEndLoanAtASchoolWithoutACalendarLastsFourteenDays() {
        SchoolCalendar none = new SchoolCalendar(1, List.of(), List.of(), Set.of());
        assertThat(due(LoanPeriod.termEnd(), none, "2026-11-02T10:00").day()).isEqualTo("2026-11-16");
        assertThat(due(LoanPeriod.termEnd(), none, "2026-11-06T10:00").day())
                .as("fourteen days from a Friday is a Friday").isEqualTo("2026-11-20");
    }

    @Test
    void nothingIsDueAfterTheLastDayOfTheSchoolYear() {
        assertThat(due(LoanPeriod.days(28), CALENDAR, "2027-06-01T10:00").day()).isEqualTo("2027-06-11");
        assertThat(due(LoanPeriod.schoolDays(20), CALENDAR, "2027-06-01T10:00").day()).isEqualTo("2027-06-11");
        assertThat(due(LoanPeriod.until(day("2027-07-01")), CALENDAR, "2027-06-01T10:00").day())
                .isEqualTo("2027-06-11");
    }

    @Test
    void theCappedDueDateMovesBackWhenTheLastDayOfTheYearIsClosed() {
        SchoolCalendar lastDayClosed = new SchoolCalendar(1, List.of(YEAR), List.of(), Set.of(day("2027-06-11")));
        Due due = due(LoanPeriod.days(28), lastDayClosed, "2027-06-01T10:00");
        assertThat(due.day()).isEqualTo("2027-06-10");
        assertThat(due.at()).isEqualTo(endOfDay("2027-06-10", NEW_YORK));
    }

    @Test
    void aLoanInSummerIsDueOnTheFirstOpenDayOfTheComingYear() {
        SchoolCalendar twoYears = new SchoolCalendar(1, List.of(year(0, "2025-2026", "2025-08-25", "2026-06-12"),
                YEAR), List.of(), THANKSGIVING);
        assertThat(due(LoanPeriod.days(14), twoYears, "2026-07-10T10:00").day()).isEqualTo("2026-08-24");
        assertThat(due(LoanPeriod.termEnd(), twoYears, "2026-07-10T10:00").day())
                .as("in summer the school year is the coming one").isEqualTo("2027-06-11");
        assertThat(due(LoanPeriod.days(28), twoYears, "2026-06-01T10:00").day())
                .as("in June, the year that is ending").isEqualTo("2026-06-12");
    }

    @Test
    void theSameInstantIsDueOnDifferentDaysInLosAngelesAndAuckland() {
        ZonedDateTime instant = ZonedDateTime.of(2026, 11, 5, 20, 0, 0, 0, ZoneOffset.UTC);
        SchoolCalendar weekendsOnly = new SchoolCalendar(1, List.of(), List.of(), Set.of());
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        ZoneId auckland = ZoneId.of("Pacific/Auckland");

        Due inLosAngeles = DueDates.due(LoanPeriod.days(7), weekendsOnly, instant.withZoneSameInstant(losAngeles))
                .orElseThrow();
        Due inAuckland = DueDates.due(LoanPeriod.days(7), weekendsOnly, instant.withZoneSameInstant(auckland))
                .orElseThrow();

        assertThat(inLosAngeles.day()).as("Thursday noon in Los Angeles").isEqualTo("2026-11-12");
        assertThat(inAuckland.day()).as("already Friday morning in Auckland").isEqualTo("2026-11-13");
        assertThat(inLosAngeles.at().toLocalDateTime()).isEqualTo("2026-11-12T23:59:59");
        assertThat(inLosAngeles.at().getOffset()).isEqualTo(ZoneOffset.ofHours(-8));
        assertThat(inAuckland.at().toLocalDateTime()).isEqualTo("2026-11-13T23:59:59");
        assertThat(inAuckland.at().getOffset()).isEqualTo(ZoneOffset.ofHours(13));
    }

    @Test
    void theEndOfTheDueDayTakesTheOffsetOfThatDayAcrossAChangeOfClocks() {
        SchoolCalendar weekendsOnly = new SchoolCalendar(1, List.of(), List.of(), Set.of());
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        Due due = DueDates.due(LoanPeriod.days(7), weekendsOnly, now("2026-10-30T10:00", losAngeles)).orElseThrow();
        assertThat(due.at().toLocalDateTime()).isEqualTo("2026-11-06T23:59:59");
        assertThat(due.at().getOffset()).as("borrowed in daylight time, due in standard time")
                .isEqualTo(ZoneOffset.ofHours(-8));
    }

    private static Due due(LoanPeriod period, SchoolCalendar calendar, String localNow) {
        return DueDates.due(period, calendar, now(localNow, NEW_YORK)).orElseThrow();
    }

    private static ZonedDateTime now(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone);
    }

    private static OffsetDateTime at(String local, ZoneId zone) {
        return now(local, zone).toOffsetDateTime();
    }

    private static OffsetDateTime endOfDay(String day, ZoneId zone) {
        return day(day).atTime(23, 59, 59).atZone(zone).toOffsetDateTime();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static SchoolYear year(long id, String label, String first, String last) {
        return new SchoolYear(id, 1, label, day(first), day(last), 0);
    }
}
