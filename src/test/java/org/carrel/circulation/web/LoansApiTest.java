package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.circulation.web.ApiRequests.checkout;
import static org.carrel.circulation.web.ApiRequests.getJson;
import static org.carrel.circulation.web.ApiRequests.postJson;
import static org.carrel.circulation.web.ApiRequests.token;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.circulation.ApiTestRules;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/circulation/loans}: a patron's open loans for staff of the patron's school, each view audited. */
@CarrelTest
@Import({CirculationFixtures.class, ApiTestRules.class})
class LoansApiTest {

    static final String LOANS = "/api/v1/circulation/loans";

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    ApiTestRules rules;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    String school;
    String student;
    String first;
    String second;
    String admin;

    @BeforeEach
    void aStudentWithTwoLoans() throws Exception {
        school = fixtures.school();
        student = fixtures.student(school, "3");
        first = fixtures.copy(fixtures.title("Frindle"), school);
        second = fixtures.copy(fixtures.title("Ramona Quimby, Age 8"), school);
        admin = token(tokens, Role.DISTRICT_ADMIN, null);
        for (String copy : new String[] {first, second}) {
            mvc.perform(postJson(CheckoutApiTest.CHECKOUTS, admin, checkout(student, copy)))
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void listsThePatronsOpenLoansSoonestDueFirstAndAuditsTheView() throws Exception {
        long loan = jdbc.sql("select id from loan where barcode = :b").param("b", second).query(Long.class).single();
        rules.dueDaysAgo(loan, 3);
        String librarian = token(tokens, Role.LIBRARIAN, fixtures.schoolId(school));
        mvc.perform(getJson(LOANS + "?patron=" + student, librarian))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].item").value(second))
                .andExpect(jsonPath("$[0].overdue").value(true))
                .andExpect(jsonPath("$[0].loanId").value(loan))
                .andExpect(jsonPath("$[1].item").value(first))
                .andExpect(jsonPath("$[1].title").value("Frindle"))
                .andExpect(jsonPath("$[1].patron").value(student))
                .andExpect(jsonPath("$[1].school").value(school))
                .andExpect(jsonPath("$[1].overdue").value(false));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'circulation.loans.viewed'"
                        + " and record_id = :patron and actor like 'token:%'")
                .param("patron", String.valueOf(fixtures.patronId(student))).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void showsOneLoanByIdAndAuditsTheView() throws Exception {
        long loan = jdbc.sql("select id from loan where barcode = :b").param("b", first).query(Long.class).single();
        mvc.perform(getJson(LOANS + "/" + loan, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(first))
                .andExpect(jsonPath("$.renewals").value(0))
                .andExpect(jsonPath("$.maxRenewals").value(2));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'circulation.loan.viewed'"
                        + " and record_id = :patron")
                .param("patron", String.valueOf(fixtures.patronId(student))).query(Integer.class).single())
                .isEqualTo(1);
        mvc.perform(getJson(LOANS + "/" + Long.MAX_VALUE, admin)).andExpect(status().isNotFound());
        mvc.perform(getJson(LOANS + "/many", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("id: not a value of the right kind"));
    }

    @Test
    void answersAnUnknownPatronWithNotFound() throws Exception {
        mvc.perform(getJson(LOANS + "?patron=NO-SUCH-PATRON", admin))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PATRON"));
    }

    @Test
    void asksForThePatron() throws Exception {
        mvc.perform(getJson(LOANS, admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("patron: give it"));
    }

    @Test
    void showsNothingToStaffOfAnotherSchoolNorToVolunteers() throws Exception {
        String other = token(tokens, Role.LIBRARIAN, fixtures.schoolId(fixtures.school()));
        mvc.perform(getJson(LOANS + "?patron=" + student, other))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You may not see or change this patron's borrowing."));
        String volunteer = token(tokens, Role.VOLUNTEER, fixtures.schoolId(school));
        mvc.perform(getJson(LOANS + "?patron=" + student, volunteer)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'circulation.loans.viewed'"
                        + " and record_id = :patron")
                .param("patron", String.valueOf(fixtures.patronId(student))).query(Integer.class).single())
                .isZero();
    }
}
