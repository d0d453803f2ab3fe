package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.Circulation;
import org.carrel.patrons.Patrons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Going past an overridable refusal: librarians (CIRCULATION_OVERRIDE) see a form and give a reason that is audited;
 * paraprofessionals and volunteers see no form, and a reason they send anyway is refused.
 */
class DeskOverrideTest extends DeskWebTest {

    private static final String OVERRIDE_FORM = "action=\"/staff/circulation/desk/override\"";

    @Autowired
    Patrons patrons;
    @Autowired
    Circulation circulation;
    @Autowired
    JdbcClient jdbc;

    long schoolId;
    String blocked;
    String holes;
    MockHttpSession session;

    @BeforeEach
    void aBlockedStudentAndACopy() {
        String school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        blocked = fixtures.student(school, "6");
        patrons.block(fixtures.patronId(blocked), "Owes three books", "test");
        holes = fixtures.copy(fixtures.title("Holes"), school);
        session = new MockHttpSession();
    }

    @Test
    void aLibrarianSeesTheOverrideFormAndGoesAheadWithAnAuditedReason() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        String patron = scan(librarian, session, "checkout", blocked).getContentAsString();
        String refused = scan(librarian, session, "checkout", holes).getContentAsString();

        MockHttpServletResponse overridden = send(post("/staff/circulation/desk/override").param("mode", "checkout")
                .param("barcode", holes).param("refusal", "PATRON_BLOCKED").param("reason", "Class project due")
                .header("HX-Request", "true"), librarian, session);

        assertThat(patron).contains("This patron is blocked from borrowing.").contains("Yes, blocked from borrowing");
        assertThat(refused).contains("data-refusal=\"PATRON_BLOCKED\"").contains(OVERRIDE_FORM)
                .contains("name=\"barcode\" value=\"" + holes + "\"");
        assertThat(overridden.getStatus()).isEqualTo(200);
        assertThat(overridden.getContentAsString()).contains("Checked out: Holes (" + holes + ")")
                .contains("Checked out past these refusals").contains("This patron is blocked from borrowing.");
        assertThat(circulation.loanOf(holes).orElseThrow().patronId()).isEqualTo(fixtures.patronId(blocked));
        assertThat(audited(librarian, "circulation.override")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("PATRON_BLOCKED").contains("Class project due"));
    }

    @Test
    void anOverrideWithoutAReasonAsksForOne() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        scan(librarian, session, "checkout", blocked);

        MockHttpServletResponse fragment = send(post("/staff/circulation/desk/override").param("mode", "checkout")
                .param("barcode", holes).param("refusal", "PATRON_BLOCKED").param("reason", " ")
                .header("HX-Request", "true"), librarian, session);
        MockHttpServletResponse page = send(post("/staff/circulation/desk/override").param("mode", "checkout")
                .param("barcode", holes), librarian, session);

        assertThat(fragment.getStatus()).isEqualTo(422);
        assertThat(fragment.getContentAsString()).doesNotContain("<html").contains(OVERRIDE_FORM)
                .contains("Give a reason to go ahead.").contains("aria-invalid=\"true\"");
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("<html").contains(OVERRIDE_FORM);
        assertThat(circulation.loanOf(holes)).isEmpty();
    }

    @Test
    void aRefusalNoOneMayOverrideShowsNoForm() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        scan(librarian, session, "checkout", blocked);

        String answer = scan(librarian, session, "checkout", "NOT-A-COPY-77").getContentAsString();

        assertThat(answer).contains("data-refusal=\"UNKNOWN_ITEM\"").doesNotContain(OVERRIDE_FORM);
    }

    @Test
    void paraprofessionalsAndVolunteersSeeNoOverrideFormAndTheirReasonsAreRefused() throws Exception {
        for (Role role : new Role[] {Role.PARAPROFESSIONAL, Role.VOLUNTEER}) {
            SignedInUser user = staff(role, schoolId);
            MockHttpSession own = new MockHttpSession();
            scan(user, own, "checkout", blocked);

            String refused = scan(user, own, "checkout", holes).getContentAsString();
            MockHttpServletResponse crafted = send(post("/staff/circulation/desk/override").param("mode", "checkout")
                    .param("barcode", holes).param("reason", "I say so").header("HX-Request", "true"), user, own);
            String smuggled = send(post("/staff/circulation/desk/scan").param("mode", "checkout")
                    .param("barcode", holes).param("reason", "I say so").param("overrideReason", "I say so")
                    .header("HX-Request", "true"), user, own).getContentAsString();

            assertThat(refused).as(role.name()).contains("data-refusal=\"PATRON_BLOCKED\"")
                    .doesNotContain(OVERRIDE_FORM);
            assertThat(crafted.getStatus()).as(role.name()).isEqualTo(403);
            assertThat(smuggled).as(role.name()).contains("data-refusal=\"PATRON_BLOCKED\"")
                    .doesNotContain(OVERRIDE_FORM);
            assertThat(circulation.loanOf(holes)).as(role.name()).isEmpty();
            assertThat(audited(user, "circulation.override")).as(role.name()).isEmpty();
        }
    }

    @Test
    void aLibrarianRenewsPastTheRenewalLimitWithAReason() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        String student = fixtures.student(fixtures.school(), "3");
        long loan = ((org.carrel.circulation.CheckoutResult.CheckedOut) circulation.checkout(
                CheckoutRequest.of(student, holes, "test"))).loan().id();
        jdbc.sql("update loan set max_renewals = 0 where id = :id").param("id", loan).update();

        String refused = scan(librarian, session, "renew", holes).getContentAsString();
        String renewed = send(post("/staff/circulation/desk/override").param("mode", "renew").param("barcode", holes)
                .param("reason", "Research paper").header("HX-Request", "true"), librarian, session)
                .getContentAsString();

        assertThat(refused).contains("Not renewed: " + holes).contains("data-refusal=\"RENEWAL_LIMIT_REACHED\"")
                .contains(OVERRIDE_FORM).contains("Renew anyway");
        assertThat(renewed).containsPattern("Renewed: Holes \\(" + holes + "\\), due \\d{4}-");
        assertThat(circulation.loan(loan).orElseThrow().renewals()).isEqualTo(1);
        assertThat(audited(librarian, "circulation.override")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("RENEWAL_LIMIT_REACHED").contains("Research paper"));
    }
}
