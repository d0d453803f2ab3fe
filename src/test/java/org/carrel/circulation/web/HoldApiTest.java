package org.carrel.circulation.web;

import static org.carrel.circulation.web.ApiRequests.checkout;
import static org.carrel.circulation.web.ApiRequests.deleteAs;
import static org.carrel.circulation.web.ApiRequests.getJson;
import static org.carrel.circulation.web.ApiRequests.postJson;
import static org.carrel.circulation.web.ApiRequests.token;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.circulation.ApiTestRules;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.LoanPeriod;
import org.carrel.circulation.Refusal;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code /api/v1/circulation/holds}: place (201 or a 409 naming the refusal), list, read and cancel holds. */
@CarrelTest
@Import({CirculationFixtures.class, ApiTestRules.class})
class HoldApiTest {

    static final String HOLDS = "/api/v1/circulation/holds";

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

    String school;
    long record;
    String copy;
    String student;
    String admin;

    @BeforeEach
    void aTitleOutToSomeoneAndAStudentWhoWantsIt() throws Exception {
        school = fixtures.school();
        record = fixtures.title("The Wild Robot");
        copy = fixtures.copy(record, school);
        student = fixtures.student(school, "3");
        admin = token(tokens, Role.DISTRICT_ADMIN, null);
        mvc.perform(postJson(CheckoutApiTest.CHECKOUTS, admin, checkout(fixtures.student(school, "3"), copy)))
                .andExpect(status().isCreated());
    }

    @Test
    void placesAHoldOnTheTitleForPickupAtThePatronsSchool() throws Exception {
        String location = mvc.perform(postJson(HOLDS, admin, hold(student, record)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(HOLDS + "/")))
                .andExpect(jsonPath("$.holdId").isNumber())
                .andExpect(jsonPath("$.patron").value(student))
                .andExpect(jsonPath("$.record").value(record))
                .andExpect(jsonPath("$.pickupSchool").value(school))
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.position").value(1))
                .andExpect(jsonPath("$.item").doesNotExist())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(getJson(location, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patron").value(student))
                .andExpect(jsonPath("$.position").value(1));
        mvc.perform(getJson(HOLDS + "?patron=" + student, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].record").value(record));
    }

    @Test
    void placesAReservationOfOneCopyForDatesAtAnotherSchool() throws Exception {
        String pickup = fixtures.school();
        mvc.perform(postJson(HOLDS, admin, "{\"patron\":\"" + student + "\",\"record\":" + record + ",\"item\":\""
                        + copy + "\",\"pickupSchool\":\"" + pickup.toLowerCase() + "\",\"neededFrom\":\"2031-03-02\","
                        + "\"neededUntil\":\"2031-03-20\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.item").value(copy))
                .andExpect(jsonPath("$.pickupSchool").value(pickup))
                .andExpect(jsonPath("$.neededFrom").value("2031-03-02"))
                .andExpect(jsonPath("$.neededUntil").value("2031-03-20"));
    }

    @Test
    void cancelsAHold() throws Exception {
        String location = mvc.perform(postJson(HOLDS, admin, hold(student, record)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(deleteAs(location, admin)).andExpect(status().isNoContent());
        mvc.perform(deleteAs(location, admin))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_HOLD"));
        mvc.perform(getJson(location, admin)).andExpect(status().isNotFound());
        mvc.perform(getJson(HOLDS + "?patron=" + student, admin)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void answersUnknownPatronsCopiesAndSchoolsWithTheirReasons() throws Exception {
        refused(hold("NO-SUCH-PATRON", record), Refusal.UNKNOWN_PATRON);
        refused("{\"patron\":\"" + student + "\",\"record\":" + record + ",\"item\":\"NO-SUCH-COPY\"}",
                Refusal.UNKNOWN_ITEM);
        String copyOfAnotherTitle = fixtures.copy(fixtures.title("Holes"), school);
        refused("{\"patron\":\"" + student + "\",\"record\":" + record + ",\"item\":\"" + copyOfAnotherTitle
                + "\"}", Refusal.UNKNOWN_ITEM);
        refused("{\"patron\":\"" + student + "\",\"record\":" + record + ",\"pickupSchool\":\"NOWHERE\"}",
                Refusal.UNKNOWN_SCHOOL);
    }

    @Test
    void refusesATitleWithoutACopyThatCouldFillIt() throws Exception {
        refused(hold(student, fixtures.title("A title on order")), Refusal.NO_HOLDABLE_COPY);
    }

    @Test
    void refusesASecondHoldOnTheSameTitle() throws Exception {
        mvc.perform(postJson(HOLDS, admin, hold(student, record))).andExpect(status().isCreated());
        refused(hold(student, record), Refusal.ALREADY_HELD);
    }

    @Test
    void refusesAPatronWhoIsNotActive() throws Exception {
        patrons.setStatus(fixtures.patronId(student), PatronStatus.TRANSFERRED, "test");
        refused(hold(student, record), Refusal.PATRON_INACTIVE);
    }

    @Test
    void refusesABlockedPatronUnlessStaffAllowedToOverrideSayWhy() throws Exception {
        patrons.block(fixtures.patronId(student), "Unpaid charges", "test");
        refused(hold(student, record), Refusal.PATRON_BLOCKED);
        String override = "{\"patron\":\"" + student + "\",\"record\":" + record + ",\"override\":\"Paid today\"}";
        mvc.perform(postJson(HOLDS, token(tokens, Role.PARAPROFESSIONAL, fixtures.schoolId(school)), override))
                .andExpect(status().isForbidden());
        mvc.perform(postJson(HOLDS, token(tokens, Role.LIBRARIAN, fixtures.schoolId(school)), override))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesWhenTheLoanRuleAllowsNoHolds() throws Exception {
        rules.rule(school, LoanPeriod.days(14), 5, 2, false, null, null);
        refused(hold(student, record), Refusal.HOLDS_NOT_ALLOWED);
    }

    @Test
    void namesMissingAndUnreadableFields() throws Exception {
        mvc.perform(postJson(HOLDS, admin, "{\"neededFrom\":\"2031-03-20\",\"neededUntil\":\"2031-03-02\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "patron: give it; record: give it; neededUntil: comes before neededFrom"));
        mvc.perform(postJson(HOLDS, admin, "{\"patron\":\"" + student + "\",\"record\":\"Holes\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("record: not a value of the right kind"));
        mvc.perform(getJson(HOLDS, admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("patron: give it"));
        mvc.perform(getJson(HOLDS + "?patron=NO-SUCH-PATRON", admin))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PATRON"));
    }

    @Test
    void keepsOtherSchoolsHoldsFromStaffWhoDoNotActForThem() throws Exception {
        String location = mvc.perform(postJson(HOLDS, admin, hold(student, record)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String other = token(tokens, Role.LIBRARIAN, fixtures.schoolId(fixtures.school()));
        mvc.perform(getJson(location, other)).andExpect(status().isForbidden());
        mvc.perform(deleteAs(location, other)).andExpect(status().isForbidden());
        mvc.perform(getJson(HOLDS + "?patron=" + student, other)).andExpect(status().isForbidden());
        mvc.perform(postJson(HOLDS, other, hold(fixtures.student(school, "3"), record)))
                .andExpect(status().isForbidden());
        mvc.perform(getJson(location, admin)).andExpect(status().isOk());
    }

    private ResultActions refused(String body, Refusal reason) throws Exception {
        return mvc.perform(postJson(HOLDS, admin, body))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value(reason.name()));
    }

    private static String hold(String patron, long record) {
        return "{\"patron\":\"" + patron + "\",\"record\":" + record + "}";
    }
}
