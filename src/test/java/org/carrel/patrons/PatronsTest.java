package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

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
import org.springframework.test.web.servlet.MockMvc;

/** Patrons through the facade, the staff pages and the API: barcodes, refusals, privacy and the audit trail. */
@CarrelTest
class PatronsTest {


    @Autowired
    Patrons patrons;
    @Autowired
    District district;
    @Autowired
    AuditLog audit;
    @Autowired
    PatronPins pins;
    @Autowired
    MockMvc mvc;

    /** A new school of its own for each test, so barcode ranges and searches do not meet. */
    private String school() {
        return TestData.newSchool(district, "PT");
    }

    private long schoolId(String code) {
        return district.school(code).orElseThrow().id();
    }

    private static PatronForm student(String school, String given, String family, String barcode, String number) {
        return new PatronForm("STUDENT", given, family, "", school, barcode, number, "3", "Room 3", "2035", "", "en",
                "", "", null);
    }

    private long create(PatronForm form) {
        PatronsResult result = patrons.create(form, "test");
        assertThat(result).as(result.errors().byField().toString()).isInstanceOf(PatronsResult.Saved.class);
        return ((PatronsResult.Saved) result).id();
    }

    @Test
    void aPatronWithoutABarcodeGetsTheNextOfTheSchoolsRange() {
        String school = school();
        long first = create(student(school, "Ana", "Lopez", "", null));
        create(student(school, "Bo", "Lee", "P" + school + "000002", null));
        long third = create(student(school, "Cy", "Ray", " ", null));

        assertThat(patrons.summary(first).orElseThrow().barcode()).isEqualTo("P" + school + "000001");
        assertThat(patrons.summary(third).orElseThrow().barcode()).as("the number typed by hand is skipped")
                .isEqualTo("P" + school + "000003");
    }

    @Test
    void patronsAddedAtTheSameMomentGetDifferentBarcodes() {
        String school = school();
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<PatronsResult>> all = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return patrons.create(student(school, "Kid", "Number" + i, "", null), "test");
                })).toList();
        Set<String> barcodes = new java.util.HashSet<>();
        for (CompletableFuture<PatronsResult> one : all) {
            PatronsResult result = one.join();
            assertThat(result.saved()).as(result.errors().byField().toString()).isTrue();
            barcodes.add(patrons.summary(((PatronsResult.Saved) result).id()).orElseThrow().barcode());
        }
        assertThat(barcodes).hasSize(4);
    }

    @Test
    void refusesATakenBarcodeOrStudentNumberAndAFormWithMistakes() {
        String school = school();
        create(student(school, "Ana", "Lopez", "B" + school, "N" + school));

        assertThat(patrons.create(student(school, "Bo", "Lee", "b" + school, null), "test"))
                .isInstanceOf(PatronsResult.Duplicate.class).extracting(r -> r.errors().get("barcode"))
                .isEqualTo("patrons.barcode.taken");
        assertThat(patrons.create(student(school, "Bo", "Lee", "", "N" + school), "test"))
                .isInstanceOf(PatronsResult.Duplicate.class).extracting(r -> r.errors().get("studentNumber"))
                .isEqualTo("patrons.studentNumber.taken");
        PatronsResult wrong = patrons.create(new PatronForm("STUDENT", "", "Lee", "", "NOSUCH", "bad code!", "",
                "13", "", "1800", "not-an-address", "fr", "", "", null), "test");
        assertThat(wrong.errors().byField()).containsEntry("givenName", "form.required")
                .containsEntry("barcode", "patrons.barcode.invalid").containsEntry("grade", "patrons.grade.invalid")
                .containsEntry("graduationYear", "form.number.invalid").containsEntry("email", "patrons.email.invalid")
                .containsEntry("preferredLanguage", "patrons.language.invalid");
        assertThat(patrons.create(student("NOSUCH", "Bo", "Lee", "", null), "test").errors().get("school"))
                .isEqualTo("patrons.school.unknown");
        assertThat(patrons.create(new PatronForm("WIZARD", "Bo", "Lee", "", school, "", "", "", "", "", "", "en",
                "", "", null), "test").errors().get("type")).isEqualTo("patrons.type.invalid");
    }

    @Test
    void findsByTheStartOfANameWithoutAccentsByBarcodeAndByStudentNumber() {
        String school = school();
        long sofia = create(student(school, "Sofía", "García" + school, "", "SN" + school));
        create(student(school, "Gary", "Smith" + school, "", null));

        assertThat(patrons.find("garcia" + school.toLowerCase(), null, 10)).extracting(PatronSummary::id)
                .containsExactly(sofia);
        assertThat(patrons.find("SOFÍA GARCÍA" + school, schoolId(school), 10)).extracting(PatronSummary::id)
                .containsExactly(sofia);
        assertThat(patrons.find("sn" + school, null, 10)).extracting(PatronSummary::id).containsExactly(sofia);
        String barcode = patrons.summary(sofia).orElseThrow().barcode();
        assertThat(patrons.find(" " + barcode.toLowerCase() + " ", null, 10)).extracting(PatronSummary::id)
                .containsExactly(sofia);
        assertThat(patrons.find("", null, 10)).isEmpty();
        assertThat(patrons.find("%", null, 10)).isEmpty();
    }

    @Test
    void aFullReadAndEveryChangeAreAudited() {
        String school = school();
        long id = create(student(school, "Ana", "Lopez", "", null));
        PatronView ana = patrons.view(id, "librarian1").orElseThrow();

        assertThat(patrons.update(id, edited(ana, school, "Anita"), "librarian1").saved()).isTrue();
        assertThat(patrons.update(id, edited(ana, school, "Annie"), "librarian2"))
                .as("edited from a page read before the first edit").isEqualTo(PatronsResult.stale());
        assertThat(patrons.block(id, "  ", "librarian1").errors().get("reason")).isEqualTo("form.required");
        long block = ((PatronsResult.Saved) patrons.block(id, "Lost 3 books", "librarian1")).id();
        assertThat(patrons.view(id, "librarian1").orElseThrow().blocked()).isTrue();
        assertThat(patrons.liftBlock(id, block, "librarian1")).isTrue();
        assertThat(patrons.setStatus(id, PatronStatus.INACTIVE, "librarian1")).isTrue();

        PatronView now = patrons.view(id, "librarian1").orElseThrow();
        assertThat(now.preferredName()).isEqualTo("Anita");
        assertThat(now.displayName()).isEqualTo("Anita Lopez");
        assertThat(now.blocked()).isFalse();
        assertThat(now.status()).isEqualTo(PatronStatus.INACTIVE);
        assertThat(actions(id)).containsExactly("patrons.patron.viewed", "patrons.patron.status",
                "patrons.block.lifted", "patrons.patron.viewed", "patrons.block.placed", "patrons.patron.updated",
                "patrons.patron.viewed", "patrons.patron.created");
    }

    @Test
    void guardiansAreLinkedToStudentsOnly() {
        String school = school();
        long child = create(student(school, "Ana", "Lopez", "", null));
        long parent = create(new PatronForm("GUARDIAN", "Rosa", "Lopez", "", school, "", "", "", "", "",
                "rosa@example.org", "es", "", "", null));

        assertThat(patrons.linkGuardian(child, parent, "test").saved()).isTrue();
        assertThat(patrons.linkGuardian(child, parent, "test").saved()).isTrue();
        assertThat(patrons.linkGuardian(parent, child, "test").errors().get("student"))
                .isEqualTo("patrons.guardian.notStudent");
        assertThat(patrons.view(child, "test").orElseThrow().guardians()).extracting(PatronSummary::id)
                .containsExactly(parent);
        assertThat(patrons.view(parent, "test").orElseThrow().students()).extracting(PatronSummary::id)
                .containsExactly(child);
    }

    @Test
    void aHomeroomListsItsTeacherAndActiveStudents() throws Exception {
        String school = school();
        create(new PatronForm("TEACHER", "Lee", "Park", "", school, "", "", "", "Room 3", "", "", "en", "", "",
                null));
        create(student(school, "Ana", "Lopez", "", null));
        long gone = create(student(school, "Bo", "Adams", "", null));
        patrons.setStatus(gone, PatronStatus.TRANSFERRED, "test");

        HomeroomView room = patrons.homerooms(schoolId(school)).stream().filter(h -> h.name().equals("Room 3"))
                .findFirst().orElseThrow();
        assertThat(room.teacherName()).isEqualTo("Lee Park");
        assertThat(room.students()).isEqualTo(1);
        assertThat(patrons.members(room.id())).extracting(HomeroomMember::name).containsExactly("Ana Lopez");
        assertThat(patrons.homeroomsNamed("room 3")).extracting(HomeroomView::id).contains(room.id());
        assertThat(patrons.homeroomsNamed("roo")).extracting(HomeroomView::id).contains(room.id());
        assertThat(patrons.homeroomsNamed("room 4")).extracting(HomeroomView::id).doesNotContain(room.id());
        assertThat(patrons.homeroomsNamed("  ")).isEmpty();
        long schoolId = schoolId(school);
        mvc.perform(get("/staff/patrons").param("q", "room 3").with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(content().string(Matchers.containsString("/staff/homerooms/" + room.id())));
        mvc.perform(get("/staff/patrons").param("q", "room 3").with(Users.as(Role.VOLUNTEER, schoolId)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/staff/homerooms/" + room.id()))));
    }

    @Test
    void staffSetAndRemoveASelfCheckPinThatIsNeverShownAndAudited() throws Exception {
        String school = school();
        long id = create(student(school, "Leo", "Park", "", ""));
        long schoolId = schoolId(school);

        mvc.perform(post("/staff/patrons/" + id + "/pin").param("pin", "12").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("The PIN must be 4 to 12 digits.")));
        mvc.perform(post("/staff/patrons/" + id + "/pin").param("pin", "97531").with(csrf())
                        .with(Users.as(Role.VOLUNTEER, schoolId)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/patrons/" + id + "/pin").param("pin", "97531").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(redirectedUrl("/staff/patrons/" + id + "?saved"));
        assertThat(pins.matches(id, "97531")).contains(true);
        assertThat(pins.matches(id, "97530")).contains(false);
        mvc.perform(get("/staff/patrons/" + id).with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(content().string(Matchers.containsString("A PIN is set")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("97531"))));
        assertThat(actions(id)).contains("patrons.pin.set");

        mvc.perform(post("/staff/patrons/" + id + "/pin").param("clear", "1").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(redirectedUrl("/staff/patrons/" + id + "?saved"));
        assertThat(pins.matches(id, "97531")).isEmpty();
        assertThat(actions(id)).contains("patrons.pin.cleared");
        mvc.perform(post("/staff/patrons/" + id + "/blocks").param("reason", " ").with(csrf())
                        .with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("No PIN is set")));
    }

    @Test
    void aVolunteerOrAnotherSchoolsLibrarianGetsOnlyTheNameAndBarcode() throws Exception {
        String school = school();
        long id = create(new PatronForm("STUDENT", "Ana", "Lopez", "", school, "", "", "4", "", "", "ana@example.org",
                "en", "", "Needs large print", null));
        long schoolId = schoolId(school);
        int auditedBefore = actions(id).size();

        mvc.perform(get("/api/v1/patrons/" + id).with(Users.as(Role.VOLUNTEER, schoolId)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Ana Lopez"))
                .andExpect(jsonPath("$.barcode").value("P" + school + "000001"))
                .andExpect(jsonPath("$.grade").doesNotExist()).andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(content().string(Matchers.not(Matchers.containsString("large print"))));
        mvc.perform(get("/api/v1/patrons/" + id).with(Users.as(Role.LIBRARIAN, schoolId + 1000)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").doesNotExist());
        assertThat(actions(id)).hasSize(auditedBefore);

        mvc.perform(get("/api/v1/patrons/" + id).with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("4"))
                .andExpect(jsonPath("$.email").value("ana@example.org"))
                .andExpect(jsonPath("$.school").value(school));
        assertThat(actions(id)).hasSize(auditedBefore + 1).first().isEqualTo("patrons.patron.viewed");

        mvc.perform(get("/staff/patrons/" + id).with(Users.as(Role.LIBRARIAN, schoolId + 1000)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/patrons/" + id).with(Users.as(Role.VOLUNTEER, schoolId)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/patrons/" + id).with(Users.as(Role.PARAPROFESSIONAL, schoolId)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Needs large print")));
        assertThat(actions(id)).hasSize(auditedBefore + 2);
        mvc.perform(get("/staff/patrons").param("q", "lopez").with(Users.as(Role.VOLUNTEER, schoolId)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Ana Lopez")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/staff/patrons/" + id))));
    }

    @Test
    void theSearchApiAnswersAndNamesWhatItCannotRead() throws Exception {
        String school = school();
        create(student(school, "Ana", "Quintero" + school, "", null));

        mvc.perform(get("/api/v1/patrons").param("q", "quintero" + school).with(Users.as(Role.VOLUNTEER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("Ana Quintero" + school))
                .andExpect(jsonPath("$[0].school").value(school)).andExpect(jsonPath("$[0].type").value("STUDENT"))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"));
        mvc.perform(get("/api/v1/patrons").param("q", "").with(Users.as(Role.VOLUNTEER)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.startsWith("q:")));
        mvc.perform(get("/api/v1/patrons").param("q", "ana").param("school", "NOPE").with(Users.as(Role.VOLUNTEER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("no school 'NOPE'")));
        mvc.perform(get("/api/v1/patrons").param("q", "ana").param("limit", "0").with(Users.as(Role.VOLUNTEER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("limit:")));
        mvc.perform(get("/api/v1/patrons").param("q", "ana")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/patrons/999999999").with(Users.as(Role.LIBRARIAN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffAddAPatronWithTheFormAndSeeEachMistakeNamed() throws Exception {
        String school = school();
        long schoolId = schoolId(school);
        mvc.perform(post("/staff/patrons").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("type", "STUDENT").param("givenName", "Mia").param("familyName", "Chen")
                        .param("school", school).param("grade", "").param("email", "mia@"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("f-grade-error")))
                .andExpect(content().string(Matchers.containsString("f-email-error")));
        mvc.perform(post("/staff/patrons").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId + 1000))
                        .param("type", "STUDENT").param("givenName", "Mia").param("familyName", "Chen")
                        .param("school", school).param("grade", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/patrons").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("type", "STUDENT").param("givenName", "Mia").param("familyName", "Chen")
                        .param("school", school).param("grade", "2").param("keepHistory", "true"))
                .andExpect(redirectedUrl("/staff/patrons/" + patrons.find("P" + school + "000001", null, 1).get(0).id()
                        + "?saved"));
        PatronSummary mia = patrons.find("P" + school + "000001", null, 1).get(0);
        PatronView view = patrons.view(mia.id(), "test").orElseThrow();
        assertThat(view.keepHistory()).isTrue();
        assertThat(view.grade().label()).isEqualTo("2");
    }

    private static PatronForm edited(PatronView p, String school, String preferred) {
        PatronForm form = PatronForm.of(p, school);
        return new PatronForm(form.type(), form.givenName(), form.familyName(), preferred, form.school(),
                form.barcode(), form.studentNumber(), form.grade(), form.homeroom(), form.graduationYear(),
                form.email(), form.preferredLanguage(), form.keepHistory(), form.notes(), form.version());
    }

    /** The audit actions on this patron, newest first. */
    private List<String> actions(long id) {
        return audit.newest(String.valueOf(id), 1000).stream()
                .filter(e -> "patron".equals(e.recordType()) && String.valueOf(id).equals(e.recordId()))
                .map(AuditEntry::action).toList();
    }
}
