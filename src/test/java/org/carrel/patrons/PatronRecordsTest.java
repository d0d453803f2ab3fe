package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;

import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Permission;
import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolForm;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Exporting everything about a patron as JSON and erasing a patron's personal data, for district admins only. */
@CarrelTest
@RecordApplicationEvents
class PatronRecordsTest {

    @Autowired
    Patrons patrons;
    @Autowired
    PatronRecords records;
    @Autowired
    PatronPins pins;
    @Autowired
    District district;
    @Autowired
    AuditLog audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;

    private long school(String code) {
        assertThat(district.createSchool(new SchoolForm(code, "Records Test " + code, "K", "8", "ELEMENTARY", null,
                null, null, null, null, null), "test").saved()).isTrue();
        return district.school(code).orElseThrow().id();
    }

    private long create(PatronForm form) {
        PatronsResult result = patrons.create(form, "test");
        assertThat(result).as(result.errors().byField().toString()).isInstanceOf(PatronsResult.Saved.class);
        return ((PatronsResult.Saved) result).id();
    }

    /** A student with every personal value set, a guardian and a block. */
    private long student(String school) {
        long id = create(new PatronForm("STUDENT", "Sofía", "García", "Sofi", school, "", "SN-" + school, "5",
                "Room 5", "2032", "sofia@example.org", "es", "true", "Needs large print", null));
        long rosa = create(new PatronForm("GUARDIAN", "Rosa", "García", "", school, "", "", "", "", "",
                "rosa@example.org", "es", "", "", null));
        patrons.linkGuardian(id, rosa, "librarian1");
        patrons.block(id, "Lost book", "librarian1");
        return id;
    }

    @Test
    void onlyDistrictAdminsHoldThePatronRecordsPermission() {
        assertThat(Arrays.stream(Role.values()).filter(role -> role.grants(Permission.PATRON_RECORDS)))
                .containsExactly(Role.DISTRICT_ADMIN);
    }

    @Test
    void theExportHoldsThePatronsDataAndTheAuditEntriesAboutIt() throws Exception {
        long school = school("PR1");
        long id = student("PR1");
        patrons.view(id, "librarian1");

        mvc.perform(get("/staff/patrons/" + id + "/export").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"patron-" + id + ".json\""))
                .andExpect(jsonPath("$.patronId").value(id))
                .andExpect(jsonPath("$.exportedBy").value("district_admin"))
                .andExpect(jsonPath("$.notes").isEmpty())
                .andExpect(jsonPath("$.sources.circulation.loans").isArray())
                .andExpect(jsonPath("$.sources.patrons.patron.given_name").value("Sofía"))
                .andExpect(jsonPath("$.sources.patrons.patron.preferred_name").value("Sofi"))
                .andExpect(jsonPath("$.sources.patrons.patron.student_number").value("SN-PR1"))
                .andExpect(jsonPath("$.sources.patrons.patron.email").value("sofia@example.org"))
                .andExpect(jsonPath("$.sources.patrons.patron.notes").value("Needs large print"))
                .andExpect(jsonPath("$.sources.patrons.patron.school_id").value((int) school))
                .andExpect(jsonPath("$.sources.patrons.homeroom.name").value("Room 5"))
                .andExpect(jsonPath("$.sources.patrons.blocks[0].reason").value("Lost book"))
                .andExpect(jsonPath("$.sources.patrons.guardians[0].name").value("Rosa García"))
                .andExpect(jsonPath("$.sources.patrons.auditEntries[*].action").value(Matchers.contains(
                        "patrons.patron.viewed", "patrons.block.placed", "patrons.guardian.linked",
                        "patrons.patron.created")))
                .andExpect(jsonPath("$.sources.patrons.auditEntries[0].actor").value("librarian1"));
        assertThat(audit.newest(String.valueOf(id), 1)).extracting(AuditEntry::action)
                .containsExactly("patrons.patron.exported");
        mvc.perform(get("/staff/patrons/" + id + "/export").with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/patrons/987654321/export").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void erasingRemovesEveryPersonalValueKeepsTheStatisticsAndIsRefusedTwice() {
        school("PR2");
        long id = student("PR2");
        long guardian = patrons.view(id, "test").orElseThrow().guardians().get(0).id();
        assertThat(pins.set(id, "1357", "test").saved()).isTrue();

        assertThat(records.erase(id, "admin")).isEqualTo(new PatronsResult.Saved(id));
        assertThat(pins.has(id)).as("the self-check PIN is gone").isFalse();

        PatronView erased = patrons.view(id, "test").orElseThrow();
        assertThat(erased.displayName()).isEqualTo("Erased patron");
        assertThat(erased.preferredName()).isNull();
        assertThat(erased.barcode()).isEqualTo("ERASED-" + id);
        assertThat(erased.studentNumber()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.notes()).isNull();
        assertThat(erased.sourceId()).isNull();
        assertThat(erased.accountId()).isNull();
        assertThat(erased.homeroom()).isNull();
        assertThat(erased.keepHistory()).isFalse();
        assertThat(erased.preferredLanguage()).isEqualTo("en");
        assertThat(erased.blocks()).isEmpty();
        assertThat(erased.guardians()).isEmpty();
        assertThat(patrons.view(guardian, "test").orElseThrow().students()).isEmpty();
        assertThat(erased.status()).isEqualTo(PatronStatus.INACTIVE);
        assertThat(erased.erased()).isTrue();
        assertThat(erased.type()).isEqualTo(PatronType.STUDENT);
        assertThat(erased.grade()).isEqualTo(Grade.of(5));
        assertThat(erased.graduationYear()).isEqualTo(2032);
        assertThat(erased.schoolId()).isEqualTo(district.school("PR2").orElseThrow().id());
        assertThat(patrons.find("garcia", null, 100)).extracting(PatronSummary::id).doesNotContain(id);
        assertThat(patrons.find("SN-PR2", null, 100)).isEmpty();
        assertThat(events.stream(PatronErased.class)).containsExactly(new PatronErased(id));
        assertThat(audit.newest(String.valueOf(id), 50)).extracting(AuditEntry::action)
                .contains("patrons.patron.erased", "patrons.patron.created");

        assertThat(records.erase(id, "admin").errors().get("")).isEqualTo("patrons.erase.already");
        assertThat(patrons.update(id, PatronForm.of(erased, "PR2"), "test").errors().get(""))
                .isEqualTo("patrons.erase.noEdit");
        assertThat(patrons.merge(id, guardian, "test").errors().get("duplicate")).isNotNull();
    }

    @Test
    void theErasePageSaysWhatHappensAndWantsAConfirmation() throws Exception {
        long school = school("PR3");
        long id = student("PR3");

        mvc.perform(get("/staff/patrons/" + id).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(content().string(Matchers.containsString("href=\"/staff/patrons/" + id + "/erase\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/staff/patrons/" + id + "/export\"")));
        mvc.perform(get("/staff/patrons/" + id).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/erase\""))));
        mvc.perform(get("/staff/patrons/" + id + "/erase").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ERASED-" + id)))
                .andExpect(content().string(Matchers.containsString("is a legal duty")));
        mvc.perform(post("/staff/patrons/" + id + "/erase").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Tick the box to confirm the erase.")));
        assertThat(patrons.summary(id).orElseThrow().name()).isEqualTo("Sofi García");
        mvc.perform(post("/staff/patrons/" + id + "/erase").param("confirm", "yes").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/staff/patrons/" + id + "/erase").param("confirm", "yes").with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(redirectedUrl("/staff/patrons/" + id + "?erased"));
        assertThat(patrons.summary(id).orElseThrow().name()).isEqualTo("Erased patron");
        mvc.perform(post("/staff/patrons/" + id + "/erase").param("confirm", "yes").with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("already erased")));
        mvc.perform(get("/staff/patrons/" + id + "/export").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(jsonPath("$.sources.patrons.patron.given_name").value("Erased"))
                .andExpect(jsonPath("$.sources.patrons.patron.email").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.sources.patrons.auditEntries[*].action").value(Matchers.hasItem(
                        "patrons.patron.erased")));
        assertThat(List.of(patrons.view(id, "test").orElseThrow().status())).containsExactly(PatronStatus.INACTIVE);
    }
}
