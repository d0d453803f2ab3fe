package org.carrel.district;

/** A new closed day; it must fall inside one school year of the school. Date as ISO text. */
public record ClosedDayForm(String closedOn, String reason) {

    public static ClosedDayForm empty() {
        return new ClosedDayForm("", "");
    }
}
