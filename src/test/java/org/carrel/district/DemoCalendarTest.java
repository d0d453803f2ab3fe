package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DemoCalendarTest {

    @Test
    void startsTheSchoolYearInMidAugustAndEndsItInEarlyJune() {
        DemoCalendar calendar = DemoCalendar.containing(LocalDate.of(2026, 10, 15));

        assertThat(calendar.label()).isEqualTo("2026-2027");
        assertThat(calendar.firstDay()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2027, 6, 4));
    }

    @Test
    void treatsTheMonthsBeforeAugustAsTheYearThatStartedLastAugust() {
        assertThat(DemoCalendar.containing(LocalDate.of(2027, 7, 31)).label()).isEqualTo("2026-2027");
        assertThat(DemoCalendar.containing(LocalDate.of(2027, 8, 1)).label()).isEqualTo("2027-2028");
    }

    @Test
    void closesOnTheUsualUsHolidaysInsideTheYearOnWeekdays() {
        DemoCalendar calendar = DemoCalendar.containing(LocalDate.of(2026, 10, 15));

        assertThat(calendar.closedDays()).extracting(DemoCalendar.Closed::day).contains(
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15),
                LocalDate.of(2027, 5, 31));
        assertThat(calendar.closedDays()).allSatisfy(closed -> {
            assertThat(closed.day()).isBetween(calendar.firstDay(), calendar.lastDay());
            assertThat(closed.day().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
    }

    @Test
    void splitsTheYearIntoTwoSemestersAroundWinterBreak() {
        DemoCalendar calendar = DemoCalendar.containing(LocalDate.of(2026, 10, 15));

        assertThat(calendar.semesters()).extracting(DemoCalendar.Semester::endsOn, DemoCalendar.Semester::startsOn)
                .isNotEmpty();
        assertThat(calendar.semesters().get(0).endsOn()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(calendar.semesters().get(1).startsOn()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.semesters().get(1).endsOn()).isEqualTo(calendar.lastDay());
    }
}
