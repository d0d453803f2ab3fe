package org.carrel.district;

/** Sets a school year (created or replaced by label): dates as ISO text, {@code 2026-08-17}. */
public record SchoolYearForm(String label, String firstDay, String lastDay, Long version) {

    public static SchoolYearForm of(CalendarView.SchoolYear year) {
        return year == null ? new SchoolYearForm("", "", "", 0L)
                : new SchoolYearForm(year.label(), year.firstDay().toString(), year.lastDay().toString(), year.version());
    }
}
