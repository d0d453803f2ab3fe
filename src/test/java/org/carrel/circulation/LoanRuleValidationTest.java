package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.circulation.LoanRuleForms.aRule;

import java.time.LocalDate;
import java.util.Map;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The loan-rule form's refusals, one message key per field, and nothing saved when refused. */
@CarrelTest
@Import(CirculationFixtures.class)
class LoanRuleValidationTest {

    private static final SignedInUser ADMIN = Users.user(Role.DISTRICT_ADMIN);

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    LoanRules loanRules;

    long school;

    @BeforeEach
    void aSchool() {
        school = fixtures.schoolId(fixtures.school());
    }

    @Test
    void refusesASchoolThatIsNotTheDistricts() {
        assertThat(errors(aRule().at(987_654_321L).build())).containsEntry("school", "circulation.rule.school.unknown");
        assertThat(errors(aRule().at("OAK").build())).containsEntry("school", "circulation.rule.school.unknown");
    }

    @Test
    void refusesAGradeBandForAnyoneButStudents() {
        assertThat(errors(aRule().at(school).forPatrons("TEACHER").inGrades("1", "2").build()))
                .containsEntry("lowestGrade", "circulation.rule.grades.studentsOnly");
        assertThat(errors(aRule().at(school).inGrades("1", "2").build()))
                .as("any patron type").containsEntry("lowestGrade", "circulation.rule.grades.studentsOnly");
    }

    @Test
    void refusesALowestGradeAboveTheHighestAndGradesThatDoNotExist() {
        assertThat(errors(aRule().at(school).forStudents().inGrades("4", "2").build()))
                .containsEntry("highestGrade", "circulation.rule.grades.order");
        assertThat(errors(aRule().at(school).forStudents().inGrades("13", "").build()))
                .containsEntry("lowestGrade", "circulation.rule.grade.invalid");
    }

    @Test
    void takesOneGradeAloneAsABandOfOneGrade() {
        LoanRulesResult saved = loanRules.save(aRule().at(school).forStudents().inGrades("", "K").build(), ADMIN);
        LoanRule rule = loanRules.rule(((LoanRulesResult.Saved) saved).id()).orElseThrow();
        assertThat(rule.lowestGrade().label()).isEqualTo("K");
        assertThat(rule.highestGrade().label()).isEqualTo("K");
    }

    @Test
    void refusesAPeriodWhoseLengthOrDateDoesNotGoWithItsKind() {
        assertThat(errors(aRule().at(school).lending("7", "DAYS").withFixedDate(future()).build()))
                .containsEntry("fixedDate", "circulation.rule.fixedDate.unused");
        assertThat(errors(aRule().at(school).until(future()).lending("7", "FIXED_DATE").build()))
                .containsEntry("periodLength", "circulation.rule.length.unused");
        assertThat(errors(aRule().at(school).lending("7", "TERM_END").build()))
                .containsEntry("periodLength", "circulation.rule.length.unused");
        assertThat(errors(aRule().at(school).lending("", "TERM_END").withFixedDate(future()).build()))
                .containsEntry("fixedDate", "circulation.rule.fixedDate.unused");
        assertThat(errors(aRule().at(school).until("").build())).containsEntry("fixedDate", "form.required");
        assertThat(errors(aRule().at(school).lending("", "DAYS").build()))
                .containsEntry("periodLength", "circulation.rule.length.DAYS");
        assertThat(errors(aRule().at(school).lending("7", "WEEKS").build()))
                .containsEntry("periodKind", "form.choice.invalid");
    }

    @Test
    void refusesALengthOutOfItsRange() {
        assertThat(errors(aRule().at(school).lending("0", "DAYS").build()))
                .containsEntry("periodLength", "circulation.rule.length.DAYS");
        assertThat(errors(aRule().at(school).lending("366", "DAYS").build()))
                .containsEntry("periodLength", "circulation.rule.length.DAYS");
        assertThat(errors(aRule().at(school).lending("201", "SCHOOL_DAYS").build()))
                .containsEntry("periodLength", "circulation.rule.length.SCHOOL_DAYS");
        assertThat(errors(aRule().at(school).lending("169", "HOURS").build()))
                .containsEntry("periodLength", "circulation.rule.length.HOURS");
        assertThat(errors(aRule().at(school).lending("two", "HOURS").build()))
                .containsEntry("periodLength", "circulation.rule.length.HOURS");
        assertThat(loanRules.save(aRule().at(school).of("EQUIPMENT").lending("168", "HOURS").build(), ADMIN).done())
                .as("a week of hours is the longest hourly loan").isTrue();
    }

    @Test
    void refusesAFixedDateThatHasPassed() {
        assertThat(errors(aRule().at(school).until(LocalDate.now().minusDays(3).toString()).build()))
                .containsEntry("fixedDate", "circulation.rule.fixedDate.past");
        assertThat(errors(aRule().at(school).until("2026-13-40").build()))
                .containsEntry("fixedDate", "form.date.invalid");
    }

    @Test
    void refusesNegativeLimits() {
        Map<String, String> errors = errors(aRule().at(school).atMost("-1", "-2").build());
        assertThat(errors).containsEntry("maxLoans", "circulation.rule.limit.negative")
                .containsEntry("maxRenewals", "circulation.rule.limit.negative");
        assertThat(errors(aRule().at(school).atMost("", "1").build())).containsEntry("maxLoans", "form.required");
        assertThat(errors(aRule().at(school).atMost("lots", "1").build()))
                .containsEntry("maxLoans", "form.number.invalid");
    }

    @Test
    void refusesAFineWithoutAPositiveAmountAndACapBelowOneDaysFine() {
        assertThat(errors(aRule().at(school).fined("0", "").build()))
                .containsEntry("dailyFine", "circulation.rule.fine.positive");
        assertThat(errors(aRule().at(school).fined("", "5.00").build()))
                .containsEntry("fineCap", "circulation.rule.fine.capWithoutFine");
        assertThat(errors(aRule().at(school).fined("0.25", "0.10").build()))
                .containsEntry("fineCap", "circulation.rule.fine.capBelowFine");
        assertThat(errors(aRule().at(school).fined("-0.25", "").build()))
                .containsEntry("dailyFine", "form.money.invalid");
        assertThat(errors(aRule().at(school).fined("5000", "").build()))
                .containsEntry("dailyFine", "circulation.rule.fine.tooHigh");
    }

    @Test
    void savesAFineWithACapOfExactlyOneDaysFine() {
        LoanRulesResult saved = loanRules.save(aRule().at(school).of("DVD").fined("0.25", "0.25").build(), ADMIN);
        LoanRule rule = loanRules.rule(((LoanRulesResult.Saved) saved).id()).orElseThrow();
        assertThat(rule.dailyFine()).isEqualByComparingTo("0.25");
        assertThat(rule.fineCap()).isEqualByComparingTo("0.25");
    }

    @Test
    void refusesCriteriaAnotherRuleHasEvenWhereTheDatabaseSeesNullsAsDistinct() {
        assertThat(loanRules.save(aRule().at(school).forStudents().build(), ADMIN).done()).isTrue();
        assertThat(errors(aRule().at(school).forStudents().lending("7", "DAYS").build()))
                .containsEntry("", "circulation.rule.duplicate");

        assertThat(loanRules.save(aRule().at(school).build(), ADMIN).done()).as("the school's own default").isTrue();
        assertThat(errors(aRule().at(school).lending("3", "DAYS").build()))
                .as("every criterion but the school is null").containsEntry("", "circulation.rule.duplicate");
        assertThat(errors(aRule().districtWide().build()))
                .as("a second district default").containsEntry("", "circulation.rule.duplicate");
        assertThat(loanRules.rules().stream().filter(r -> r.schoolId() != null && r.schoolId() == school)).hasSize(2);
    }

    @Test
    void savesNothingWhenRefused() {
        int before = loanRules.rules().size();
        errors(aRule().at(school).atMost("-1", "0").build());
        assertThat(loanRules.rules()).hasSize(before);
    }

    private Map<String, String> errors(LoanRuleForm form) {
        LoanRulesResult result = loanRules.save(form, ADMIN);
        assertThat(result).as("refused").isInstanceOf(LoanRulesResult.Invalid.class);
        return result.errors().byField();
    }

    private static String future() {
        return LocalDate.now().plusDays(30).toString();
    }
}
