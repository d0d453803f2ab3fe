package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.circulation.LoanRuleForms.aRule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.ItemType;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolForm;
import org.carrel.patrons.PatronType;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The recommended rules per school level: applied once they are there, applied twice they add nothing, a school's
 * own rule for the same criteria stays, and the preview then answers with them.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class RecommendedRulesTest {

    private static final SignedInUser ADMIN = Users.user(Role.DISTRICT_ADMIN);
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    LoanRules loanRules;
    @Autowired
    District district;

    @Test
    void anElementarySchoolGetsItsRulesOnceHoweverOftenTheyAreApplied() {
        long school = school("ELEMENTARY", "K", "5");

        assertThat(loanRules.applyRecommended(school, ADMIN)).isEqualTo(new LoanRulesResult.Applied(6, 0));
        assertThat(loanRules.applyRecommended(school, ADMIN)).isEqualTo(new LoanRulesResult.Applied(0, 6));

        List<LoanRule> rules = rulesOf(school);
        assertThat(rules).hasSize(6).allMatch(LoanRule::fineFree);
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.patronType()).isEqualTo(PatronType.STUDENT);
            assertThat(r.lowestGrade()).isNull();
            assertThat(r.itemType()).isNull();
            assertThat(r.period()).isEqualTo(LoanPeriod.days(7));
            assertThat(r.maxLoans()).isEqualTo(2);
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.itemType()).isEqualTo(ItemType.EQUIPMENT);
            assertThat(r.period()).isEqualTo(LoanPeriod.hours(4));
            assertThat(r.maxLoans()).isEqualTo(1);
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.patronType()).isEqualTo(PatronType.TEACHER);
            assertThat(r.itemType()).isNull();
            assertThat(r.period()).isEqualTo(LoanPeriod.days(28));
            assertThat(r.maxLoans()).isEqualTo(25);
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.patronType()).isNull();
            assertThat(r.itemType()).isEqualTo(ItemType.REFERENCE);
            assertThat(r.forLoan()).isFalse();
        });
    }

    @Test
    void aRuleTheSchoolAlreadyHasIsKeptAndTheOthersAreAdded() {
        long school = school("ELEMENTARY", "K", "5");
        long own = ((LoanRulesResult.Saved) loanRules.save(aRule().at(school).forStudents().lending("10", "DAYS")
                .atMost("4", "0").build(), ADMIN)).id();

        assertThat(loanRules.applyRecommended(school, ADMIN)).isEqualTo(new LoanRulesResult.Applied(5, 1));
        assertThat(loanRules.rule(own).orElseThrow().period()).isEqualTo(LoanPeriod.days(10));
        assertThat(rulesOf(school)).hasSize(6);
    }

    @Test
    void theRulesFollowTheSchoolsLevel() {
        long middle = school("MIDDLE", "6", "8");
        long high = school("HIGH", "9", "12");
        long other = school("OTHER", "K", "12");
        loanRules.applyRecommended(middle, ADMIN);
        loanRules.applyRecommended(high, ADMIN);
        loanRules.applyRecommended(other, ADMIN);

        assertThat(rulesOf(middle)).anyMatch(r -> r.itemType() == ItemType.DVD
                && r.period().equals(LoanPeriod.schoolDays(3)));
        assertThat(rulesOf(high)).anyMatch(r -> r.patronType() == PatronType.TEACHER && r.itemType() == null
                && r.period().equals(LoanPeriod.termEnd()) && r.maxLoans() == 40);
        assertThat(rulesOf(other)).anyMatch(r -> r.patronType() == PatronType.STUDENT && r.itemType() == null
                && r.maxLoans() == 3);
        assertThat(List.of(middle, high, other)).allSatisfy(school -> assertThat(rulesOf(school))
                .anyMatch(r -> r.itemType() == ItemType.REFERENCE && r.patronType() == null && !r.forLoan()));
    }

    @Test
    void refusesASchoolThatDoesNotExist() {
        assertThat(loanRules.applyRecommended(987_654_321L, "demo").errors().byField())
                .containsEntry("school", "circulation.rule.school.unknown");
    }

    @Test
    void thePreviewAnswersWithTheMostSpecificRecommendedRule() {
        long school = school("ELEMENTARY", "PK", "5");
        loanRules.applyRecommended(school, ADMIN);
        ZonedDateTime tuesday = LocalDateTime.parse("2026-12-01T10:00").atZone(ZoneId.of("America/New_York"));

        LoanRules.Preview firstGrader = loanRules.preview(school, PatronType.STUDENT, Grade.of(1), ItemType.BOOK,
                tuesday);
        assertThat(firstGrader.rule().lowestGrade()).isEqualTo(Grade.PRE_K);
        assertThat(firstGrader.rule().maxLoans()).isEqualTo(1);
        assertThat(firstGrader.due().orElseThrow().day()).isEqualTo("2026-12-08");

        LoanRules.Preview projector = loanRules.preview(school, PatronType.TEACHER, null, ItemType.EQUIPMENT,
                tuesday);
        assertThat(projector.rule().period()).isEqualTo(LoanPeriod.hours(4));

        LoanRules.Preview atlas = loanRules.preview(school, PatronType.STUDENT, Grade.of(4), ItemType.REFERENCE,
                tuesday);
        assertThat(atlas.rule().forLoan()).isFalse();
    }

    private long school(String level, String lowest, String highest) {
        String code = "RR" + NEXT.incrementAndGet() + "L" + System.nanoTime() % 10000;
        assertThat(district.createSchool(new SchoolForm(code, "Recommended " + code, lowest, highest, level, null,
                null, null, null, null, null), "test").saved()).isTrue();
        return district.school(code).orElseThrow().id();
    }

    private List<LoanRule> rulesOf(long school) {
        return loanRules.rules().stream().filter(r -> r.schoolId() != null && r.schoolId() == school).toList();
    }
}
