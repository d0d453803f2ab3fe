package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Merging duplicate patrons through the facade and the merge pages: what moves, what is refused, the audit. */
@CarrelTest
@RecordApplicationEvents
class PatronMergeTest {


    @Autowired
    Patrons patrons;
    @Autowired
    District district;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;

    private String school() {
        return TestData.newSchool(district, "PM");
    }

    private long schoolId(String code) {
        return district.school(code).orElseThrow().id();
    }

    private long create(PatronForm form) {
        PatronsResult result = patrons.create(form, "test");
        assertThat(result).as(result.errors().byField().toString()).isInstanceOf(PatronsResult.Saved.class);
        return ((PatronsResult.Saved) result).id();
    }

    private static PatronForm student(String school, String given, String number, String email, String notes,
                                      String account) {
        return new PatronForm("STUDENT", given, "Merge" + school, "", school, "", number, "3", "", "", email, "en",
                "", notes, null, account);
    }

    private String account(String username) {
        AccountResult result = accounts.create(new AccountForm(username, "Pupil " + username, Role.STUDENT,
                List.of(), true, "Correct-Horse-Battery-9", null), "test");
        assertThat(result).as(result.toString()).isInstanceOf(AccountResult.Saved.class);
        return username;
    }

    private String barcode(long id) {
        return patrons.summary(id).orElseThrow().barcode();
    }

    @Test
    void theKeptPatronKeepsItsValuesAndGainsWhatItLacksFromTheDuplicate() {
        String school = school();
        long kept = create(student(school, "Ana", "", "ana@example.org", "Reads a lot", ""));
        long duplicate = create(student(school, "Anita", "SN-" + school, "old@example.org", "New card 2026",
                account("merge-" + school.toLowerCase())));
        long rosa = create(new PatronForm("GUARDIAN", "Rosa", "Merge" + school, "", school, "", "", "", "", "",
                "rosa@example.org", "es", "", "", null));
        patrons.linkGuardian(duplicate, rosa, "test");
        patrons.block(duplicate, "Lost book", "test");
        String keptBarcode = barcode(kept);
        String duplicateBarcode = barcode(duplicate);

        assertThat(patrons.merge(kept, duplicate, "librarian1")).isEqualTo(new PatronsResult.Saved(kept));

        PatronView after = patrons.view(kept, "test").orElseThrow();
        assertThat(after.givenName()).isEqualTo("Ana");
        assertThat(after.barcode()).isEqualTo(keptBarcode);
        assertThat(after.email()).as("its own e-mail").isEqualTo("ana@example.org");
        assertThat(after.studentNumber()).as("the duplicate's, as it had none").isEqualTo("SN-" + school);
        assertThat(after.accountUsername()).isEqualTo("merge-" + school.toLowerCase());
        assertThat(after.notes()).isEqualTo("Reads a lot\nNew card 2026");
        assertThat(after.guardians()).extracting(PatronSummary::id).containsExactly(rosa);
        assertThat(after.blocks()).extracting(PatronBlock::reason).containsExactly("Lost book");
        assertThat(patrons.summary(duplicate)).isEmpty();
        assertThat(patrons.byBarcode(duplicateBarcode)).isEmpty();
        assertThat(events.stream(PatronsMerged.class)).containsExactly(new PatronsMerged(kept, duplicate));
        assertThat(audit.newest(String.valueOf(kept), 10)).filteredOn(e -> e.action().equals("patrons.patron.merged"))
                .singleElement().extracting(AuditEntry::detail).asString()
                .contains(keptBarcode).contains(duplicateBarcode);
    }

    @Test
    void refusesAPatronWithItselfPatronsOfDifferentTypesAndAnUnknownPatron() {
        String school = school();
        long ana = create(student(school, "Ana", "", "", "", ""));
        long teacher = create(new PatronForm("TEACHER", "Lee", "Park", "", school, "", "", "", "", "", "", "en", "",
                "", null));

        assertThat(patrons.merge(ana, ana, "test").errors().get("duplicate")).isEqualTo("patrons.merge.self");
        assertThat(patrons.merge(ana, teacher, "test").errors().get("duplicate"))
                .isEqualTo("patrons.merge.differentTypes");
        assertThat(patrons.merge(ana, 987654321L, "test").errors().get("duplicate"))
                .isEqualTo("patrons.merge.unknown");
        assertThat(patrons.summary(teacher)).isPresent();
        assertThat(events.stream(PatronsMerged.class)).isEmpty();
    }

    @Test
    void refusesNotesThatWouldNotFitTogetherAndChangesNothing() {
        String school = school();
        long kept = create(student(school, "Ana", "", "", "a".repeat(1500), ""));
        long duplicate = create(student(school, "Ana", "N2-" + school, "", "b".repeat(600), ""));

        assertThat(patrons.merge(kept, duplicate, "test").errors().get("duplicate"))
                .isEqualTo("patrons.merge.notesTooLong");
        assertThat(patrons.view(duplicate, "test").orElseThrow().studentNumber()).isEqualTo("N2-" + school);
    }

    @Test
    void thePagesShowBothPatronsSideBySideThenMergeOnConfirmation() throws Exception {
        String school = school();
        long id = schoolId(school);
        long kept = create(student(school, "Ana", "", "", "", ""));
        long duplicate = create(student(school, "Anita", "PN-" + school, "", "", ""));
        String duplicateBarcode = barcode(duplicate);

        mvc.perform(get("/staff/patrons/" + kept).with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(content().string(Matchers.containsString("href=\"/staff/patrons/" + kept + "/merge\"")));
        mvc.perform(get("/staff/patrons/" + kept + "/merge").with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<label for=\"f-duplicate\">")));
        mvc.perform(get("/staff/patrons/" + kept + "/merge").param("duplicate", duplicateBarcode.toLowerCase())
                        .with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<caption>The two records, side by side")))
                .andExpect(content().string(Matchers.containsString("PN-" + school)))
                .andExpect(content().string(Matchers.containsString("name=\"duplicateId\" value=\"" + duplicate)));
        assertThat(patrons.summary(duplicate)).as("nothing changes before the confirmation").isPresent();

        mvc.perform(post("/staff/patrons/" + kept + "/merge").param("duplicateId", String.valueOf(duplicate))
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(redirectedUrl("/staff/patrons/" + kept + "?merged"));
        assertThat(patrons.summary(duplicate)).isEmpty();
        mvc.perform(get("/staff/patrons/" + kept).param("merged", "").with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(content().string(Matchers.containsString("The duplicate was merged into this patron")))
                .andExpect(content().string(Matchers.containsString("PN-" + school)));
    }

    @Test
    void thePagesNameEveryRefusalAndNeverFail() throws Exception {
        String school = school();
        String other = school();
        long id = schoolId(school);
        long kept = create(student(school, "Ana", "", "", "", ""));
        long elsewhere = create(student(other, "Bo", "", "", "", ""));
        long teacher = create(new PatronForm("TEACHER", "Lee", "Park", "", school, "", "", "", "", "", "", "en", "",
                "", null));

        mvc.perform(get("/staff/patrons/" + kept + "/merge").param("duplicate", "NO-SUCH-CARD")
                        .with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("No patron has this barcode")));
        mvc.perform(get("/staff/patrons/" + kept + "/merge").param("duplicate", barcode(kept))
                        .with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("This is the patron itself")));
        mvc.perform(get("/staff/patrons/" + kept + "/merge").param("duplicate", barcode(teacher))
                        .with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Only patrons of the same type can be merged")));
        mvc.perform(get("/staff/patrons/" + kept + "/merge").param("duplicate", barcode(elsewhere))
                        .with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("a school you do not act for")));
        mvc.perform(post("/staff/patrons/" + kept + "/merge").param("duplicateId", "12abc").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/staff/patrons/" + kept + "/merge").param("duplicateId", String.valueOf(elsewhere))
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/staff/patrons/" + elsewhere + "/merge").with(Users.as(Role.LIBRARIAN, id)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/patrons/" + kept + "/merge").with(Users.as(Role.VOLUNTEER, id)))
                .andExpect(status().isForbidden());
        assertThat(patrons.summary(elsewhere)).isPresent();
        assertThat(patrons.summary(teacher)).isPresent();
    }
}
