package org.carrel.district;

/** A new term; it must lie inside one school year of the school. Dates as ISO text. */
public record TermForm(String name, String startsOn, String endsOn) {

    public static TermForm empty() {
        return new TermForm("", "", "");
    }
}
