package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchoolRulesTest {

    private static SchoolForm school(String code, String name, String lowest, String highest) {
        return new SchoolForm(code, name, lowest, highest, "ELEMENTARY", null, null, null, null, null, 0L);
    }

    @Test
    void acceptsAValidSchoolAndStoresItsCodeUpperCase() {
        SchoolRules.Checked<SchoolStore.SchoolValues> checked = SchoolRules.check(school(" oak ", "Oak Hill", "k", "5"));

        assertThat(checked.valid()).isTrue();
        assertThat(checked.values().code()).isEqualTo("OAK");
        assertThat(checked.values().lowest()).isEqualTo(Grade.KINDERGARTEN);
    }

    @Test
    void refusesACodeThatIsTooShortOrHasOtherCharacters() {
        assertThat(SchoolRules.check(school("O", "Oak", "K", "5")).errors().get("code"))
                .isEqualTo("district.school.code.invalid");
        assertThat(SchoolRules.check(school("OAK HILL", "Oak", "K", "5")).errors().get("code"))
                .isEqualTo("district.school.code.invalid");
        assertThat(SchoolRules.check(school("ABCDEFGHIJKLM", "Oak", "K", "5")).errors().get("code"))
                .isEqualTo("district.school.code.invalid");
    }

    @Test
    void requiresANameAndBothGrades() {
        SchoolRules.Checked<SchoolStore.SchoolValues> checked = SchoolRules.check(school("OAK", " ", "", null));

        assertThat(checked.errors().byField()).containsEntry("name", "form.required")
                .containsEntry("lowestGrade", "form.required").containsEntry("highestGrade", "form.required");
    }

    @Test
    void refusesAGradeSpanThatRunsBackwards() {
        assertThat(SchoolRules.check(school("LINC", "Lincoln", "8", "6")).errors().get("highestGrade"))
                .isEqualTo("district.school.gradeSpan.invalid");
    }

    @Test
    void refusesGradesOutsidePreKToTwelve() {
        assertThat(SchoolRules.check(school("RHS", "Riverbend", "9", "13")).errors().get("highestGrade"))
                .isEqualTo("district.school.grade.invalid");
    }

    @Test
    void namesGradeSpansAsSchoolsPrintThem() {
        assertThat(Grade.parse("pk")).contains(Grade.PRE_K);
        assertThat(new SchoolView(1, "MAPLE", "Maple", Grade.PRE_K, Grade.of(5), SchoolLevel.ELEMENTARY, null, null,
                null, null, null, 0).gradeSpan()).isEqualTo("PK-5");
    }

    @Test
    void refusesADistrictGroupSizeBelowFive() {
        DistrictForm form = new DistrictForm("Riverbend", "America/Chicago", "en", "4", "PATRON", 0L);

        assertThat(SettingsRules.check(form).errors().get("minGroupSize")).isEqualTo("district.minGroupSize.invalid");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        DistrictForm form = new DistrictForm("Riverbend", "Mars/Olympus", "en", "10", "PATRON", 0L);

        assertThat(SettingsRules.check(form).errors().get("timeZone")).isEqualTo("district.timeZone.invalid");
    }
}
