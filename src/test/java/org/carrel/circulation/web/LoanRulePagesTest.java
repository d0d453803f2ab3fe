package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.LoanRule;
import org.carrel.circulation.LoanRules;
import org.carrel.district.District;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The loan-rule pages: the matrix, the preview sentence (whole page and htmx part), the rule form with 422 on
 * invalid input, delete with confirmation, the recommended rules, the settings, and what a librarian may not do.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class LoanRulePagesTest {

    private static final SignedInUser ADMIN = Users.user(Role.DISTRICT_ADMIN);

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    LoanRules loanRules;
    @Autowired
    District district;

    long school;
    String schoolName;
    long otherSchool;

    @BeforeEach
    void twoSchoolsWithTheRecommendedRules() {
        school = fixtures.schoolId(fixtures.school());
        schoolName = district.school(school).orElseThrow().name();
        otherSchool = fixtures.schoolId(fixtures.school());
        loanRules.applyRecommended(school, "test");
        loanRules.applyRecommended(otherSchool, "test");
    }

    @Test
    void theMatrixShowsTheDistrictWideRulesThenTheSchoolsOwn() throws Exception {
        String page = mvc.perform(get("/staff/circulation/rules").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("District-wide").contains("District default").contains(schoolName)
                .contains("Not for loan").contains("4 hours").contains("Fine-free")
                .contains("action=\"/staff/circulation/rules/recommended\"")
                .doesNotContain(district.school(otherSchool).orElseThrow().name())
                .doesNotContain("/staff/circulation/rules/settings");
        assertThat(page.indexOf("id=\"district-wide\"")).isPositive()
                .isLessThan(page.indexOf("id=\"school-" + school + "\""));
    }

    @Test
    void thePreviewSaysWhichRuleAppliesAndWhenTheLoanIsDue() throws Exception {
        LoanRule students = rule("STUDENT", null);
        String sentence = "A grade 2 student borrowing a book at " + schoolName + " on 2026-12-01: rule #"
                + students.id() + " (" + schoolName + ", Student, Any item type: 7 days, 2 at once), due on Tuesday"
                + " 2026-12-08.";

        mvc.perform(preview("2").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Loan rules")))
                .andExpect(content().string(containsString(sentence)));
        mvc.perform(preview("2").header("HX-Request", "true").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(sentence)))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void thePreviewOfAnHourlyLoanGivesTheTimeAndAReferenceBookIsNotLent() throws Exception {
        String equipment = mvc.perform(get("/staff/circulation/rules/preview").param("school", String.valueOf(school))
                        .param("patronType", "TEACHER").param("itemType", "EQUIPMENT").param("date", "2026-12-01")
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // Borrowed at the time of day the test runs: due four hours later, that evening or the next morning.
        assertThat(equipment).contains("A teacher borrowing a piece of equipment at " + schoolName + " on 2026-12-01")
                .contains("4 hours, 1 at once").containsPattern("due on (Tuesday 2026-12-01|Wednesday 2026-12-02) at"
                        + " [0-2][0-9]:[0-5][0-9]\\.");
        mvc.perform(get("/staff/circulation/rules/preview").param("school", String.valueOf(school))
                        .param("patronType", "STUDENT").param("grade", "4").param("itemType", "REFERENCE")
                        .param("date", "2026-12-01").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A grade 4 student borrowing a reference book at ")))
                .andExpect(content().string(containsString("not for loan.")));
    }

    @Test
    void anInvalidPreviewAnswers422WithoutHtmxAndAMessageInPlaceWithIt() throws Exception {
        mvc.perform(get("/staff/circulation/rules/preview").param("school", String.valueOf(school))
                        .param("patronType", "STUDENT").param("itemType", "BOOK").param("date", "someday")
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a date like 2026-08-17.")));
        mvc.perform(get("/staff/circulation/rules/preview").param("school", String.valueOf(school))
                        .param("patronType", "WIZARD").param("itemType", "BOOK").header("HX-Request", "true")
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a patron type.")));
        mvc.perform(preview("2").with(Users.as(Role.LIBRARIAN, otherSchool)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRuleIsAddedEditedAndDeletedThroughItsPages() throws Exception {
        mvc.perform(get("/staff/circulation/rules/new").param("school", String.valueOf(school))
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + school + "\" selected")));
        mvc.perform(ruleForm(post("/staff/circulation/rules"), "DVD", "7").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().is3xxRedirection());
        LoanRule dvd = rule(null, "DVD");
        assertThat(dvd.period().length()).isEqualTo(7);

        mvc.perform(get("/staff/circulation/rules/" + dvd.id() + "/edit").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/staff/circulation/rules/" + dvd.id() + "\"")));
        mvc.perform(ruleForm(post("/staff/circulation/rules/" + dvd.id()), "DVD", "3")
                        .param("version", String.valueOf(dvd.version())).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(redirectedUrl("/staff/circulation/rules?saved=" + dvd.id() + "#rule-" + dvd.id()));
        assertThat(loanRules.rule(dvd.id()).orElseThrow().period().length()).isEqualTo(3);

        mvc.perform(get("/staff/circulation/rules/" + dvd.id() + "/delete").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Delete the rule")));
        mvc.perform(post("/staff/circulation/rules/" + dvd.id() + "/delete").with(csrf())
                        .param("version", String.valueOf(dvd.version() + 1)).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(redirectedUrl("/staff/circulation/rules?deleted=" + dvd.id()));
        assertThat(loanRules.rule(dvd.id())).isEmpty();
    }

    @Test
    void anInvalidRuleIsShownAgainWithItsMessagesAnd422() throws Exception {
        mvc.perform(ruleForm(post("/staff/circulation/rules"), "DVD", "400").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("Enter a number of days from 1 to 365.")))
                .andExpect(content().string(containsString("value=\"400\"")));
    }

    @Test
    void aLibrarianCannotTouchAnotherSchoolsRules() throws Exception {
        LoanRule others = rule(otherSchool, "STUDENT", null);
        mvc.perform(get("/staff/circulation/rules/" + others.id() + "/edit").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());
        mvc.perform(ruleForm(post("/staff/circulation/rules/" + others.id()), "BOOK", "1")
                        .param("version", String.valueOf(others.version())).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/circulation/rules/" + others.id() + "/delete").with(csrf())
                        .param("version", String.valueOf(others.version())).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());
        mvc.perform(ruleForm(post("/staff/circulation/rules"), String.valueOf(otherSchool), "KIT", "7")
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/circulation/rules/recommended").with(csrf())
                        .param("school", String.valueOf(otherSchool)).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());
        assertThat(loanRules.rule(others.id())).contains(others);
    }

    @Test
    void aLibrarianReadsButCannotChangeDistrictWideRules() throws Exception {
        LoanRule districtDefault = loanRules.rules().stream().filter(LoanRule::districtDefault).findFirst()
                .orElseThrow();
        mvc.perform(get("/staff/circulation/rules/" + districtDefault.id() + "/edit")
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only a district admin can change district-wide rules.")))
                .andExpect(content().string(not(containsString("action=\"/staff/circulation/rules/"
                        + districtDefault.id() + "\""))));
        mvc.perform(ruleForm(post("/staff/circulation/rules/" + districtDefault.id()), "", "", "30")
                        .param("version", String.valueOf(districtDefault.version()))
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(ruleForm(post("/staff/circulation/rules"), "", "MAGAZINE", "3")
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Only a district admin can change district-wide rules.")));
        assertThat(loanRules.rule(districtDefault.id())).contains(districtDefault);
    }

    @Test
    void theRecommendedRulesAreAppliedFromTheMatrix() throws Exception {
        long fresh = fixtures.schoolId(fixtures.school());
        mvc.perform(post("/staff/circulation/rules/recommended").with(csrf()).param("school", String.valueOf(fresh))
                        .with(Users.as(Role.LIBRARIAN, fresh)))
                .andExpect(redirectedUrl("/staff/circulation/rules?applied=6&skipped=0#school-" + fresh));
        mvc.perform(get("/staff/circulation/rules").param("applied", "0").param("skipped", "6")
                        .with(Users.as(Role.LIBRARIAN, fresh)))
                .andExpect(content().string(containsString(
                        "No recommended rule was added; 6 were there already.")));
    }

    @Test
    void aDistrictAdminChangesTheSettingsThroughTheirForm() throws Exception {
        mvc.perform(get("/staff/circulation/rules/settings").with(Users.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"lostAfterDays\"")));
        mvc.perform(post("/staff/circulation/rules/settings").with(csrf()).param("lostAfterDays", "0")
                        .param("holdShelfDays", "7").param("defaultReplacement", "15.00")
                        .param("version", String.valueOf(loanRules.settings().version())).with(Users.as(ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a whole number in the allowed range.")));
    }

    private MockHttpServletRequestBuilder preview(String grade) {
        return get("/staff/circulation/rules/preview").param("school", String.valueOf(school))
                .param("patronType", "STUDENT").param("grade", grade).param("itemType", "BOOK")
                .param("date", "2026-12-01");
    }

    private MockHttpServletRequestBuilder ruleForm(MockHttpServletRequestBuilder request, String itemType,
                                                   String days) {
        return ruleForm(request, String.valueOf(school), itemType, days);
    }

    private static MockHttpServletRequestBuilder ruleForm(MockHttpServletRequestBuilder request, String schoolId,
                                                          String itemType, String days) {
        return request.with(csrf()).param("school", schoolId).param("itemType", itemType)
                .param("periodKind", "DAYS").param("periodLength", days).param("maxLoans", "2")
                .param("maxRenewals", "0");
    }

    private LoanRule rule(String patronType, String itemType) {
        return rule(school, patronType, itemType);
    }

    private LoanRule rule(long schoolId, String patronType, String itemType) {
        return loanRules.rules().stream().filter(r -> r.schoolId() != null && r.schoolId() == schoolId)
                .filter(r -> patronType == null ? r.patronType() == null : patronType.equals(
                        r.patronType() == null ? null : r.patronType().name()))
                .filter(r -> r.lowestGrade() == null)
                .filter(r -> itemType == null ? r.itemType() == null : r.itemType() != null
                        && itemType.equals(r.itemType().name()))
                .findFirst().orElseThrow();
    }
}
