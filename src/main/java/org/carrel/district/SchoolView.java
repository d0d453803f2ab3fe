package org.carrel.district;

/** A school of the district. {@code code} is upper-case, e.g. {@code OAK}. */
public record SchoolView(long id, String code, String name, Grade lowestGrade, Grade highestGrade, SchoolLevel level,
                         String addressLine1, String addressLine2, String city, String region, String postalCode,
                         long version) {

    /** The grade span as printed on school lists: {@code K-5}, {@code PK-5}, {@code 9-12}, or one grade. */
    public String gradeSpan() {
        return lowestGrade.equals(highestGrade) ? lowestGrade.label() : lowestGrade.label() + "-" + highestGrade.label();
    }
}
