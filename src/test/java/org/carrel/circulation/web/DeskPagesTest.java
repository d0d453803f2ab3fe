package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CheckoutRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The desk page and check-out: scan a patron, then copies; answers in place; who sees which loans. */
class DeskPagesTest extends DeskWebTest {

    @Autowired
    Circulation circulation;
    @Autowired
    JdbcClient jdbc;

    String school;
    long schoolId;
    String student;
    String holes;
    String matilda;
    MockHttpSession session;

    @BeforeEach
    void aStudentAndTwoCopies() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        student = fixtures.student(school, "4");
        holes = fixtures.copy(fixtures.title("Holes"), school);
        matilda = fixtures.copy(fixtures.title("Matilda"), school);
        session = new MockHttpSession();
    }

    @Test
    void theDeskPageHasTheScanBoxWithFocusTheModesAndALiveRegion() throws Exception {
        MockHttpServletResponse page = send(get("/staff/circulation/desk"), staff(Role.LIBRARIAN, schoolId), session);

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("<h1>Circulation desk</h1>")
                .contains("href=\"/staff/circulation/desk\"")
                .containsPattern("<input id=\"desk-barcode\" name=\"barcode\"[^>]*autofocus")
                .contains("id=\"desk-answer\"", "aria-live=\"assertive\"")
                .contains("href=\"/staff/circulation/desk?mode=checkin\"", "aria-keyshortcuts=\"F3\"")
                .contains("<script src=\"/js/circulation-desk.js\" defer></script>")
                .contains("Desk at " + schoolName(school));
    }

    @Test
    void aLibrarianScansAPatronThenTwoCopiesAndEachAnswerComesBackInPlace() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);

        MockHttpServletResponse patron = scan(librarian, session, "checkout", student);
        assertThat(patron.getStatus()).isEqualTo(200);
        assertThat(patron.getContentAsString()).doesNotContain("<html")
                .contains("Patron: Pat").contains("(" + student + ")")
                .contains("<section id=\"desk-patron\"", "hx-swap-oob=\"true\"")
                .contains("<section id=\"desk-loans\"").contains("Loans (0)");

        MockHttpServletResponse first = scan(librarian, session, "checkout", holes);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString()).doesNotContain("<html")
                .containsPattern("Checked out: Holes \\(" + holes + "\\), due \\d{4}-\\d\\d-\\d\\d")
                .contains("data-kind=\"DONE\"");
        MockHttpServletResponse second = scanWithoutScript(librarian, session, "checkout", matilda);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).contains("<html").contains("Checked out: Matilda (" + matilda + ")")
                .contains("Loans (2)").contains("<th scope=\"row\">Holes</th>");
        assertThat(circulation.itemsOut(fixtures.patronId(student))).isEqualTo(2);
    }

    @Test
    void aLibrariansPatronScanWritesAnAuditEntryForTheLoansShown() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        circulation.checkout(CheckoutRequest.of(student, holes, "test"));
        circulation.checkout(CheckoutRequest.of(student, matilda, "test"));
        jdbc.sql("update loan set due_on = :on, due_at = :at where barcode = :barcode")
                .param("on", LocalDate.now().minusDays(3)).param("at", OffsetDateTime.now().minusDays(3))
                .param("barcode", matilda).update();

        String answer = scan(librarian, session, "checkout", student).getContentAsString();

        assertThat(answer).contains("<th scope=\"row\">Holes</th>").contains(">Renew<")
                .contains("action=\"/staff/circulation/desk/renew-all\"")
                .containsPattern("<tr class=\"desk-overdue\">\\s*<th scope=\"row\">Matilda</th>")
                .containsPattern("<strong class=\"desk-warning\">Overdue</strong>");
        assertThat(answer.indexOf(">Matilda<")).as("soonest due first").isLessThan(answer.indexOf(">Holes<"));
        assertThat(audited(librarian, "circulation.loans.viewed")).hasSize(1)
                .allSatisfy(e -> assertThat(e.recordId()).isEqualTo(String.valueOf(fixtures.patronId(student))));
    }

    @Test
    void aVolunteerSeesTheCountAndTheirOwnScansButNoOtherTitleAndWritesNoAuditEntry() throws Exception {
        SignedInUser volunteer = staff(Role.VOLUNTEER, schoolId);
        String secret = fixtures.copy(fixtures.title("The Secret Garden"), school);
        circulation.checkout(CheckoutRequest.of(student, secret, "test"));

        String patron = scan(volunteer, session, "checkout", student).getContentAsString();
        String lent = scan(volunteer, session, "checkout", holes).getContentAsString();
        String page = send(get("/staff/circulation/desk"), volunteer, session).getContentAsString();

        assertThat(patron).contains("Patron: Pat").contains("id=\"desk-items-out\">1<")
                .contains("Only the count is shown");
        assertThat(lent).contains("Checked out: Holes").contains("id=\"desk-items-out\">2<");
        assertThat(page).contains("<th scope=\"row\">Holes</th>").doesNotContain("renew-all");
        assertThat(patron + lent + page).doesNotContain("Secret Garden").doesNotContain(secret);
        assertThat(audited(volunteer, "circulation.loans.viewed")).isEmpty();
    }

    @Test
    void aCopyScannedBeforeAnyPatronAsksForTheCardFirst() throws Exception {
        String answer = scan(staff(Role.PARAPROFESSIONAL, schoolId), session, "checkout", holes).getContentAsString();

        assertThat(answer).contains("data-refusal=\"UNKNOWN_PATRON\"").contains("No patron has this barcode.")
                .contains("Scan the patron's card first, then the copies.");
    }

    @Test
    void scanningAnotherCardSwitchesToThatPatron() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        String other = fixtures.student(school, "5");
        scan(librarian, session, "checkout", student);

        String answer = scan(librarian, session, "checkout", other).getContentAsString();
        scan(librarian, session, "checkout", holes);

        assertThat(answer).contains("(" + other + ")").contains("data-kind=\"NOTE\"");
        assertThat(circulation.loanOf(holes).orElseThrow().patronId()).isEqualTo(fixtures.patronId(other));
    }

    @Test
    void anUnknownBarcodeIsRefusedWithItsReason() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);
        scan(para, session, "checkout", student);

        MockHttpServletResponse answer = scan(para, session, "checkout", "NO-SUCH-COPY-1");

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("Not checked out: NO-SUCH-COPY-1")
                .contains("data-refusal=\"UNKNOWN_ITEM\"").contains("No copy has this barcode.");
    }

    @Test
    void aCopyAlreadyOutIsRefusedWithItsReason() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);
        scan(para, session, "checkout", student);
        scan(para, session, "checkout", holes);

        String again = scan(para, session, "checkout", holes).getContentAsString();
        scan(para, session, "checkout", fixtures.student(school, "4"));
        String other = scan(para, session, "checkout", holes).getContentAsString();

        assertThat(again).contains("data-refusal=\"ALREADY_OUT_TO_PATRON\"")
                .contains("This copy is already checked out to this patron.");
        assertThat(other).contains("data-refusal=\"CHECKED_OUT_TO_OTHER\"")
                .contains("This copy is checked out to someone else. Check it in first.");
    }

    @Test
    void aBlankScanIsInvalidInput() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);

        MockHttpServletResponse fragment = scan(para, session, "checkin", "  ");
        MockHttpServletResponse page = scanWithoutScript(para, session, "checkin", "");

        assertThat(fragment.getStatus()).isEqualTo(422);
        assertThat(fragment.getContentAsString()).contains("Scan or type a barcode.").doesNotContain("<html");
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("<html").contains("Scan or type a barcode.");
    }

    @Test
    void nextPatronEmptiesThePanel() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);
        scan(para, session, "checkout", student);

        String fragment = send(post("/staff/circulation/desk/next-patron").param("mode", "checkout")
                .header("HX-Request", "true"), para, session).getContentAsString();
        MockHttpServletResponse plain = send(post("/staff/circulation/desk/next-patron"), para, session);

        assertThat(fragment).contains("Ready for the next patron").contains("No patron yet")
                .doesNotContain(student);
        assertThat(plain.getStatus()).isEqualTo(303);
        assertThat(plain.getRedirectedUrl()).isEqualTo("/staff/circulation/desk?mode=checkout");
        assertThat(scan(para, session, "checkout", holes).getContentAsString())
                .contains("data-refusal=\"UNKNOWN_PATRON\"");
    }

    @Test
    void staffOfSeveralSchoolsChooseTheDesksSchoolOnceForTheSession() throws Exception {
        String second = fixtures.school();
        long secondId = fixtures.schoolId(second);
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId, secondId);

        String chooser = send(get("/staff/circulation/desk"), librarian, session).getContentAsString();
        MockHttpServletResponse early = scan(librarian, session, "checkout", student);
        MockHttpServletResponse none = send(post("/staff/circulation/desk/school"), librarian, session);
        MockHttpServletResponse chosen = send(post("/staff/circulation/desk/school").param("school",
                String.valueOf(secondId)).param("mode", "checkin"), librarian, session);
        String page = send(get("/staff/circulation/desk"), librarian, session).getContentAsString();
        MockHttpServletResponse foreign = send(post("/staff/circulation/desk/school").param("school",
                String.valueOf(fixtures.schoolId(fixtures.school()))), librarian, session);

        assertThat(chooser).contains("<select id=\"f-school\" name=\"school\">")
                .contains("Choose the school of this desk first.").doesNotContain("id=\"desk-barcode\"");
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString()).contains("Choose the school of this desk first.");
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(chosen.getStatus()).isEqualTo(303);
        assertThat(chosen.getRedirectedUrl()).isEqualTo("/staff/circulation/desk?mode=checkin");
        assertThat(page).contains("Desk at " + schoolName(second)).contains("id=\"desk-barcode\"");
        assertThat(foreign.getStatus()).isEqualTo(403);
    }

    @Test
    void staffWithoutASchoolAreToldSo() throws Exception {
        String page = send(get("/staff/circulation/desk"), staff(Role.VOLUNTEER), session).getContentAsString();

        assertThat(page).contains("not assigned to a school").doesNotContain("id=\"desk-barcode\"");
    }
}
