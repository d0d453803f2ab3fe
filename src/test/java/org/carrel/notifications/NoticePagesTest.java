package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.district.ClosedDayForm;
import org.carrel.district.District;
import org.carrel.district.SchoolYearForm;
import org.carrel.patrons.PatronRecords;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notice pages and the run API as staff use them: the outbox without SMTP, printing, the run API's answers and
 * its refusals, the delivery log (audited), the settings and the template editor with its preview; and the daily
 * schedule (once a day whatever the nodes, closed schools left for later).
 */
@CarrelTest
@Import(NoticeFixtures.class)
class NoticePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    NoticeFixtures notices;
    @Autowired
    Circulation circulation;
    @Autowired
    Outbox outbox;
    @Autowired
    NoticeTemplates templates;
    @Autowired
    NotificationJobs jobs;
    @Autowired
    NoticeRuns runs;
    @Autowired
    District district;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PatronRecords records;

    String school;
    long schoolId;
    String student;
    LocalDate today;

    @BeforeEach
    void aStudentWithAnOverdueBook() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        student = fixtures.student(school, "5");
        today = fixtures.now().toLocalDate();
        notices.lend(student, school, "Hatchet", 3);
    }

    @Test
    void theRunApiSaysWhatWouldGoThenQueuesItAndRefusesWhatItCannotRead() throws Exception {
        String token = tokens.create("notices test", Role.LIBRARIAN, schoolId, "test").token();
        String dry = "{\"job\":\"overdue\",\"asOf\":\"" + today + "\",\"dryRun\":true}";

        mvc.perform(api(token, dry)).andExpect(status().isOk())
                .andExpect(jsonPath("$.job").value("overdue"))
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.messages[0].messageId").doesNotExist())
                .andExpect(jsonPath("$.messages[0].kind").value("overdue-first"))
                .andExpect(jsonPath("$.messages[0].recipient.role").value("print"))
                .andExpect(jsonPath("$.messages[0].about.patronId").value(fixtures.patronId(student)))
                .andExpect(jsonPath("$.messages[0].items[0]").value(Matchers.containsString("Hatchet")));
        mvc.perform(api(token, dry.replace("true", "false"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.messages[0].messageId").isNumber());
        mvc.perform(api(token, dry.replace("true", "false"))).andExpect(jsonPath("$.count").value(0));

        mvc.perform(api(token, "{\"job\":\"weekly\",\"asOf\":\"" + today + "\",\"dryRun\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("job: must be one of overdue, courtesy")));
        mvc.perform(api(token, "{\"job\":\"overdue\",\"asOf\":\"30/11/2026\",\"dryRun\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.startsWith("asOf:")));
        mvc.perform(api(token, "{\"job\":\"overdue\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("dryRun:")));
        mvc.perform(api(token, "[1,2")).andExpect(status().isBadRequest());
        String volunteer = tokens.create("notices test", Role.VOLUNTEER, schoolId, "test").token();
        mvc.perform(api(volunteer, dry)).andExpect(status().isForbidden());
    }

    @Test
    void aLibrarianSeesTheirSchoolsLettersToPrintAndMarksThemPrinted() throws Exception {
        long id = runs.run(NoticeJob.OVERDUE, today, false, java.util.Set.of(schoolId), false, "test").messages()
                .get(0).messageId();

        mvc.perform(get("/staff/notices").with(Users.as(Role.LIBRARIAN, schoolId))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No mail server is set up")))
                .andExpect(content().string(Matchers.containsString("no e-mail address: print")));
        mvc.perform(get("/staff/notices").with(Users.as(Role.LIBRARIAN, schoolId + 100_000)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("no e-mail address: print"))));
        mvc.perform(get("/staff/notices/print").with(Users.as(Role.LIBRARIAN, schoolId))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Hatchet")));

        mvc.perform(post("/staff/notices/printed").param("id", String.valueOf(id)).with(csrf())
                        .with(Users.as(Role.LIBRARIAN, schoolId + 100_000)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/staff/notices/printed").param("id", String.valueOf(id)).with(csrf())
                .with(Users.as(Role.LIBRARIAN, schoolId))).andExpect(redirectedUrl("/staff/notices"));
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.PRINTED);
    }

    @Test
    void theDeliveryLogIsAuditedAndOnlyForTheLibrariansSchools() throws Exception {
        long patronId = fixtures.patronId(student);
        runs.run(NoticeJob.OVERDUE, today, false, java.util.Set.of(schoolId), false, "test");

        mvc.perform(get("/staff/patrons/" + patronId + "/notices").with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Overdue")));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'notifications.log.viewed'"
                + " and record_id = :id").param("id", String.valueOf(patronId)).query(Integer.class).single())
                .isEqualTo(1);
        mvc.perform(get("/staff/patrons/" + patronId + "/notices").with(Users.as(Role.LIBRARIAN, schoolId + 100_000)))
                .andExpect(status().isNotFound());
    }

    @Test
    void erasingAPatronErasesTheMessagesAboutThem() {
        long patronId = fixtures.patronId(student);
        long id = runs.run(NoticeJob.OVERDUE, today, false, java.util.Set.of(schoolId), false, "test").messages()
                .get(0).messageId();
        circulation.checkin(jdbc.sql("select barcode from loan where patron_id = :p").param("p", patronId)
                .query(String.class).single(), schoolId, "test");

        assertThat(records.erase(patronId, "test").saved()).isTrue();

        assertThat(outbox.find(id)).isEmpty();
        assertThat(outbox.deliveryLog(patronId, "test")).isEmpty();
    }

    @Test
    void theRunsPagePreviewsAJobAndRefusesABadDate() throws Exception {
        mvc.perform(post("/staff/notices/runs").param("job", "overdue").param("asOf", today.toString())
                        .param("dryRun", "true").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 message(s) would be sent.")));
        mvc.perform(post("/staff/notices/runs").param("job", "overdue").param("asOf", "tomorrow")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Write the date as YYYY-MM-DD.")));
    }

    @Test
    void theDistrictAdminPreviewsSavesAndResetsAWordingAndBadPlaceholdersAreRefused() throws Exception {
        String path = "/staff/notices/templates/COURTESY/es";
        mvc.perform(post(path).param("subject", "Recordatorio para {{patron}}")
                        .param("body", "Hola {{nombre}}:\n{{items}}").param("action", "preview").with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("nombre")));
        mvc.perform(post(path).param("subject", "Recordatorio para {{patron}}").param("body", "Hola:\n")
                        .param("action", "save").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(path).param("subject", "Recordatorio para {{patron}}")
                        .param("body", "Hola {{recipient}}:\n{{items}}").param("action", "preview").with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Recordatorio para Ana Lopez")));
        assertThat(templates.template(NoticeKind.COURTESY, "es").edited()).as("a preview saves nothing").isFalse();

        mvc.perform(post(path).param("subject", "Recordatorio para {{patron}}")
                .param("body", "Hola {{recipient}}:\n{{items}}").param("action", "save").with(csrf())
                .with(Users.as(Role.DISTRICT_ADMIN))).andExpect(status().is3xxRedirection());
        try {
            assertThat(templates.template(NoticeKind.COURTESY, "es").subject())
                    .isEqualTo("Recordatorio para {{patron}}");
            mvc.perform(get(path).with(Users.as(Role.LIBRARIAN, schoolId))).andExpect(status().isForbidden());
        } finally {
            mvc.perform(post(path).param("action", "reset").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)));
        }
        assertThat(templates.template(NoticeKind.COURTESY, "es").edited()).isFalse();
        mvc.perform(get("/staff/notices/templates/NOPE/es").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void settingsRefuseASecondNoticeBeforeTheFirst() throws Exception {
        mvc.perform(post("/staff/notices/settings").param("courtesyDaysBefore", "2").param("overdueFirstDays", "7")
                        .param("overdueSecondDays", "3").param("holdExpiringDaysBefore", "1").param("version", "0")
                        .with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("The second notice must come after the first.")));
        mvc.perform(post("/staff/notices/settings").param("courtesyDaysBefore", "many").param("overdueFirstDays", "1")
                        .param("overdueSecondDays", "7").param("holdExpiringDaysBefore", "1").param("version", "0")
                        .with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Write a whole number from 0 to 30.")));
    }

    @Test
    void theDailyRunHappensOnceADayAndLeavesClosedSchoolsForTheirNextOpenDay() {
        LocalDate day = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        assertThat(district.setSchoolYear(schoolId, new SchoolYearForm("This year", today.minusDays(100).toString(),
                today.plusDays(200).toString(), null), "test").saved()).isTrue();
        assertThat(district.addClosedDay(schoolId, new ClosedDayForm(day.toString(), "Snow day"), "test").saved())
                .isTrue();

        NoticeRuns.RunResult closed = runs.run(NoticeJob.NOTICES, day, true, java.util.Set.of(schoolId), true, "t");
        assertThat(closed.messages()).isEmpty();
        assertThat(closed.closedSchools()).containsExactly(school);
        assertThat(runs.run(NoticeJob.NOTICES, day.plusDays(1), true, java.util.Set.of(schoolId), true, "t")
                .messages()).as("the next open day").hasSize(1);

        LocalDate far = today.plusYears(5).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        jobs.dailyNotices(far);
        String open = fixtures.school(); // no school year: open on weekdays
        notices.lend(fixtures.student(open, "3"), open, "Holes", 3); // a notice the first run did not see
        assertThat(runs.run(NoticeJob.NOTICES, far, true, java.util.Set.of(fixtures.schoolId(open)), true, "t")
                .messages()).as("due that day").hasSize(1);
        assertThat(jobs.dailyNotices(far)).as("a second node, or a second start, the same day").isZero();
        assertThat(jobs.dailyNotices(far.plusDays(1))).as("the next day's run").isPositive();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder api(String token,
                                                                                                  String json) {
        return post("/api/v1/notifications/runs").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON,
                        MediaType.APPLICATION_PROBLEM_JSON).content(json);
    }
}
