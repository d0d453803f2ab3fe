package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.carrel.patrons.PatronExport;
import org.carrel.patrons.PatronForm;
import org.carrel.patrons.PatronObligations;
import org.carrel.patrons.PatronRecords;
import org.carrel.patrons.PatronView;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Circulation follows the patrons module: the rollover sees real loans, a merge moves loans and holds to the patron
 * kept, an erase forgets the reading history and waiting holds, and a patron's export includes circulation's part.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class PatronLinksTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    Patrons patrons;
    @Autowired
    PatronRecords records;
    @Autowired
    List<PatronObligations> obligations;
    @Autowired
    JdbcClient jdbc;

    String school;
    long title;

    @BeforeEach
    void aSchoolAndATitle() {
        school = fixtures.school();
        title = fixtures.title("Frindle");
    }

    @Test
    void theRolloverSeesTheCopiesAStudentHasOut() {
        String student = fixtures.student(school, "5");
        circulation.checkout(CheckoutRequest.of(student, fixtures.copy(title, school), "desk"));
        circulation.checkout(CheckoutRequest.of(student, fixtures.copy(title, school), "desk"));
        long id = fixtures.patronId(student);
        assertThat(obligations).hasSize(1);
        assertThat(obligations.get(0).itemsOut(List.of(id))).containsEntry(id, 2);
    }

    @Test
    void aMergeMovesLoansAndHoldsToThePatronKept() {
        String kept = fixtures.student(school, "5");
        String duplicate = fixtures.student(school, "5");
        String copy = fixtures.copy(title, school);
        circulation.checkout(CheckoutRequest.of(duplicate, copy, "desk"));
        long other = fixtures.title("Holes");
        fixtures.copy(other, school);
        long duplicateId = fixtures.patronId(duplicate);
        long keptId = fixtures.patronId(kept);
        assertThat(holds.place(HoldRequest.onTitle(duplicateId, other, fixtures.schoolId(school), "desk")))
                .isInstanceOf(HoldResult.Placed.class);

        assertThat(patrons.merge(keptId, duplicateId, "test").saved()).isTrue();

        assertThat(circulation.loanOf(copy).orElseThrow().patronId()).isEqualTo(keptId);
        assertThat(holds.ofPatron(keptId)).extracting(HoldView::recordId).containsExactly(other);
    }

    @Test
    void anEraseForgetsTheReadingHistoryAndWaitingHoldsButKeepsOpenLoans() {
        String reader = fixtures.student(school, "5");
        long id = fixtures.patronId(reader);
        PatronView view = patrons.view(id, "test").orElseThrow();
        PatronForm form = PatronForm.of(view, school);
        assertThat(patrons.update(id, new PatronForm(form.type(), form.givenName(), form.familyName(),
                form.preferredName(), form.school(), form.barcode(), form.studentNumber(), form.grade(),
                form.homeroom(), form.graduationYear(), form.email(), form.preferredLanguage(), "true", form.notes(),
                form.version(), form.account()), "test").saved()).isTrue();
        String read = fixtures.copy(title, school);
        circulation.checkout(CheckoutRequest.of(reader, read, "desk"));
        circulation.checkin(read, null, "desk");
        assertThat(circulation.ownHistory(id)).extracting(Circulation.HistoryEntry::title).containsExactly("Frindle");
        String kept = fixtures.copy(fixtures.title("Wonder"), school);
        circulation.checkout(CheckoutRequest.of(reader, kept, "desk"));
        long wanted = fixtures.title("Matilda");
        fixtures.copy(wanted, school);
        holds.place(HoldRequest.onTitle(id, wanted, fixtures.schoolId(school), "desk"));

        PatronExport export = records.export(id, "test").orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> mine = (Map<String, Object>) export.sources().get("circulation");
        assertThat((List<?>) mine.get("loans")).hasSize(1);
        assertThat((List<?>) mine.get("holds")).hasSize(1);
        assertThat((List<?>) mine.get("readingHistory")).hasSize(1);

        assertThat(records.erase(id, "test").saved()).isTrue();

        assertThat(circulation.ownHistory(id)).isEmpty();
        assertThat(holds.ofPatron(id)).isEmpty();
        assertThat(circulation.ownLoans(id)).extracting(LoanView::barcode).containsExactly(kept);
        assertThat(jdbc.sql("select count(*) from reading_history where patron_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }
}
