package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.circulation.web.ApiRequests.checkout;
import static org.carrel.circulation.web.ApiRequests.item;
import static org.carrel.circulation.web.ApiRequests.postJson;
import static org.carrel.circulation.web.ApiRequests.token;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.catalog.ItemType;
import org.carrel.circulation.ApiTestRules;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanPeriod;
import org.carrel.circulation.Refusal;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/circulation/renewals}: the loan with its new due date, or a 409 naming the refusal. */
@CarrelTest
@Import({CirculationFixtures.class, ApiTestRules.class})
class RenewalApiTest {

    static final String RENEWALS = "/api/v1/circulation/renewals";

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    ApiTestRules rules;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Patrons patrons;
    @Autowired
    Holds holds;
    @Autowired
    Circulation circulation;

    String school;
    long record;
    String copy;
    String student;
    String admin;

    @BeforeEach
    void aStudentAndACopy() {
        school = fixtures.school();
        record = fixtures.title("Number the Stars");
        copy = fixtures.copy(record, school);
        student = fixtures.student(school, "4");
        admin = token(tokens, Role.DISTRICT_ADMIN, null);
    }

    @Test
    void renewsTheLoanAndAnswersItsNewDueDate() throws Exception {
        long loan = checkedOut();
        rules.dueDaysAgo(loan, 1);
        String body = mvc.perform(postJson(RENEWALS, admin, item(copy)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loanId").value(loan))
                .andExpect(jsonPath("$.item").value(copy))
                .andExpect(jsonPath("$.patron").value(student))
                .andExpect(jsonPath("$.renewals").value(1))
                .andExpect(jsonPath("$.overdue").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(LocalDate.parse(JsonPath.read(body, "$.due"))).isAfter(LocalDate.now());
    }

    @Test
    void answersAnUnknownCopyWithItsReason() throws Exception {
        refused(item("NO-SUCH-COPY"), Refusal.UNKNOWN_ITEM);
    }

    @Test
    void refusesACopyThatIsNotOut() throws Exception {
        refused(item(copy), Refusal.NOT_CHECKED_OUT);
    }

    @Test
    void refusesALostLoan() throws Exception {
        circulation.declareLost(checkedOut(), "test");
        refused(item(copy), Refusal.LOAN_NOT_RENEWABLE);
    }

    @Test
    void refusesABlockedPatron() throws Exception {
        checkedOut();
        patrons.block(fixtures.patronId(student), "Owes for a lost book", "test");
        refused(item(copy), Refusal.PATRON_BLOCKED);
    }

    @Test
    void refusesPastTheRenewalLimit() throws Exception {
        rules.rule(school, LoanPeriod.days(14), 5, 0, true, null, null);
        checkedOut();
        refused(item(copy), Refusal.RENEWAL_LIMIT_REACHED).andExpect(jsonPath("$.context").value("0"));
    }

    @Test
    void refusesWhenSomeoneElseWaitsForTheTitle() throws Exception {
        checkedOut();
        holds.place(HoldRequest.onTitle(fixtures.patronId(fixtures.student(school, "4")), record,
                fixtures.schoolId(school), "test"));
        refused(item(copy), Refusal.ON_HOLD_FOR_OTHER);
    }

    @Test
    void refusesWhenTheRuleNowEndsOnADayPassed() throws Exception {
        checkedOut();
        rules.fixedDue(school, ItemType.BOOK, LocalDate.now().minusYears(1));
        refused(item(copy), Refusal.DUE_DATE_PASSED);
    }

    @Test
    void renewsPastTheLimitForStaffAllowedToOverride() throws Exception {
        rules.rule(school, LoanPeriod.days(14), 5, 0, true, null, null);
        checkedOut();
        String override = "{\"item\":\"" + copy + "\",\"override\":\"Research project\"}";
        mvc.perform(postJson(RENEWALS, token(tokens, Role.PARAPROFESSIONAL, fixtures.schoolId(school)), override))
                .andExpect(status().isForbidden());
        mvc.perform(postJson(RENEWALS, token(tokens, Role.LIBRARIAN, fixtures.schoolId(school)), override))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.renewals").value(1))
                .andExpect(jsonPath("$.overridden[0]").value("RENEWAL_LIMIT_REACHED"));
    }

    @Test
    void refusesStaffOfAnotherSchool() throws Exception {
        checkedOut();
        String other = token(tokens, Role.LIBRARIAN, fixtures.schoolId(fixtures.school()));
        mvc.perform(postJson(RENEWALS, other, item(copy))).andExpect(status().isForbidden());
    }

    private long checkedOut() throws Exception {
        String body = mvc.perform(postJson(CheckoutApiTest.CHECKOUTS, admin, checkout(student, copy)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.loanId")).longValue();
    }

    private ResultActions refused(String body, Refusal reason) throws Exception {
        return mvc.perform(postJson(RENEWALS, admin, body))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value(reason.name()));
    }
}
