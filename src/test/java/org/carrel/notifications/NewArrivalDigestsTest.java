package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.carrel.accounts.Role;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.district.District;
import org.carrel.shared.FormErrors;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The teachers' weekly new-arrival digests: exactly the week's new matching titles of the teacher's school, one
 * message per teacher, once a week; a dry run queues and marks nothing; the schedule runs once a day in the district.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class NewArrivalDigestsTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Catalog catalog;
    @Autowired
    District district;
    @Autowired
    NoticeRuns runs;
    @Autowired
    ArrivalSubscriptions subscriptions;
    @Autowired
    NotificationJobs jobs;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxStore outboxStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    String school;
    long schoolId;
    String otherSchool;
    LocalDate asOf;

    @BeforeEach
    void twoSchools() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        otherSchool = fixtures.school();
        asOf = district.today().plusDays(1);
    }

    @Test
    void aTeacherFollowingDewey590To599Grades3To5GetsExactlyTheWeeksNewMatchingTitles() {
        long teacher = teacher("grace@example.org", "en");
        subscribe(teacher, "Animals, grades 3-5", "", "590-599", "3-5", "");
        long owls = newTitle("Owls of North America", "598.97 HAR", "Grades 3-5", school);
        fixtures.copy(owls, school); // a second new copy: still one line
        long mammals = newTitle("Mammals up close", "599 SMI", "Grades 4-6", school);
        long lowEnd = newTitle("Animal kingdom", "590 BAS", "Grades 3-5", school);
        newTitle("Dinosaur days", "567.9 DIX", "Grades 3-5", school);
        newTitle("Dog care", "636.7 DOG", "Grades 3-5", school);
        newTitle("Sharks for teens", "597.3 SHA", "Grades 9-12", school);
        newTitle("Frogs", "597.8 FRO", null, school);
        newTitle("The whale book", "599.5 WHA", "Grades 3-5", school, 10);
        long bats = newTitle("Bats at night", "599.4 BAT", "Grades 3-5", school);
        jdbc.sql("update item set status = 'WITHDRAWN' where record_id = :id").param("id", bats).update();
        newTitle("Turtles everywhere", "597.92 TUR", "Grades 3-5", otherSchool);
        long nobody = teacher("other@example.org", "en");
        subscribe(nobody, "", "", "", "", "volcanoes");
        teacher("nosubscription@example.org", "en");

        List<NoticeRuns.Planned> sent = runs.run(NoticeJob.NEW_ARRIVALS, asOf, false, Set.of(schoolId), false, "test")
                .messages();

        assertThat(sent).as("one message, to the teacher with matching titles").singleElement()
                .satisfies(digest -> {
                    assertThat(digest.recipientId()).isEqualTo(teacher);
                    assertThat(digest.kind()).isEqualTo(NoticeKind.NEW_ARRIVALS);
                    assertThat(digest.items()).containsExactlyInAnyOrder(
                            "Owls of North America / Harris, Mark (598.97 HAR)",
                            "Mammals up close / Harris, Mark (599 SMI)",
                            "Animal kingdom / Harris, Mark (590 BAS)");
                    assertThat(digest.body()).contains("http://localhost:8080/catalog/records/" + owls,
                            "http://localhost:8080/catalog/records/" + mammals,
                            "http://localhost:8080/catalog/records/" + lowEnd,
                            "Change what you follow: http://localhost:8080/account/new-arrivals");
                    assertThat(digest.subject()).startsWith("New in the library for you");
                    OutboxEntry queued = outbox.find(digest.messageId()).orElseThrow();
                    assertThat(queued.recipientEmail()).isEqualTo("grace@example.org");
                    assertThat(queued.kind()).isEqualTo(NoticeKind.NEW_ARRIVALS);
                    assertThat(queued.itemCount()).isEqualTo(3);
                });
    }

    @Test
    void aRunRepeatedInTheWeekSendsNothingMoreAndTheNextWeekOnlyWhatIsNew() {
        long teacher = teacher("ana@example.org", "es");
        subscribe(teacher, "", "Birds", "", "", "");
        newTitle("Hummingbirds", "598.764 HUM", null, school, List.of("Hummingbirds", "Birds -- Juvenile literature"));

        List<NoticeRuns.Planned> first = run(asOf, false);
        assertThat(first).singleElement().satisfies(digest -> {
            assertThat(digest.language()).isEqualTo("es");
            assertThat(digest.subject()).startsWith("Novedades en la biblioteca para usted");
        });
        long penguins = newTitle("Penguins", "598.47 PEN", null, school, List.of("Penguins", "Birds"));
        jdbc.sql("update item set created_at = :at where record_id = :id").param("id", penguins)
                .param("at", asOf.plusDays(1).atTime(12, 0).atZone(district.zone()).toOffsetDateTime()).update();

        assertThat(run(asOf, false)).as("the same run again").isEmpty();
        assertThat(run(asOf.plusDays(2), false)).as("a run later in the week").isEmpty();
        List<NoticeRuns.Planned> nextWeek = run(asOf.plusDays(7), false);
        assertThat(nextWeek).singleElement().satisfies(digest -> assertThat(digest.items())
                .containsExactly("Penguins / Harris, Mark (598.47 PEN)"));
    }

    @Test
    void aDryRunSaysWhatWouldGoAndQueuesAndMarksNothing() {
        long teacher = teacher("dry@example.org", "en");
        subscribe(teacher, "", "", "", "", "volcano");
        newTitle("Volcanoes", "551.21 VOL", "Grades 3-5", school);
        int queuedBefore = outboxStore.countWithStatus(OutboxStatus.QUEUED);

        List<NoticeRuns.Planned> dry = run(asOf, true);

        assertThat(dry).singleElement().satisfies(digest -> {
            assertThat(digest.messageId()).isNull();
            assertThat(digest.items()).containsExactly("Volcanoes / Harris, Mark (551.21 VOL)");
        });
        assertThat(outboxStore.countWithStatus(OutboxStatus.QUEUED)).isEqualTo(queuedBefore);
        assertThat(run(asOf, false)).as("the dry run marked nothing").hasSize(1);
        assertThat(outboxStore.countWithStatus(OutboxStatus.QUEUED)).isEqualTo(queuedBefore + 1);
        assertThat(run(asOf, true)).as("a dry run after the real one").isEmpty();
    }

    @Test
    void aTeacherWithoutAnAddressGetsACopyToPrintAndAnInactiveOneNothing() {
        long paper = teacher(null, "en");
        subscribe(paper, "", "", "", "K-2", "");
        long gone = teacher("gone@example.org", "en");
        subscribe(gone, "", "", "", "K-2", "");
        jdbc.sql("update patron set status = 'INACTIVE' where id = :id").param("id", gone).update();
        newTitle("Frog and Toad", "E LOB", "Grades K-2", school);

        List<NoticeRuns.Planned> sent = run(asOf, false);

        assertThat(sent).singleElement().satisfies(digest -> {
            assertThat(digest.recipientId()).isEqualTo(paper);
            assertThat(digest.recipientRole()).isEqualTo("print");
            assertThat(outbox.find(digest.messageId()).orElseThrow().noAddress()).isTrue();
        });
    }

    @Test
    void theScheduleRunsTheWeeksDigestsOnceADay() {
        LocalDate day = LocalDate.of(2031, 3, 3);
        long teacher = teacher("schedule@example.org", "en");
        subscribe(teacher, "", "", "", "", "comets");
        long comets = newTitle("Comets", "523.6 COM", null, school);
        jdbc.sql("update item set created_at = :at where record_id = :id")
                .param("at", day.minusDays(2).atStartOfDay(district.zone()).toOffsetDateTime())
                .param("id", comets).update();

        assertThat(jobs.newArrivals(day)).isGreaterThanOrEqualTo(1);
        assertThat(outbox.deliveryLog(teacher, "test")).singleElement()
                .extracting(OutboxEntry::kind).isEqualTo(NoticeKind.NEW_ARRIVALS);
        assertThat(jobs.newArrivals(day)).as("the day's run is taken").isZero();
        assertThat(jdbc.sql("select messages from job_run where job = 'new-arrivals' and run_on = :day")
                .param("day", day).query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theRunApiAndTheRunsPageRunNewArrivals() throws Exception {
        long teacher = teacher("api@example.org", "en");
        subscribe(teacher, "", "", "", "", "tornadoes");
        newTitle("Tornadoes", "551.553 TOR", null, school);
        String body = "{\"job\":\"new-arrivals\",\"asOf\":\"" + asOf + "\",\"dryRun\":true}";

        mvc.perform(post("/api/v1/notifications/runs").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job").value("new-arrivals"))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.messages[0].kind").value("new-arrivals"))
                .andExpect(jsonPath("$.messages[0].recipient.patronId").value(teacher))
                .andExpect(jsonPath("$.messages[0].items[0]").value("Tornadoes / Harris, Mark (551.553 TOR)"));
        mvc.perform(post("/staff/notices/runs").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("job", "new-arrivals").param("asOf", asOf.toString()).param("dryRun", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 message(s) queued.")))
                .andExpect(content().string(containsString("Tornadoes / Harris, Mark (551.553 TOR)")));
        assertThat(outbox.deliveryLog(teacher, "test")).hasSize(1);
    }

    private List<NoticeRuns.Planned> run(LocalDate day, boolean dryRun) {
        return runs.run(NoticeJob.NEW_ARRIVALS, day, dryRun, Set.of(schoolId), false, "test").messages();
    }

    private long teacher(String email, String language) {
        long id = fixtures.patronId(fixtures.teacher(school));
        jdbc.sql("update patron set email = :email, preferred_language = :lang where id = :id").param("email", email)
                .param("lang", language).param("id", id).update();
        return id;
    }

    private void subscribe(long patronId, String name, String subjects, String dewey, String grades,
                           String keywords) {
        assertThat(subscriptions.add(patronId, new SubscriptionForm(name, subjects, dewey, grades, keywords, null)))
                .isEqualTo(FormErrors.NONE);
    }

    private long newTitle(String title, String callNumber, String level, String at) {
        return newTitle(title, callNumber, level, at, 0);
    }

    /** A title with a copy at the school, added {@code daysAgo} days before now. */
    private long newTitle(String title, String callNumber, String level, String at, int daysAgo) {
        long id = record(title, callNumber, level, List.of());
        fixtures.copy(id, at);
        if (daysAgo > 0) {
            jdbc.sql("update item set created_at = :at where record_id = :id")
                    .param("at", fixtures.now().minusDays(daysAgo).toOffsetDateTime()).param("id", id).update();
        }
        return id;
    }

    private long newTitle(String title, String callNumber, String level, String at, List<String> subjects) {
        long id = record(title, callNumber, level, subjects);
        fixtures.copy(id, at);
        return id;
    }

    private long record(String title, String callNumber, String level, List<String> subjects) {
        CatalogResult saved = catalog.catalogue(new BasicDescription(title, null, "Harris, Mark", List.of(), "Press",
                2025, subjects, null, null, level, callNumber, "BOOK", "eng"), "test");
        return ((CatalogResult.Saved) saved).id();
    }
}
