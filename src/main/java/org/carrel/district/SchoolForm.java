package org.carrel.district;

/**
 * A new or edited school, as typed on the school page or posted to {@code POST /api/v1/schools}. Fields are text
 * so that every mistake becomes a field message ({@link District#createSchool}): grades are {@code PK}, {@code K}
 * or {@code 1}..{@code 12}; level defaults to {@code OTHER}; {@code version} is the one the editor saw.
 */
public record SchoolForm(String code, String name, String lowestGrade, String highestGrade, String level,
                         String addressLine1, String addressLine2, String city, String region, String postalCode,
                         Long version) {

    /** The form for editing an existing school. */
    public static SchoolForm of(SchoolView school) {
        return new SchoolForm(school.code(), school.name(), school.lowestGrade().label(), school.highestGrade().label(),
                school.level().name(), school.addressLine1(), school.addressLine2(), school.city(), school.region(),
                school.postalCode(), school.version());
    }

    public static SchoolForm empty() {
        return new SchoolForm("", "", "", "", SchoolLevel.ELEMENTARY.name(), "", "", "", "", "", 0L);
    }
}
