package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Circulation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The printable receipt of a desk session, and class-set checkout to a teacher. */
class ReceiptAndClassSetTest extends DeskWebTest {

    @Autowired
    Circulation circulation;

    String school;
    long schoolId;
    long record;
    MockHttpSession session;

    @BeforeEach
    void aSchoolWithATitle() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        record = fixtures.title("Charlotte's Web");
        session = new MockHttpSession();
    }

    @Test
    void theReceiptListsWhatThisSessionLentWithDueDatesAndTheSchool() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);
        String student = fixtures.student(school, "2");
        String first = fixtures.copy(record, school);
        String second = fixtures.copy(record, school);
        String third = fixtures.copy(record, school);
        scan(para, session, "checkout", student);
        scan(para, session, "checkout", first);
        scan(para, session, "checkout", second);
        scan(para, session, "checkout", third);
        scan(para, session, "checkin", third);
        long patronId = fixtures.patronId(student);

        MockHttpServletResponse receipt = send(get("/staff/circulation/desk/receipt").param("patron",
                String.valueOf(patronId)), para, session);
        String current = send(get("/staff/circulation/desk/receipt"), para, session).getContentAsString();

        assertThat(receipt.getStatus()).isEqualTo(200);
        assertThat(receipt.getContentAsString()).contains("<h1>Checkout receipt</h1>")
                .contains("<link rel=\"stylesheet\" href=\"/css/circulation-desk.css\">")
                .contains(schoolName(school)).contains("(" + student + ")").contains("Copies checked out (2)")
                .contains(first, second).doesNotContain(third)
                .contains("<time datetime=\"" + circulation.loanOf(first).orElseThrow().dueOn() + "\">")
                .contains("data-print");
        assertThat(current).contains("Copies checked out (2)");
    }

    @Test
    void theReceiptShowsNothingThisSessionDidNotLend() throws Exception {
        String student = fixtures.student(school, "2");
        String copy = fixtures.copy(record, school);
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        scan(librarian, session, "checkout", student);
        scan(librarian, session, "checkout", copy);

        String other = send(get("/staff/circulation/desk/receipt").param("patron",
                String.valueOf(fixtures.patronId(student))), staff(Role.VOLUNTEER, schoolId), new MockHttpSession())
                .getContentAsString();

        assertThat(other).contains("Nothing was checked out to this patron").doesNotContain(copy)
                .doesNotContain("Charlotte");
    }

    @Test
    void aClassSetLendsEachCopyOrSaysWhyNot() throws Exception {
        SignedInUser librarian = staff(Role.LIBRARIAN, schoolId);
        String teacher = fixtures.teacher(school);
        String first = fixtures.copy(record, school);
        String second = fixtures.copy(record, school);

        String form = send(get("/staff/circulation/class-set"), librarian, session).getContentAsString();
        MockHttpServletResponse lent = send(post("/staff/circulation/class-set").param("teacher", teacher)
                .param("barcodes", first + "\n" + second + "\r\nNO-SUCH-COPY-9\n" + first + "\n"), librarian, session);

        assertThat(form).contains("<h1>Class-set checkout</h1>").contains("name=\"teacher\"")
                .contains("<textarea id=\"f-barcodes\" name=\"barcodes\"").contains("at most 200");
        assertThat(lent.getStatus()).isEqualTo(200);
        assertThat(lent.getContentAsString()).contains("2 of 3 copies checked out to")
                .containsPattern("Checked out, due \\d{4}-\\d\\d-\\d\\d")
                .contains("data-refusal=\"UNKNOWN_ITEM\"").contains("No copy has this barcode.")
                .contains("/staff/circulation/desk/receipt?patron=" + fixtures.patronId(teacher));
        assertThat(circulation.loanOf(first).orElseThrow().classSet()).isTrue();
        assertThat(circulation.loanOf(second).orElseThrow().patronId()).isEqualTo(fixtures.patronId(teacher));
        assertThat(send(get("/staff/circulation/desk/receipt").param("patron",
                String.valueOf(fixtures.patronId(teacher))), librarian, session).getContentAsString())
                .contains("Copies checked out (2)");
    }

    @Test
    void aClassSetNeedsATeacherAndAtMostTheLargestSet() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);
        String copy = fixtures.copy(record, school);
        String tooMany = IntStream.rangeClosed(0, Circulation.MAX_CLASS_SET).mapToObj(i -> "X" + i)
                .collect(Collectors.joining("\n"));

        MockHttpServletResponse blank = send(post("/staff/circulation/class-set"), para, session);
        MockHttpServletResponse student = send(post("/staff/circulation/class-set")
                .param("teacher", fixtures.student(school, "3")).param("barcodes", copy), para, session);
        MockHttpServletResponse unknown = send(post("/staff/circulation/class-set")
                .param("teacher", "NO-SUCH-TEACHER").param("barcodes", copy), para, session);
        MockHttpServletResponse large = send(post("/staff/circulation/class-set")
                .param("teacher", fixtures.teacher(school)).param("barcodes", tooMany), para, session);

        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString()).contains("Scan or type the teacher's barcode.")
                .contains("Scan or type at least one copy barcode.");
        assertThat(student.getStatus()).isEqualTo(422);
        assertThat(student.getContentAsString()).contains("not a teacher or staff member");
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("No patron has this barcode.");
        assertThat(large.getStatus()).isEqualTo(422);
        assertThat(large.getContentAsString()).contains("Too many copies for one class set");
        assertThat(circulation.loanOf(copy)).isEmpty();
    }

    @Test
    void aClassSetAtAnotherSchoolsDeskIsRefused() throws Exception {
        SignedInUser para = staff(Role.PARAPROFESSIONAL, schoolId);

        MockHttpServletResponse refused = send(post("/staff/circulation/class-set")
                .param("school", String.valueOf(fixtures.schoolId(fixtures.school())))
                .param("teacher", fixtures.teacher(school)).param("barcodes", fixtures.copy(record, school)), para,
                session);

        assertThat(refused.getStatus()).isEqualTo(403);
    }
}
