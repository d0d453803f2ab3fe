package org.carrel.patrons;

/**
 * A patron as typed on the form or sent to the API; every value is text and checked by {@link Patrons}. A blank
 * barcode gets the next one of the school's range. {@code version} is the version the editor saw (null when new).
 * {@code account} is the user name of the patron's sign-in account (accounts module), blank for none.
 */
public record PatronForm(String type, String givenName, String familyName, String preferredName, String school,
                         String barcode, String studentNumber, String grade, String homeroom, String graduationYear,
                         String email, String preferredLanguage, String keepHistory, String notes, Long version,
                         String account) {

    /** A form without a sign-in account. */
    public PatronForm(String type, String givenName, String familyName, String preferredName, String school,
                      String barcode, String studentNumber, String grade, String homeroom, String graduationYear,
                      String email, String preferredLanguage, String keepHistory, String notes, Long version) {
        this(type, givenName, familyName, preferredName, school, barcode, studentNumber, grade, homeroom,
                graduationYear, email, preferredLanguage, keepHistory, notes, version, "");
    }

    public static PatronForm empty() {
        return new PatronForm("STUDENT", "", "", "", "", "", "", "", "", "", "", "en", "", "", null, "");
    }

    public static PatronForm of(PatronView p, String schoolCode) {
        return new PatronForm(p.type().name(), p.givenName(), p.familyName(), nullToEmpty(p.preferredName()),
                schoolCode, p.barcode(), nullToEmpty(p.studentNumber()), p.grade() == null ? "" : p.grade().label(),
                p.homeroom() == null ? "" : p.homeroom().name(),
                p.graduationYear() == null ? "" : p.graduationYear().toString(), nullToEmpty(p.email()),
                p.preferredLanguage(), p.keepHistory() ? "true" : "", nullToEmpty(p.notes()), p.version(),
                nullToEmpty(p.accountUsername()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
