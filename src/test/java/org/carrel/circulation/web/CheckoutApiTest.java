package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.circulation.web.ApiRequests.checkout;
import static org.carrel.circulation.web.ApiRequests.getJson;
import static org.carrel.circulation.web.ApiRequests.postJson;
import static org.carrel.circulation.web.ApiRequests.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.ApiTestRules;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.Holds;
import org.carrel.circulation.Refusal;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/circulation/checkouts}: a loan (201), or a 409 problem whose reason names each refusal. */
@CarrelTest
@Import({CirculationFixtures.class, ApiTestRules.class})
class CheckoutApiTest {

    @Autowired
    Circulation circulation;

    static final String CHECKOUTS = "/api/v1/circulation/checkouts";

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
    Copies copies;
    @Autowired
    Holds holds;
    @Autowired
    JdbcClient jdbc;

    String school;
    long record;
    String copy;
    String student;
    String admin;

    @BeforeEach
    void aStudentAndACopy() {
        school = fixtures.school();
        record = fixtures.title("Bridge to Terabithia");
        copy = fixtures.copy(record, school);
        student = fixtures.student(school, "5");
        admin = token(tokens, Role.DISTRICT_ADMIN, null);
    }

    @Test
    void lendsTheCopyAndAnswersTheLoanWhereItCanBeRead() throws Exception {
        String location = mvc.perform(postJson(CHECKOUTS, admin, checkout(student, copy)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/circulation/loans/")))
                .andExpect(jsonPath("$.loanId").isNumber())
                .andExpect(jsonPath("$.due").value(matchesPattern("\\d{4}-\\d{2}-\\d{2}")))
                .andExpect(jsonPath("$.dueAt").value(endsWith("Z")))
                .andExpect(jsonPath("$.item").value(copy))
                .andExpect(jsonPath("$.title").value("Bridge to Terabithia"))
                .andExpect(jsonPath("$.patron").value(student))
                .andExpect(jsonPath("$.school").value(school))
                .andExpect(jsonPath("$.overridden").isEmpty())
                .andReturn().getResponse().getHeader("Location");
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.CHECKED_OUT);
        mvc.perform(getJson(location, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(copy))
                .andExpect(jsonPath("$.patron").value(student));
    }

    @Test
    void answersAnUnknownPatronWithItsReason() throws Exception {
        refused(checkout("NO-SUCH-PATRON", copy), Refusal.UNKNOWN_PATRON)
                .andExpect(jsonPath("$.context").value("NO-SUCH-PATRON"));
    }

    @Test
    void answersAnUnknownItemWithItsReason() throws Exception {
        refused(checkout(student, "NO-SUCH-COPY"), Refusal.UNKNOWN_ITEM)
                .andExpect(jsonPath("$.context").value("NO-SUCH-COPY"));
    }

    @Test
    void answersAnUnknownDeskSchoolWithItsReason() throws Exception {
        refused("{\"patron\":\"" + student + "\",\"item\":\"" + copy + "\",\"school\":\"NOWHERE\"}",
                Refusal.UNKNOWN_SCHOOL);
    }

    @Test
    void refusesAPatronWhoIsNotActive() throws Exception {
        patrons.setStatus(fixtures.patronId(student), PatronStatus.GRADUATED, "test");
        refused(checkout(student, copy), Refusal.PATRON_INACTIVE);
    }

    @Test
    void refusesABlockedPatron() throws Exception {
        patrons.block(fixtures.patronId(student), "Lost three books", "test");
        refused(checkout(student, copy), Refusal.PATRON_BLOCKED);
    }

    @Test
    void refusesACopyAlreadyOutToThePatronOrToSomeoneElse() throws Exception {
        mvc.perform(postJson(CHECKOUTS, admin, checkout(student, copy))).andExpect(status().isCreated());
        refused(checkout(student, copy), Refusal.ALREADY_OUT_TO_PATRON);
        refused(checkout(fixtures.student(school, "5"), copy), Refusal.CHECKED_OUT_TO_OTHER);
    }

    @Test
    void refusesACopyNotForLoan() throws Exception {
        rules.notForLoan(school, ItemType.BOOK);
        refused(checkout(student, copy), Refusal.NOT_FOR_LOAN);
    }

    @Test
    void refusesACopyThatIsMissing() throws Exception {
        ItemView item = copies.itemByBarcode(copy).orElseThrow();
        copies.changeStatus(item.id(), item.version(), ItemStatus.MISSING, "not on the shelf", "test");
        refused(checkout(student, copy), Refusal.ITEM_NOT_AVAILABLE);
    }

    @Test
    void refusesACopySetAsideForAnotherPatronsHold() throws Exception {
        String other = fixtures.student(school, "5");
        holds.place(HoldRequest.onTitle(fixtures.patronId(other), record, fixtures.schoolId(school), "test"));
        mvc.perform(postJson("/api/v1/circulation/checkins", admin, ApiRequests.item(copy)))
                .andExpect(jsonPath("$.routing").value("HOLD_SHELF"));
        refused(checkout(student, copy), Refusal.ON_HOLD_FOR_OTHER);
    }

    @Test
    void refusesPastTheLoanLimitAndSaysTheLimit() throws Exception {
        rules.limit(school, 1);
        mvc.perform(postJson(CHECKOUTS, admin, checkout(student, copy))).andExpect(status().isCreated());
        refused(checkout(student, fixtures.copy(record, school)), Refusal.LOAN_LIMIT_REACHED)
                .andExpect(jsonPath("$.context").value("1"));
    }

    @Test
    void refusesWhenTheRulesFixedDueDateHasPassed() throws Exception {
        rules.fixedDue(school, ItemType.BOOK, LocalDate.now().minusYears(1));
        refused(checkout(student, copy), Refusal.DUE_DATE_PASSED);
    }

    @Test
    void tellsTheRefusalInTheCallersLanguage() throws Exception {
        mvc.perform(postJson(CHECKOUTS, admin, checkout("NO-SUCH-PATRON", copy)).header("Accept-Language", "es"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Circulación rechazó la solicitud"))
                .andExpect(jsonPath("$.detail").value("Ningún usuario tiene este código de barras."))
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PATRON"));
    }

    @Test
    void goesPastAnOverridableRefusalWithAReasonWhenAllowedAndAuditsIt() throws Exception {
        patrons.block(fixtures.patronId(student), "Lost three books", "test");
        String librarian = token(tokens, Role.LIBRARIAN, fixtures.schoolId(school));
        mvc.perform(postJson(CHECKOUTS, librarian, "{\"patron\":\"" + student + "\",\"item\":\"" + copy
                        + "\",\"override\":\"Book report due tomorrow\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overridden[0]").value("PATRON_BLOCKED"));
        // Against the loan: the entry must not keep the patron and the copy together after the return.
        long loan = circulation.loanOf(copy).orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'circulation.override'"
                        + " and record_type = 'loan' and record_id = :loan"
                        + " and detail like '%PATRON_BLOCKED%Book report due tomorrow%'")
                .param("loan", String.valueOf(loan)).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void refusesAnOverrideToStaffWithoutThePermission() throws Exception {
        patrons.block(fixtures.patronId(student), "Lost three books", "test");
        String para = token(tokens, Role.PARAPROFESSIONAL, fixtures.schoolId(school));
        mvc.perform(postJson(CHECKOUTS, para, "{\"patron\":\"" + student + "\",\"item\":\"" + copy
                        + "\",\"override\":\"I know her\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("You may not override refusals."));
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
    }

    @Test
    void neverOverridesARefusalThatCannotBeOverridden() throws Exception {
        mvc.perform(postJson(CHECKOUTS, admin, checkout(student, copy))).andExpect(status().isCreated());
        refused("{\"patron\":\"" + fixtures.student(school, "5") + "\",\"item\":\"" + copy
                + "\",\"override\":\"please\"}", Refusal.CHECKED_OUT_TO_OTHER);
    }

    @Test
    void actsAtTheDeskOfTheTokensSchoolAndNeverAtAnotherSchool() throws Exception {
        String otherSchool = fixtures.school();
        String volunteer = token(tokens, Role.VOLUNTEER, fixtures.schoolId(otherSchool));
        mvc.perform(postJson(CHECKOUTS, volunteer, "{\"patron\":\"" + student + "\",\"item\":\"" + copy
                        + "\",\"school\":\"" + school + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("You may not act for this school's desk."));
        mvc.perform(postJson(CHECKOUTS, volunteer, checkout(student, copy)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.school").value(otherSchool));
    }

    @Test
    void namesTheFieldsThatAreMissingOrCannotBeRead() throws Exception {
        mvc.perform(postJson(CHECKOUTS, admin, "{\"item\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("patron: give it; item: give it"));
        mvc.perform(postJson(CHECKOUTS, admin, "{\"patron\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("body: send a JSON object")));
        mvc.perform(postJson(CHECKOUTS, admin, "{\"patron\":{\"a\":1},\"item\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("patron: not a value of the right kind"));
    }

    @Test
    void answersProblemsToClientsThatAcceptOnlyJsonAndAsksForJson() throws Exception {
        mvc.perform(post(CHECKOUTS).header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                        .content(checkout("NO-SUCH-PATRON", copy)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_PATRON"));
        mvc.perform(post(CHECKOUTS).header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.TEXT_PLAIN).content(student + " " + copy))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("Content-Type: send a JSON object, as the API description shows"));
    }

    @Test
    void asksForAnApiTokenOrASignIn() throws Exception {
        mvc.perform(post(CHECKOUTS)
                        .contentType(MediaType.APPLICATION_JSON).content(checkout(student, copy)))
                .andExpect(status().isUnauthorized());
        mvc.perform(postJson(CHECKOUTS, token(tokens, Role.TEACHER, null), checkout(student, copy)))
                .andExpect(status().isForbidden());
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
    }

    private ResultActions refused(String body, Refusal reason) throws Exception {
        return mvc.perform(postJson(CHECKOUTS, admin, body))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.reason").value(reason.name()))
                .andExpect(jsonPath("$.title").value("Circulation refused the request"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
