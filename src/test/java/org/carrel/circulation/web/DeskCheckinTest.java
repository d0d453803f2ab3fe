package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.Holds;
import org.carrel.patrons.Patrons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** Check-in, renewal and in-library use at the desk: where the copy goes next, what it cost, what was counted. */
class DeskCheckinTest extends DeskWebTest {

    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    Patrons patrons;
    @Autowired
    JdbcClient jdbc;

    String school;
    long schoolId;
    String student;
    long holesRecord;
    String holes;
    MockHttpSession session;

    @BeforeEach
    void aStudentAndACopy() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        student = fixtures.student(school, "4");
        holesRecord = fixtures.title("Holes");
        holes = fixtures.copy(holesRecord, school);
        session = new MockHttpSession();
    }

    private long lend(String patron, String copy) {
        return ((CheckoutResult.CheckedOut) circulation.checkout(CheckoutRequest.of(patron, copy, "test"))).loan()
                .id();
    }

    @Test
    void aCopyCheckedInGoesBackToTheShelf() throws Exception {
        lend(student, holes);

        MockHttpServletResponse fragment = scan(staff(Role.VOLUNTEER, schoolId), session, "checkin", holes);

        assertThat(fragment.getStatus()).isEqualTo(200);
        assertThat(fragment.getContentAsString()).doesNotContain("<html").contains("Checked in: Holes (" + holes + ")")
                .contains("Put it back on the shelf.");
        assertThat(circulation.loanOf(holes)).isEmpty();
    }

    @Test
    void aCopyOfAnotherSchoolGoesInTransitToItsSchoolNamed() throws Exception {
        String home = fixtures.school();
        String visitor = fixtures.copy(holesRecord, home);

        String page = scanWithoutScript(staff(Role.PARAPROFESSIONAL, schoolId), session, "checkin", visitor)
                .getContentAsString();

        assertThat(page).contains("<html").contains("Holes (" + visitor + ") was not checked out.")
                .contains("Send it in transit to " + schoolName(home) + ".");
    }

    @Test
    void aCopyWantedByAHoldGoesToTheHoldShelfNamedOnlyForStaffWhoManageHolds() throws Exception {
        String second = fixtures.copy(holesRecord, school);
        lend(student, holes);
        lend(fixtures.student(school, "4"), second);
        String first = waitingFor(holesRecord);
        String next = waitingFor(holesRecord);

        String librarian = scan(staff(Role.LIBRARIAN, schoolId), session, "checkin", holes).getContentAsString();
        String volunteer = scan(staff(Role.VOLUNTEER, schoolId), new MockHttpSession(), "checkin", second)
                .getContentAsString();

        assertThat(librarian).containsPattern("Put it on the hold shelf for " + first
                + ", to pick up by \\d{4}-\\d\\d-\\d\\d\\.");
        assertThat(volunteer).contains("Put it on the hold shelf.").doesNotContain(next);
    }

    /** A new student at the school waiting for the title; their name. */
    private String waitingFor(long recordId) {
        long waiting = fixtures.patronId(fixtures.student(school, "4"));
        assertThat(holds.place(HoldRequest.onTitle(waiting, recordId, schoolId, "test")))
                .isInstanceOf(HoldResult.Placed.class);
        return patrons.summary(waiting).orElseThrow().name();
    }

    @Test
    void aLostCopyComingBackHasItsChargeWaived() throws Exception {
        long loan = lend(student, holes);
        assertThat(circulation.declareLost(loan, "test")).isTrue();

        String answer = scan(staff(Role.LIBRARIAN, schoolId), session, "checkin", holes).getContentAsString();

        assertThat(answer).contains("Checked in: Holes").contains("Was lost: charge waived.");
    }

    @Test
    void aLateReturnShowsTheOverdueFineCharged() throws Exception {
        long loan = lend(student, holes);
        jdbc.sql("update loan set due_on = :on, due_at = :at, daily_fine = 0.25, fine_cap = 5.00 where id = :id")
                .param("on", LocalDate.now().minusDays(21)).param("at", OffsetDateTime.now().minusDays(21))
                .param("id", loan).update();

        String answer = scan(staff(Role.LIBRARIAN, schoolId), session, "checkin", holes).getContentAsString();

        assertThat(answer).containsPattern("Overdue fine charged: \\$\\d+\\.\\d\\d \\(\\d+ school days late\\)\\.");
    }

    @Test
    void anUnknownCopyIsNotCheckedIn() throws Exception {
        String answer = scan(staff(Role.LIBRARIAN, schoolId), session, "checkin", "NOPE-42").getContentAsString();

        assertThat(answer).contains("Not checked in: NOPE-42").contains("data-refusal=\"UNKNOWN_ITEM\"")
                .contains("No copy has this barcode.");
    }

    @Test
    void renewModeRenewsAScannedCopyAndRefusesOneNotOut() throws Exception {
        long loan = lend(student, holes);
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);

        String renewed = scan(para, session, "renew", holes).getContentAsString();
        String notOut = scan(para, session, "renew", fixtures.copy(holesRecord, school)).getContentAsString();

        assertThat(renewed).containsPattern("Renewed: Holes \\(" + holes + "\\), due \\d{4}-\\d\\d-\\d\\d");
        assertThat(circulation.loan(loan).orElseThrow().renewals()).isEqualTo(1);
        assertThat(notOut).contains("data-refusal=\"NOT_CHECKED_OUT\"").contains("This copy is not checked out.");
    }

    @Test
    void renewAllRenewsEveryLoanOfThePatronForStaffWhoSeeLoans() throws Exception {
        lend(student, holes);
        lend(student, fixtures.copy(fixtures.title("Wonder"), school));
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);
        scan(para, session, "checkout", student);

        MockHttpServletResponse all = send(post("/staff/circulation/desk/renew-all").header("HX-Request", "true"),
                para, session);
        MockHttpServletResponse page = send(post("/staff/circulation/desk/renew-all"), para, session);

        assertThat(all.getStatus()).isEqualTo(200);
        assertThat(all.getContentAsString()).doesNotContain("<html").contains("Renewed 2 of 2 loans.")
                .contains("Renewed: Wonder").contains("<section id=\"desk-loans\"");
        assertThat(page.getContentAsString()).contains("<html").contains("Renewed 2 of 2 loans.");
        assertThat(circulation.loanOf(holes).orElseThrow().renewals()).isEqualTo(2);
        assertThat(audited(para, "circulation.loans.viewed")).hasSize(4);
    }

    @Test
    void renewAllIsForStaffWhoSeeLoansAndNeedsAPatron() throws Exception {
        SignedInUser volunteer = staff(Role.VOLUNTEER, schoolId);
        scan(volunteer, session, "checkout", student);

        MockHttpServletResponse refused = send(post("/staff/circulation/desk/renew-all"), volunteer, session);
        MockHttpServletResponse noPatron = send(post("/staff/circulation/desk/renew-all")
                .header("HX-Request", "true"), staff(Role.LIBRARIAN, schoolId), new MockHttpSession());

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(noPatron.getStatus()).isEqualTo(422);
        assertThat(noPatron.getContentAsString()).contains("Scan the patron's card first");
    }

    @Test
    void inLibraryUseCountsTheCopyScanned() throws Exception {
        long itemId = circulation.countInLibraryUse(holes, schoolId).orElseThrow().id();
        int before = uses(itemId);

        String counted = scan(staff(Role.VOLUNTEER, schoolId), session, "use", holes).getContentAsString();
        String unknown = scan(staff(Role.VOLUNTEER, schoolId), session, "use", "NOPE-43").getContentAsString();

        assertThat(counted).contains("Counted: Holes (" + holes + ")");
        assertThat(uses(itemId)).isEqualTo(before + 1);
        assertThat(unknown).contains("Not counted: NOPE-43").contains("data-refusal=\"UNKNOWN_ITEM\"");
    }

    private int uses(long itemId) {
        return jdbc.sql("select count(*) from in_library_use where item_id = :item").param("item", itemId)
                .query(Integer.class).single();
    }
}
