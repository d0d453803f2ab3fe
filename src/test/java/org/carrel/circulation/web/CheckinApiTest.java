package org.carrel.circulation.web;

import static org.carrel.circulation.web.ApiRequests.checkout;
import static org.carrel.circulation.web.ApiRequests.getJson;
import static org.carrel.circulation.web.ApiRequests.item;
import static org.carrel.circulation.web.ApiRequests.postJson;
import static org.carrel.circulation.web.ApiRequests.token;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import com.jayway.jsonpath.JsonPath;
import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.circulation.ApiTestRules;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanPeriod;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/v1/circulation/checkins}: the copy is back and the answer says where it goes next. */
@CarrelTest
@Import({CirculationFixtures.class, ApiTestRules.class})
class CheckinApiTest {

    static final String CHECKINS = "/api/v1/circulation/checkins";

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    ApiTestRules rules;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Holds holds;

    String school;
    long record;
    String copy;
    String student;
    String admin;

    @BeforeEach
    void aStudentAndACopy() {
        school = fixtures.school();
        record = fixtures.title("Hatchet");
        copy = fixtures.copy(record, school);
        student = fixtures.student(school, "6");
        admin = token(tokens, Role.DISTRICT_ADMIN, null);
    }

    @Test
    void endsTheLoanAndSendsTheCopyBackToTheShelf() throws Exception {
        long loan = checkedOut(student, copy);
        mvc.perform(postJson(CHECKINS, admin, item(copy)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(copy))
                .andExpect(jsonPath("$.title").value("Hatchet"))
                .andExpect(jsonPath("$.routing").value("SHELF"))
                .andExpect(jsonPath("$.returnedLoanId").value(loan))
                .andExpect(jsonPath("$.destinationSchool").value(nullValue()))
                .andExpect(jsonPath("$.holdId").value(nullValue()))
                .andExpect(jsonPath("$.fine").value(nullValue()));
        mvc.perform(getJson("/api/v1/circulation/loans/" + loan, admin))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("NOT_CHECKED_OUT"));
    }

    @Test
    void checksInACopyThatWasNotOut() throws Exception {
        mvc.perform(postJson(CHECKINS, admin, item(copy)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.routing").value("SHELF"))
                .andExpect(jsonPath("$.returnedLoanId").value(nullValue()));
    }

    @Test
    void setsTheCopyAsideForTheNextHold() throws Exception {
        checkedOut(student, copy);
        String waiting = fixtures.student(school, "6");
        long hold = ((HoldResult.Placed) holds.place(HoldRequest.onTitle(
                fixtures.patronId(waiting), record, fixtures.schoolId(school), "test"))).hold().id();
        mvc.perform(postJson(CHECKINS, admin, item(copy)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.routing").value("HOLD_SHELF"))
                .andExpect(jsonPath("$.holdId").value(hold))
                .andExpect(jsonPath("$.holdPatron").value(waiting))
                .andExpect(jsonPath("$.pickupBy").isString());
    }

    @Test
    void sendsACopyReturnedAtAnotherSchoolHome() throws Exception {
        checkedOut(student, copy);
        String otherSchool = fixtures.school();
        mvc.perform(postJson(CHECKINS, admin, "{\"item\":\"" + copy + "\",\"school\":\"" + otherSchool + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.routing").value("TRANSIT"))
                .andExpect(jsonPath("$.destinationSchool").value(school));
    }

    @Test
    void takesTheDesksSchoolFromATokenScopedToOneSchool() throws Exception {
        checkedOut(student, copy);
        String otherSchool = fixtures.school();
        String desk = token(tokens, Role.VOLUNTEER, fixtures.schoolId(otherSchool));
        mvc.perform(postJson(CHECKINS, desk, item(copy)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.routing").value("TRANSIT"))
                .andExpect(jsonPath("$.destinationSchool").value(school));
    }

    @Test
    void saysWhatAnOverdueReturnCost() throws Exception {
        rules.rule(school, LoanPeriod.days(14), 5, 2, true, new BigDecimal("0.25"), new BigDecimal("0.50"));
        long loan = checkedOut(student, copy);
        rules.dueDaysAgo(loan, 10);
        mvc.perform(postJson(CHECKINS, admin, item(copy)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.returnedLoanId").value(loan))
                .andExpect(jsonPath("$.overdueDays", greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.fine").value("0.50"));
    }

    @Test
    void answersAnUnknownCopyOrSchoolWithItsReason() throws Exception {
        mvc.perform(postJson(CHECKINS, admin, item("NO-SUCH-COPY")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("UNKNOWN_ITEM"))
                .andExpect(jsonPath("$.context").value("NO-SUCH-COPY"));
        mvc.perform(postJson(CHECKINS, admin, "{\"item\":\"" + copy + "\",\"school\":\"NOWHERE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_SCHOOL"));
    }

    @Test
    void namesAMissingItem() throws Exception {
        mvc.perform(postJson(CHECKINS, admin, "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("item: give it"));
    }

    @Test
    void refusesADeskOfAnotherSchool() throws Exception {
        String otherSchool = fixtures.school();
        String librarian = token(tokens, Role.LIBRARIAN, fixtures.schoolId(otherSchool));
        mvc.perform(postJson(CHECKINS, librarian, "{\"item\":\"" + copy + "\",\"school\":\"" + school + "\"}"))
                .andExpect(status().isForbidden());
    }

    private long checkedOut(String patron, String barcode) throws Exception {
        String body = mvc.perform(postJson(CheckoutApiTest.CHECKOUTS, admin, checkout(patron, barcode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.loanId")).longValue();
    }
}
