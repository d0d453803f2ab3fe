package org.carrel.district;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A typical US school year for the demo district: mid-August to early June, two semesters split by winter break,
 * and the usual closed days. Before August 1 the current school year is the one that started last August.
 */
record DemoCalendar(String label, LocalDate firstDay, LocalDate lastDay) {

    record Closed(LocalDate day, String reason) {
    }

    record Semester(String name, LocalDate startsOn, LocalDate endsOn) {
    }

    static DemoCalendar containing(LocalDate today) {
        int startYear = today.isBefore(LocalDate.of(today.getYear(), Month.AUGUST, 1)) ? today.getYear() - 1
                : today.getYear();
        LocalDate first = LocalDate.of(startYear, Month.AUGUST, 14).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate last = LocalDate.of(startYear + 1, Month.JUNE, 5).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        return new DemoCalendar(startYear + "-" + (startYear + 1), first, last);
    }

    private int startYear() {
        return firstDay.getYear();
    }

    /** Winter break: the weekdays from December 22 to January 2. */
    private List<LocalDate> winterBreak() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(startYear(), Month.DECEMBER, 22);
             !day.isAfter(LocalDate.of(startYear() + 1, Month.JANUARY, 2)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day);
            }
        }
        return days;
    }

    List<Semester> semesters() {
        List<LocalDate> winter = winterBreak();
        LocalDate fallEnd = winter.get(0).minusDays(1);
        while (fallEnd.getDayOfWeek().getValue() > 5) {
            fallEnd = fallEnd.minusDays(1);
        }
        LocalDate springStart = winter.get(winter.size() - 1).plusDays(1);
        while (springStart.getDayOfWeek().getValue() > 5) {
            springStart = springStart.plusDays(1);
        }
        return List.of(new Semester("Fall semester", firstDay, fallEnd),
                new Semester("Spring semester", springStart, lastDay));
    }

    List<Closed> closedDays() {
        int fall = startYear();
        int spring = fall + 1;
        List<Closed> closed = new ArrayList<>();
        closed.add(new Closed(nth(fall, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day"));
        LocalDate thanksgiving = nth(fall, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
        closed.add(new Closed(thanksgiving, "Thanksgiving"));
        closed.add(new Closed(thanksgiving.plusDays(1), "Thanksgiving break"));
        winterBreak().forEach(day -> closed.add(new Closed(day, "Winter break")));
        closed.add(new Closed(nth(spring, Month.JANUARY, 3, DayOfWeek.MONDAY), "Martin Luther King Jr. Day"));
        closed.add(new Closed(nth(spring, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Presidents Day"));
        LocalDate springBreak = LocalDate.of(spring, Month.MARCH, 22).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < 5; i++) {
            closed.add(new Closed(springBreak.plusDays(i), "Spring break"));
        }
        LocalDate memorialDay = LocalDate.of(spring, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
        if (memorialDay.isBefore(lastDay)) {
            closed.add(new Closed(memorialDay, "Memorial Day"));
        }
        return closed;
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
