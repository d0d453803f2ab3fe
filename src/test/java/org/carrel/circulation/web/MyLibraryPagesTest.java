package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.circulation.Charges;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.MovableClock;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A signed-in student or teacher sees their own loans, holds, reading history (if they opted in) and charges in the
 * catalogue, renews and cancels only their own, and places holds from a title's page.
 */
@CarrelTest
@Import({CirculationFixtures.class, MovableClock.Config.class})
class MyLibraryPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    Charges charges;
    @Autowired
    Accounts accounts;
    @Autowired
    Patrons patrons;

    SignedInPatrons signedIn;
    String school;
    long schoolId;
    SignedInPatrons.SignedIn me;
    SignedInPatrons.SignedIn other;

    @BeforeEach
    void twoStudentsOfOneSchool() {
        signedIn = new SignedInPatrons(accounts, patrons);
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        me = signedIn.student(school, false);
        other = signedIn.student(school, false);
    }

    @Test
    void aStudentSeesTheirOwnLoansAndHoldsAndNobodyElses() throws Exception {
        LoanView mine = lend(me, "Tuck Everlasting");
        lend(other, "Bridge to Terabithia");
        long wanted = fixtures.title("Hatchet");
        fixtures.copy(wanted, school);
        place(other, wanted);
        place(me, wanted);
        long theirs = fixtures.title("Island of the Blue Dolphins");
        fixtures.copy(theirs, school);
        place(other, theirs);

        mvc.perform(get("/catalog/my-library").with(Users.as(me.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Tuck Everlasting"), containsString("Hatchet"),
                        containsString("You are number 2 in line."), containsString(mine.dueOn().toString()),
                        containsString("/catalog/my-library/loans/" + mine.id() + "/renew"),
                        containsString("No reading history is kept for you"), containsString("You owe nothing."),
                        not(containsString("Bridge to Terabithia")), not(containsString("Island of the Blue")),
                        not(containsString(other.name())))));
    }

    @Test
    void aStudentRenewsTheirOwnLoanButNotSomeoneElses() throws Exception {
        LoanView mine = lend(me, "Matilda");
        LoanView theirs = lend(other, "The BFG");

        mvc.perform(post("/catalog/my-library/loans/" + mine.id() + "/renew").with(csrf()).with(Users.as(me.user())))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/catalog/my-library?renewed=" + mine.id()));
        assertThat(circulation.loan(mine.id()).orElseThrow().renewals()).isEqualTo(1);
        mvc.perform(get("/catalog/my-library?renewed=" + mine.id()).with(Users.as(me.user())))
                .andExpect(content().string(containsString("Renewed: Matilda is now due on")));

        mvc.perform(post("/catalog/my-library/loans/" + theirs.id() + "/renew").with(csrf())
                        .with(Users.as(me.user())))
                .andExpect(status().isNotFound());
        assertThat(circulation.loan(theirs.id()).orElseThrow().renewals()).isZero();
    }

    @Test
    void aRefusedRenewalSaysWhy() throws Exception {
        LoanView mine = lend(me, "Stuart Little");
        place(other, mine.recordId());

        mvc.perform(post("/catalog/my-library/loans/" + mine.id() + "/renew").with(csrf()).with(Users.as(me.user())))
                .andExpect(redirectedUrl("/catalog/my-library?refused=ON_HOLD_FOR_OTHER"));
        mvc.perform(get("/catalog/my-library?refused=ON_HOLD_FOR_OTHER").with(Users.as(me.user())))
                .andExpect(content().string(containsString("This copy is on hold for someone else.")));
    }

    @Test
    void aStudentCancelsTheirOwnHoldButCannotCancelSomeoneElsesByItsId() throws Exception {
        long title = fixtures.title("Ramona the Pest");
        fixtures.copy(title, school);
        long mine = place(me, title);
        long theirs = place(other, title);

        mvc.perform(post("/catalog/my-library/holds/" + theirs + "/cancel").with(csrf()).with(Users.as(me.user())))
                .andExpect(status().isNotFound());
        assertThat(holds.hold(theirs)).isPresent();

        mvc.perform(post("/catalog/my-library/holds/" + mine + "/cancel").with(csrf()).with(Users.as(me.user())))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/catalog/my-library?cancelled"));
        assertThat(holds.hold(mine)).isEmpty();
    }

    @Test
    void aStudentWhoOptedInSeesTheirReadingHistoryAndTheirCharges() throws Exception {
        SignedInPatrons.SignedIn reader = signedIn.student(school, true);
        LoanView loan = lend(reader, "Charlotte's Web");
        circulation.checkin(loan.barcode(), null, "desk");
        assertThat(charges.add(reader.patronId(), schoolId, null, "OTHER", new BigDecimal("3.5"), "Torn cover",
                "librarian").done()).isTrue();

        mvc.perform(get("/catalog/my-library").with(Users.as(reader.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("My reading history"),
                        containsString("Charlotte's Web"), containsString("Torn cover"),
                        containsString("$3.50"), not(containsString("No reading history is kept for you")))));
    }

    @Test
    void anAccountWithoutALibraryCardIsToldSo() throws Exception {
        mvc.perform(get("/catalog/my-library").with(Users.as(Role.STUDENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not linked to a library card")));
    }

    @Test
    void theTitlePageOffersSignedInStudentsAHoldAndTeachersAReservation() throws Exception {
        long title = fixtures.title("The Giver");
        fixtures.copy(title, school);
        SignedInPatrons.SignedIn teacher = signedIn.teacher(school);

        mvc.perform(get("/catalog/records/" + title))
                .andExpect(content().string(not(containsString("/catalog/records/" + title + "/hold"))));
        mvc.perform(get("/catalog/records/" + title).with(Users.as(me.user())))
                .andExpect(content().string(allOf(containsString("action=\"/catalog/records/" + title + "/hold\""),
                        not(containsString("name=\"neededFrom\"")))));
        mvc.perform(get("/catalog/records/" + title).with(Users.as(teacher.user())))
                .andExpect(content().string(allOf(containsString("action=\"/catalog/records/" + title + "/hold\""),
                        containsString("name=\"neededFrom\""), containsString("name=\"neededUntil\""))));
    }

    @Test
    void placingAHoldFromTheTitlePageAnswersWithThePlaceInLineOrWhyNot() throws Exception {
        long title = fixtures.title("Holes");
        fixtures.copy(title, school);
        place(other, title);

        mvc.perform(post("/catalog/records/" + title + "/hold").with(csrf()).with(Users.as(me.user()))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("You are number 2 in line."),
                        not(containsString("<html")))));
        assertThat(holds.ofPatron(me.patronId())).singleElement()
                .satisfies(h -> assertThat(h.pickupSchoolId()).as("picked up at home").isEqualTo(schoolId));

        mvc.perform(post("/catalog/records/" + title + "/hold").with(csrf()).with(Users.as(me.user())))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("<html"),
                        containsString("This patron already has a hold on this title"))));
    }

    @Test
    void onlyTeachersReserveForDates() throws Exception {
        long title = fixtures.title("Esperanza Rising");
        fixtures.copy(title, school);
        SignedInPatrons.SignedIn teacher = signedIn.teacher(school);

        mvc.perform(post("/catalog/records/" + title + "/hold").with(csrf()).with(Users.as(me.user()))
                        .param("neededFrom", "2030-04-01").param("neededUntil", "2030-04-12"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Only teachers can reserve")));
        assertThat(holds.ofPatron(me.patronId())).isEmpty();

        mvc.perform(post("/catalog/records/" + title + "/hold").with(csrf()).with(Users.as(teacher.user()))
                        .param("neededFrom", "2030-04-12").param("neededUntil", "2030-04-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The last day comes before the first day.")));

        mvc.perform(post("/catalog/records/" + title + "/hold").with(csrf()).with(Users.as(teacher.user()))
                        .param("neededFrom", "2030-04-01").param("neededUntil", "2030-04-12")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reserved for 2030-04-01 to 2030-04-12.")));
        assertThat(holds.ofPatron(teacher.patronId())).singleElement().satisfies(h -> {
            assertThat(h.neededFrom()).hasToString("2030-04-01");
            assertThat(h.neededUntil()).hasToString("2030-04-12");
        });
    }

    private LoanView lend(SignedInPatrons.SignedIn patron, String title) {
        long record = fixtures.title(title);
        String copy = fixtures.copy(record, school);
        CheckoutResult out = circulation.checkout(CheckoutRequest.of(patron.barcode(), copy, "desk"));
        assertThat(out).isInstanceOf(CheckoutResult.CheckedOut.class);
        return ((CheckoutResult.CheckedOut) out).loan();
    }

    private long place(SignedInPatrons.SignedIn patron, long record) {
        HoldResult result = holds.place(HoldRequest.onTitle(patron.patronId(), record, schoolId, "test"));
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        return ((HoldResult.Placed) result).hold().id();
    }
}
