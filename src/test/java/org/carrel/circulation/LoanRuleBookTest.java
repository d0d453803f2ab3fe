package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;
import org.junit.jupiter.api.Test;

/** Which rule applies to a loan (no Spring): the most specific of those that match. */
class LoanRuleBookTest {

    private static final long OAK = 7;
    private static final long MAPLE = 8;
    private static final LoanRule DISTRICT_DEFAULT = rule(1, null, null, null, null, null);

    @Test
    void theDistrictDefaultAlwaysMatches() {
        List<LoanRule> rules = List.of(DISTRICT_DEFAULT, rule(2, OAK, PatronType.STUDENT, null, null, ItemType.DVD));
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(3), ItemType.BOOK)).isEqualTo(DISTRICT_DEFAULT);
        assertThat(ruleFor(rules, MAPLE, PatronType.STUDENT, Grade.of(3), ItemType.DVD)).isEqualTo(DISTRICT_DEFAULT);
        assertThat(ruleFor(rules, OAK, PatronType.TEACHER, null, ItemType.EQUIPMENT)).isEqualTo(DISTRICT_DEFAULT);
        assertThat(ruleFor(rules, OAK, PatronType.COMMUNITY, null, ItemType.OTHER)).isEqualTo(DISTRICT_DEFAULT);
    }

    @Test
    void aSchoolsOwnRuleBeatsAMoreSpecificDistrictWideOne() {
        LoanRule districtBooks = rule(2, null, PatronType.STUDENT, Grade.of(1), Grade.of(2), ItemType.BOOK);
        LoanRule oak = rule(3, OAK, null, null, null, null);
        List<LoanRule> rules = List.of(DISTRICT_DEFAULT, districtBooks, oak);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(1), ItemType.BOOK)).isEqualTo(oak);
        assertThat(ruleFor(rules, MAPLE, PatronType.STUDENT, Grade.of(1), ItemType.BOOK)).isEqualTo(districtBooks);
    }

    @Test
    void aRuleForTheItemTypeBeatsOneForThePatronType() {
        LoanRule students = rule(2, OAK, PatronType.STUDENT, Grade.of(1), Grade.of(1), null);
        LoanRule equipment = rule(3, OAK, null, null, null, ItemType.EQUIPMENT);
        List<LoanRule> rules = List.of(DISTRICT_DEFAULT, students, equipment);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(1), ItemType.EQUIPMENT)).isEqualTo(equipment);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(1), ItemType.BOOK)).isEqualTo(students);
    }

    @Test
    void aGradeBandBeatsThePlainPatronType() {
        LoanRule students = rule(2, OAK, PatronType.STUDENT, null, null, null);
        LoanRule youngest = rule(3, OAK, PatronType.STUDENT, Grade.PRE_K, Grade.of(1), null);
        List<LoanRule> rules = List.of(DISTRICT_DEFAULT, youngest, students);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.KINDERGARTEN, ItemType.BOOK)).isEqualTo(youngest);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(2), ItemType.BOOK)).isEqualTo(students);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, null, ItemType.BOOK))
                .as("a student without a grade is in no band").isEqualTo(students);
    }

    @Test
    void theNarrowerGradeBandWins() {
        LoanRule wide = rule(2, OAK, PatronType.STUDENT, Grade.KINDERGARTEN, Grade.of(5), null);
        LoanRule narrow = rule(3, OAK, PatronType.STUDENT, Grade.of(2), Grade.of(3), null);
        List<LoanRule> rules = List.of(DISTRICT_DEFAULT, wide, narrow);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(2), ItemType.BOOK)).isEqualTo(narrow);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(4), ItemType.BOOK)).isEqualTo(wide);
    }

    @Test
    void thePatronTypeBeatsAnyPatronType() {
        LoanRule anyone = rule(2, OAK, null, null, null, ItemType.REFERENCE);
        LoanRule teachers = rule(3, OAK, PatronType.TEACHER, null, null, ItemType.REFERENCE);
        List<LoanRule> rules = List.of(DISTRICT_DEFAULT, anyone, teachers);
        assertThat(ruleFor(rules, OAK, PatronType.TEACHER, null, ItemType.REFERENCE)).isEqualTo(teachers);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(4), ItemType.REFERENCE)).isEqualTo(anyone);
    }

    @Test
    void theOlderRuleBreaksATieBetweenOverlappingBandsOfOneWidth() {
        LoanRule older = rule(11, OAK, PatronType.STUDENT, Grade.of(2), Grade.of(3), null);
        LoanRule newer = rule(20, OAK, PatronType.STUDENT, Grade.of(1), Grade.of(2), null);
        List<LoanRule> rules = new ArrayList<>(List.of(newer, DISTRICT_DEFAULT, older));
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(2), ItemType.BOOK)).isEqualTo(older);
        Collections.reverse(rules);
        assertThat(ruleFor(rules, OAK, PatronType.STUDENT, Grade.of(2), ItemType.BOOK)).isEqualTo(older);
    }

    @Test
    void anotherSchoolsRuleNeverApplies() {
        LoanRule maple = rule(2, MAPLE, null, null, null, null);
        assertThat(ruleFor(List.of(maple, DISTRICT_DEFAULT), OAK, PatronType.STUDENT, Grade.of(2), ItemType.BOOK))
                .isEqualTo(DISTRICT_DEFAULT);
        assertThat(LoanRuleBook.ruleFor(List.of(maple), OAK, PatronType.STUDENT, Grade.of(2), ItemType.BOOK))
                .as("without the district default nothing matches").isEmpty();
    }

    private static LoanRule ruleFor(List<LoanRule> rules, long school, PatronType type, Grade grade,
                                    ItemType itemType) {
        return LoanRuleBook.ruleFor(rules, school, type, grade, itemType).orElseThrow();
    }

    private static LoanRule rule(long id, Long school, PatronType type, Grade lowest, Grade highest,
                                 ItemType itemType) {
        return new LoanRule(id, school, type, lowest, highest, itemType, LoanPeriod.days(14), 5, 2, true, null, null,
                0);
    }
}
