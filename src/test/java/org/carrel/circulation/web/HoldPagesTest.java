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

import org.carrel.accounts.Role;
import org.carrel.catalog.Copies;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.MovableClock;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The staff hold pages: a school's hold shelf, pull list and transits, and a title's queue with its actions. */
@CarrelTest
@Import({CirculationFixtures.class, MovableClock.Config.class})
class HoldPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    Copies copies;
    @Autowired
    Patrons patrons;

    String oak;
    long oakId;
    String pine;
    long pineId;

    @BeforeEach
    void twoSchools() {
        oak = fixtures.school();
        oakId = fixtures.schoolId(oak);
        pine = fixtures.school();
        pineId = fixtures.schoolId(pine);
    }

    @Test
    void theHoldsPageListsTheHoldShelfThePullListAndTheTransitsOfTheSchool() throws Exception {
        long ready = fixtures.title("Shelf Title");
        String readyCopy = fixtures.copy(ready, oak);
        String waiter = fixtures.student(oak, "4");
        place(waiter, ready, oakId);
        circulation.checkin(readyCopy, null, "desk");
        long wanted = fixtures.title("Pull Title");
        String wantedCopy = fixtures.copy(wanted, oak);
        String pineTeacher = fixtures.teacher(pine);
        place(pineTeacher, wanted, pineId);
        long travelling = fixtures.title("Transit Title");
        String travellingCopy = fixtures.copy(travelling, oak);
        place(fixtures.student(pine, "2"), travelling, pineId);
        circulation.checkin(travellingCopy, oakId, "desk");

        mvc.perform(get("/staff/circulation/holds").param("school", oak).with(Users.as(Role.LIBRARIAN, oakId)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Shelf Title"), containsString(readyCopy),
                        containsString(name(waiter)), containsString("Waiting for the patron"),
                        containsString("Pull Title"), containsString(wantedCopy), containsString(name(pineTeacher)),
                        containsString("Transit Title"), containsString(travellingCopy),
                        containsString("Sent from this school (1)"), containsString("data-print"))));
        mvc.perform(get("/staff/circulation/holds").param("school", pine).with(Users.as(Role.PARAPROFESSIONAL,
                        pineId)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Coming to this school (1)"),
                        containsString(travellingCopy), not(containsString("Shelf Title")))));
    }

    @Test
    void aReadyHoldPastItsPickupDayIsFlaggedToPull() throws Exception {
        long title = fixtures.title("Late Pickup");
        String copy = fixtures.copy(title, oak);
        long hold = place(fixtures.student(oak, "4"), title, oakId);
        circulation.checkin(copy, null, "desk");
        holds.cancel(hold, "test");

        mvc.perform(get("/staff/circulation/holds").param("school", oak).with(Users.as(Role.LIBRARIAN, oakId)))
                .andExpect(content().string(containsString("Pull from shelf")));
    }

    @Test
    void staffOfAnotherSchoolCannotOpenThisSchoolsHoldLists() throws Exception {
        mvc.perform(get("/staff/circulation/holds").param("school", oak).with(Users.as(Role.LIBRARIAN, pineId)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theQueueShowsHoldsInOrderAndNamesOnlyPatronsOfTheStaffMembersSchools() throws Exception {
        long title = fixtures.title("Queue Title");
        fixtures.copy(title, oak);
        String first = fixtures.student(oak, "3");
        String second = fixtures.student(pine, "3");
        place(first, title, oakId);
        place(second, title, pineId);

        mvc.perform(get("/staff/circulation/holds/records/" + title).with(Users.as(Role.LIBRARIAN, oakId)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name(first)),
                        not(containsString(name(second))), containsString("A patron of another school"),
                        containsString("The queue (2)"))));
        String page = mvc.perform(get("/staff/circulation/holds/records/" + title)
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(name(first))).isPositive().isLessThan(page.indexOf(name(second)));
    }

    @Test
    void staffPlaceAHoldForAPatronAndSeeTheirPlaceInLine() throws Exception {
        long title = fixtures.title("Placed Title");
        fixtures.copy(title, oak);
        String patron = fixtures.student(oak, "5");

        String location = mvc.perform(post("/staff/circulation/holds/records/" + title).with(csrf())
                        .with(Users.as(Role.PARAPROFESSIONAL, oakId))
                        .param("patron", patron).param("copy", "").param("pickup", oak)
                        .param("notNeededAfter", "2030-06-01"))
                .andExpect(status().isSeeOther())
                .andReturn().getResponse().getRedirectedUrl();

        HoldView hold = holds.ofPatron(fixtures.patronId(patron)).get(0);
        assertThat(location).isEqualTo("/staff/circulation/holds/records/" + title + "?placed=" + hold.id());
        assertThat(hold.expiresOn()).hasToString("2030-06-01");
        assertThat(hold.placedBy()).isEqualTo("paraprofessional");
        mvc.perform(get(location).with(Users.as(Role.PARAPROFESSIONAL, oakId)))
                .andExpect(content().string(containsString("Hold placed for " + name(patron) + ": number 1 in line.")));
    }

    @Test
    void theHoldFormSaysWhatIsWrong() throws Exception {
        long title = fixtures.title("Form Title");
        fixtures.copy(title, oak);
        String otherCopy = fixtures.copy(fixtures.title("Another Title"), oak);
        String student = fixtures.student(oak, "5");

        mvc.perform(post("/staff/circulation/holds/records/" + title).with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId))
                        .param("patron", "NO-SUCH-CARD").param("copy", otherCopy).param("pickup", oak))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("No patron has this barcode."),
                        containsString("This copy belongs to another title."))));
        mvc.perform(post("/staff/circulation/holds/records/" + title).with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId))
                        .param("patron", student).param("pickup", oak)
                        .param("neededFrom", "2030-04-01").param("neededUntil", "2030-04-05"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Only teachers can reserve")));
        assertThat(holds.ofPatron(fixtures.patronId(student))).isEmpty();
    }

    @Test
    void onlyStaffWhoMayOverrideGoPastAnOverridableRefusalWithAReason() throws Exception {
        long title = fixtures.title("Blocked Title");
        fixtures.copy(title, oak);
        String student = fixtures.student(oak, "5");
        long studentId = fixtures.patronId(student);
        assertThat(patrons.block(studentId, "Lost three books", "test").saved()).isTrue();

        mvc.perform(post("/staff/circulation/holds/records/" + title).with(csrf())
                        .with(Users.as(Role.PARAPROFESSIONAL, oakId))
                        .param("patron", student).param("pickup", oak).param("overrideReason", "Project"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("This patron is blocked from borrowing."),
                        not(containsString("name=\"overrideReason\"")))));
        assertThat(holds.ofPatron(studentId)).isEmpty();

        mvc.perform(post("/staff/circulation/holds/records/" + title).with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId)).param("patron", student).param("pickup", oak))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("give a reason to override"),
                        containsString("name=\"overrideReason\""))));
        mvc.perform(post("/staff/circulation/holds/records/" + title).with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId))
                        .param("patron", student).param("pickup", oak).param("overrideReason", "Project"))
                .andExpect(status().isSeeOther());
        assertThat(holds.ofPatron(studentId)).hasSize(1);
    }

    @Test
    void staffCancelSuspendAndResumeHoldsOfTheirSchoolOnly() throws Exception {
        long title = fixtures.title("Action Title");
        fixtures.copy(title, oak);
        long hold = place(fixtures.student(oak, "5"), title, oakId);
        long cancelled = place(fixtures.student(oak, "5"), title, oakId);

        mvc.perform(post("/staff/circulation/holds/" + hold + "/suspend").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, pineId)).param("until", "2030-03-20"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/circulation/holds/" + hold + "/suspend").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId)).param("until", "2030-03-20"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/staff/circulation/holds/records/" + title + "?done=suspended"));
        assertThat(holds.hold(hold).orElseThrow().suspendedUntil()).hasToString("2030-03-20");
        mvc.perform(post("/staff/circulation/holds/" + hold + "/suspend").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId)).param("until", "2020-01-01"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/staff/circulation/holds/" + hold + "/suspend").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, oakId)))
                .andExpect(redirectedUrl("/staff/circulation/holds/records/" + title + "?done=resumed"));
        assertThat(holds.hold(hold).orElseThrow().suspendedUntil()).isNull();

        mvc.perform(post("/staff/circulation/holds/" + cancelled + "/cancel").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, pineId)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/circulation/holds/" + cancelled + "/cancel").with(csrf())
                        .with(Users.as(Role.PARAPROFESSIONAL, oakId)))
                .andExpect(redirectedUrl("/staff/circulation/holds/records/" + title + "?done=cancelled"));
        assertThat(holds.hold(cancelled)).isEmpty();
        mvc.perform(post("/staff/circulation/holds/" + cancelled + "/cancel").with(csrf())
                        .with(Users.as(Role.PARAPROFESSIONAL, oakId)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTitleSearchLeadsToTheQueueAndTheStaffRecordPageLinksIt() throws Exception {
        long title = fixtures.title("Zanzibar Searchable");

        mvc.perform(get("/staff/circulation/holds").param("school", oak).param("q", "zanzibar")
                        .with(Users.as(Role.LIBRARIAN, oakId)))
                .andExpect(content().string(containsString("/staff/circulation/holds/records/" + title)));
        mvc.perform(get("/staff/catalog/records/" + title).with(Users.as(Role.LIBRARIAN, oakId)))
                .andExpect(content().string(containsString("/staff/circulation/holds/records/" + title)));
        mvc.perform(get("/staff/catalog/records/" + title).with(Users.as(Role.VOLUNTEER, oakId)))
                .andExpect(content().string(not(containsString("/staff/circulation/holds/records/"))));
    }

    private long place(String patronBarcode, long record, long pickupSchoolId) {
        HoldResult result = holds.place(HoldRequest.onTitle(fixtures.patronId(patronBarcode), record, pickupSchoolId,
                "test"));
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        return ((HoldResult.Placed) result).hold().id();
    }

    private String name(String patronBarcode) {
        return patrons.byBarcode(patronBarcode).orElseThrow().name();
    }
}
