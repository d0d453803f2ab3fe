package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.circulation.LoanRuleForms.aRule;
import static org.carrel.circulation.LoanRuleForms.aRuleLike;

import java.util.List;

import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Creating, editing and deleting loan rules and the settings: optimistic versions, the district default, the audit
 * log, and who may change what (a librarian their schools' rules; a district admin everything).
 */
@CarrelTest
@Import(CirculationFixtures.class)
class LoanRuleChangesTest {

    private static final SignedInUser ADMIN = Users.user(Role.DISTRICT_ADMIN);

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    LoanRules loanRules;
    @Autowired
    AuditLog audit;

    long school;
    long otherSchool;
    SignedInUser librarian;

    @BeforeEach
    void twoSchoolsAndTheLibrarianOfOne() {
        school = fixtures.schoolId(fixtures.school());
        otherSchool = fixtures.schoolId(fixtures.school());
        librarian = Users.user(Role.LIBRARIAN, school);
    }

    @Test
    void savesARuleOfASchoolAndAuditsIt() {
        LoanRulesResult result = loanRules.save(aRule().at(school).forStudents().inGrades("K", "2").of("BOOK")
                .lending("7", "DAYS").atMost("2", "1").fined("0.10", "2.00").build(), librarian);

        long id = ((LoanRulesResult.Saved) result).id();
        LoanRule rule = loanRules.rule(id).orElseThrow();
        assertThat(rule.schoolId()).isEqualTo(school);
        assertThat(rule.period()).isEqualTo(LoanPeriod.days(7));
        assertThat(rule.maxLoans()).isEqualTo(2);
        assertThat(rule.holdsAllowed()).isTrue();
        assertThat(rule.fineCap()).isEqualByComparingTo("2.00");
        assertThat(entries(id)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("circulation.rule.saved");
            assertThat(entry.actor()).isEqualTo(librarian.username());
            assertThat(entry.detail()).contains("added").contains("STUDENT grades K-2").contains("DAYS 7");
        });
    }

    @Test
    void editsARuleWithTheVersionSeenAndRefusesAStaleOne() {
        long id = save(aRule().at(school).of("DVD").lending("3", "DAYS").build());
        LoanRule seen = loanRules.rule(id).orElseThrow();

        assertThat(loanRules.save(aRuleLike(seen).lending("5", "SCHOOL_DAYS").withoutHolds().build(), librarian)
                .done()).isTrue();
        LoanRule edited = loanRules.rule(id).orElseThrow();
        assertThat(edited.period()).isEqualTo(LoanPeriod.schoolDays(5));
        assertThat(edited.holdsAllowed()).isFalse();
        assertThat(edited.version()).isEqualTo(seen.version() + 1);

        LoanRulesResult stale = loanRules.save(aRuleLike(seen).lending("9", "DAYS").build(), librarian);
        assertThat(stale.errors().byField()).containsEntry("", "form.staleVersion");
        assertThat(loanRules.rule(id).orElseThrow().period()).isEqualTo(LoanPeriod.schoolDays(5));
        assertThat(entries(id)).extracting(AuditEntry::detail).anyMatch(d -> d.startsWith("changed: "));
    }

    @Test
    void deletesARuleWithTheVersionSeenAndAuditsIt() {
        long id = save(aRule().at(school).of("KIT").build());
        long version = loanRules.rule(id).orElseThrow().version();

        assertThat(loanRules.delete(id, version + 1, librarian).errors().byField())
                .containsEntry("", "form.staleVersion");
        assertThat(loanRules.delete(id, version, librarian).done()).isTrue();
        assertThat(loanRules.rule(id)).isEmpty();
        assertThat(entries(id)).extracting(AuditEntry::action).contains("circulation.rule.deleted");
        assertThat(loanRules.delete(id, version, librarian).errors().byField())
                .containsEntry("", "circulation.rule.notFound");
    }

    @Test
    void neverDeletesTheDistrictDefaultNorChangesItsCriteria() {
        LoanRule districtDefault = loanRules.rules().stream().filter(LoanRule::districtDefault).findFirst()
                .orElseThrow();
        assertThat(loanRules.delete(districtDefault.id(), districtDefault.version(), ADMIN).errors().byField())
                .containsEntry("", "circulation.rule.default.undeletable");
        assertThat(loanRules.save(aRuleLike(districtDefault).forStudents().build(), ADMIN).errors().byField())
                .containsEntry("", "circulation.rule.default.criteria");
        assertThat(loanRules.save(aRuleLike(districtDefault).at(school).build(), ADMIN).errors().byField())
                .containsEntry("", "circulation.rule.default.criteria");
        assertThat(loanRules.rule(districtDefault.id())).contains(districtDefault);
    }

    @Test
    void aLibrarianChangesOnlyTheRulesOfTheirSchools() {
        long others = save(aRule().at(otherSchool).of("DVD").build());
        LoanRule othersRule = loanRules.rule(others).orElseThrow();

        assertThat(loanRules.save(aRule().at(otherSchool).of("KIT").build(), librarian).errors().byField())
                .containsEntry("school", "circulation.rule.notYourSchool");
        assertThat(loanRules.save(aRuleLike(othersRule).lending("1", "DAYS").build(), librarian).errors().byField())
                .containsEntry("", "circulation.rule.notYourSchool");
        assertThat(loanRules.save(aRuleLike(othersRule).at(school).build(), librarian).errors().byField())
                .as("nor takes one over").containsEntry("", "circulation.rule.notYourSchool");
        assertThat(loanRules.delete(others, othersRule.version(), librarian).errors().byField())
                .containsEntry("", "circulation.rule.notYourSchool");
        assertThat(loanRules.applyRecommended(otherSchool, librarian).errors().byField())
                .containsEntry("school", "circulation.rule.notYourSchool");
        assertThat(loanRules.rule(others)).contains(othersRule);
        assertThat(loanRules.rules().stream().filter(r -> r.schoolId() != null && r.schoolId() == otherSchool))
                .hasSize(1);
    }

    @Test
    void onlyADistrictAdminChangesDistrictWideRules() {
        assertThat(loanRules.save(aRule().districtWide().forPatrons("COMMUNITY").of("MAGAZINE").build(), librarian)
                .errors().byField()).containsEntry("school", "circulation.rule.districtOnly");
        LoanRule districtDefault = loanRules.rules().stream().filter(LoanRule::districtDefault).findFirst()
                .orElseThrow();
        assertThat(loanRules.save(aRuleLike(districtDefault).lending("30", "DAYS").build(), librarian).errors()
                .byField()).containsEntry("", "circulation.rule.districtOnly");

        long id = ((LoanRulesResult.Saved) loanRules.save(aRule().districtWide().forPatrons("COMMUNITY")
                .of("MAGAZINE").lending("3", "DAYS").build(), ADMIN)).id();
        try {
            LoanRule districtWide = loanRules.rule(id).orElseThrow();
            assertThat(loanRules.delete(id, districtWide.version(), librarian).errors().byField())
                    .containsEntry("", "circulation.rule.districtOnly");
        } finally {
            assertThat(loanRules.delete(id, loanRules.rule(id).orElseThrow().version(), ADMIN).done()).isTrue();
        }
    }

    @Test
    void staffWithoutTheRightToEditRulesChangeNone() {
        SignedInUser para = Users.user(Role.PARAPROFESSIONAL, school);
        assertThat(loanRules.save(aRule().at(school).of("KIT").build(), para).done()).isFalse();
        assertThat(loanRules.updateSettings(CirculationSettingsForm.of(loanRules.settings()), librarian).errors()
                .byField()).containsEntry("", "circulation.settings.notAllowed");
    }

    @Test
    void aDistrictAdminChangesTheSettingsWithTheVersionSeen() {
        CirculationSettings before = loanRules.settings();
        try {
            CirculationSettingsForm form = new CirculationSettingsForm("45", "5", "", "true", "22.50",
                    before.version());
            assertThat(loanRules.updateSettings(form, ADMIN).done()).isTrue();
            CirculationSettings after = loanRules.settings();
            assertThat(after.lostAfterDays()).isEqualTo(45);
            assertThat(after.holdShelfDays()).isEqualTo(5);
            assertThat(after.teachersFirst()).isFalse();
            assertThat(after.interSchoolHolds()).isTrue();
            assertThat(after.defaultReplacement()).isEqualByComparingTo("22.50");
            assertThat(loanRules.updateSettings(form, ADMIN).errors().byField())
                    .containsEntry("", "form.staleVersion");
            assertThat(audit.newest(ADMIN.username(), 20)).extracting(AuditEntry::action)
                    .contains("circulation.settings.saved");
        } finally {
            CirculationSettingsForm back = CirculationSettingsForm.of(before);
            loanRules.updateSettings(new CirculationSettingsForm(back.lostAfterDays(), back.holdShelfDays(),
                    back.teachersFirst(), back.interSchoolHolds(), back.defaultReplacement(),
                    loanRules.settings().version()), ADMIN);
        }
        assertThat(loanRules.settings().lostAfterDays()).isEqualTo(before.lostAfterDays());
    }

    @Test
    void refusesSettingsOutOfRange() {
        CirculationSettings before = loanRules.settings();
        LoanRulesResult result = loanRules.updateSettings(new CirculationSettingsForm("0", "61", "true", "true",
                "-1", before.version()), ADMIN);
        assertThat(result.errors().byField()).containsEntry("lostAfterDays", "form.number.invalid")
                .containsEntry("holdShelfDays", "form.number.invalid")
                .containsEntry("defaultReplacement", "form.money.invalid");
        assertThat(loanRules.updateSettings(new CirculationSettingsForm("", "7", "true", "true", "", before.version()),
                ADMIN).errors().byField()).containsEntry("lostAfterDays", "form.required")
                .containsEntry("defaultReplacement", "form.required");
        assertThat(loanRules.settings()).isEqualTo(before);
    }

    private long save(LoanRuleForm form) {
        return ((LoanRulesResult.Saved) loanRules.save(form, ADMIN)).id();
    }

    private List<AuditEntry> entries(long ruleId) {
        return audit.newest(String.valueOf(ruleId), 50).stream()
                .filter(e -> "loan_rule".equals(e.recordType())).toList();
    }
}
