package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.Holds;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The circulation notices of a day, each school's patrons on their own: who gets which notice, in which language,
 * combined into one letter per recipient; a run repeated finds nothing more; the homeroom digest combines a teacher's
 * students; a dry run queues nothing.
 */
@CarrelTest
@Import(NoticeFixtures.class)
class NoticeRunsTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    NoticeFixtures notices;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    NoticeRuns runs;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxStore outboxStore;
    @Autowired
    NoticeSettingsStore settings;
    @Autowired
    JdbcClient jdbc;

    String school;
    long schoolId;
    LocalDate today;

    @BeforeEach
    void aSchool() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        today = fixtures.now().toLocalDate();
    }

    @Test
    void eachNoticeGoesToTheStudentAndGuardiansInTheirLanguageInOneLetterEach() {
        String student = fixtures.student(school, "4");
        long studentId = fixtures.patronId(student);
        notices.contact(studentId, "ana@example.org", "en");
        long guardianEs = notices.guardian(studentId, school, "mama@example.org", "es");
        long guardianNoMail = notices.guardian(studentId, school, null, "en");
        String overdue = notices.lend(student, school, "Hatchet", 3).copy();
        String dueSoon = notices.lend(student, school, "Holes", -2).copy();
        notices.lend(student, school, "Wonder", -9); // due later than the courtesy notice's 2 days

        List<NoticeRuns.Planned> letters = runs.run(NoticeJob.NOTICES, today, false, Set.of(schoolId), false, "test")
                .messages();

        assertThat(letters).extracting(NoticeRuns.Planned::recipientId).containsExactlyInAnyOrder(studentId,
                guardianEs).doesNotContain(guardianNoMail);
        NoticeRuns.Planned toStudent = of(letters, studentId);
        assertThat(toStudent.kind()).isEqualTo(NoticeKind.LETTER);
        assertThat(toStudent.sections()).containsExactly(NoticeKind.COURTESY, NoticeKind.OVERDUE_FIRST);
        assertThat(toStudent.items()).hasSize(2).anyMatch(i -> i.contains(overdue)).anyMatch(i -> i.contains(dueSoon))
                .noneMatch(i -> i.contains("Wonder"));
        assertThat(toStudent.subject()).startsWith("Library notices for");
        assertThat(toStudent.body()).contains("These items borrowed by").contains("Hatchet (" + overdue + ")");
        NoticeRuns.Planned toMother = of(letters, guardianEs);
        assertThat(toMother.language()).isEqualTo("es");
        assertThat(toMother.recipientRole()).isEqualTo("guardian");
        assertThat(toMother.subject()).startsWith("Avisos de la biblioteca para");
        assertThat(toMother.body()).contains("están vencidos").contains("vence el");
        assertThat(toMother.messageId()).isNotNull();
        assertThat(outbox.find(toMother.messageId()).orElseThrow().recipientEmail()).isEqualTo("mama@example.org");

        assertThat(runs.run(NoticeJob.NOTICES, today, false, Set.of(schoolId), false, "test").messages())
                .as("the same day again: nothing more").isEmpty();
        List<NoticeRuns.Planned> weekLater = runs.run(NoticeJob.OVERDUE, today.plusDays(7), false, Set.of(schoolId),
                false, "test").messages();
        NoticeRuns.Planned second = of(weekLater, studentId);
        assertThat(second.sections()).as("Hatchet's second notice, the first for Holes (Wonder is not due yet)")
                .containsExactly(NoticeKind.OVERDUE_FIRST, NoticeKind.OVERDUE_SECOND);
        assertThat(second.items()).hasSize(2);
        assertThat(second.body().indexOf("Second notice")).isGreaterThan(second.body().indexOf(dueSoon));
    }

    @Test
    void aStudentWithoutAnAddressGetsACopyToPrintAndTeachersGetTheirOwnNotices() {
        String student = fixtures.student(school, "2");
        long studentId = fixtures.patronId(student);
        String teacher = fixtures.teacher(school);
        long teacherId = fixtures.patronId(teacher);
        notices.contact(teacherId, "teacher@example.org", "en");
        notices.lend(student, school, "Frog and Toad", 2);
        notices.lend(teacher, school, "Class set guide", 10);

        List<NoticeRuns.Planned> letters = runs.run(NoticeJob.OVERDUE, today, false, Set.of(schoolId), false, "test")
                .messages();

        NoticeRuns.Planned print = of(letters, studentId);
        assertThat(print.recipientRole()).isEqualTo("print");
        assertThat(print.recipientEmail()).isNull();
        assertThat(outbox.find(print.messageId()).orElseThrow().noAddress()).isTrue();
        NoticeRuns.Planned toTeacher = of(letters, teacherId);
        assertThat(toTeacher.kind()).isEqualTo(NoticeKind.OVERDUE_SECOND);
        assertThat(toTeacher.recipientEmail()).isEqualTo("teacher@example.org");
    }

    @Test
    void aReadyHoldIsNoticedOnceThenAgainJustBeforeItIsReleased() {
        String student = fixtures.student(school, "5");
        long studentId = fixtures.patronId(student);
        notices.contact(studentId, "kid@example.org", "en");
        String other = fixtures.student(school, "5");
        long record = fixtures.title("Owls of the World");
        String copy = fixtures.copy(record, school);
        assertThat(circulation.checkout(CheckoutRequest.of(other, copy, "test")))
                .isInstanceOf(CheckoutResult.CheckedOut.class);
        assertThat(holds.place(HoldRequest.onTitle(studentId, record, schoolId, "test")))
                .isInstanceOf(HoldResult.Placed.class);
        circulation.checkin(copy, schoolId, "test");
        LocalDate pickupBy = jdbc.sql("select pickup_by from hold where patron_id = :p").param("p", studentId)
                .query(LocalDate.class).single();

        NoticeRuns.Planned ready = of(runs.run(NoticeJob.HOLDS, today, false, Set.of(schoolId), false, "test")
                .messages(), studentId);
        assertThat(ready.kind()).isEqualTo(NoticeKind.HOLD_READY);
        assertThat(ready.items()).singleElement().asString().contains("Owls of the World").contains("pick up by");
        assertThat(runs.run(NoticeJob.HOLDS, today, false, Set.of(schoolId), false, "test").messages()).isEmpty();

        NoticeRuns.Planned expiring = of(runs.run(NoticeJob.HOLDS, pickupBy.minusDays(1), false, Set.of(schoolId),
                false, "test").messages(), studentId);
        assertThat(expiring.kind()).isEqualTo(NoticeKind.HOLD_EXPIRING);
    }

    @Test
    void theHomeroomTeacherGetsOneDigestOfTheirStudentsWithoutTitlesByDefault() {
        String teacher = fixtures.teacherOf(school, "Room 12", "Grace");
        long teacherId = fixtures.patronId(teacher);
        notices.contact(teacherId, "grace@example.org", "en");
        String first = fixtures.student(school, "3", "Room 12", "");
        String second = fixtures.student(school, "3", "Room 12", "");
        String elsewhere = fixtures.student(school, "3", "Room 14", "");
        notices.lend(first, school, "Charlotte's Web", 4);
        notices.lend(first, school, "Stuart Little", 2);
        notices.lend(second, school, "Matilda", 1);
        notices.lend(elsewhere, school, "The BFG", 5);

        NoticeRuns.RunResult dry = runs.run(NoticeJob.DIGEST, today, true, Set.of(schoolId), false, "test");
        assertThat(dry.messages()).singleElement().extracting(NoticeRuns.Planned::messageId).isNull();

        List<NoticeRuns.Planned> digests = runs.run(NoticeJob.DIGEST, today, false, Set.of(schoolId), false, "test")
                .messages();

        assertThat(digests).hasSize(1);
        NoticeRuns.Planned digest = digests.get(0);
        assertThat(digest.recipientId()).isEqualTo(teacherId);
        assertThat(digest.items()).hasSize(2);
        assertThat(digest.items().get(0)).as("one line per student").contains("2 overdue item(s)");
        assertThat(digest.body()).doesNotContain("Charlotte").doesNotContain("Matilda").doesNotContain("BFG");
        assertThat(runs.run(NoticeJob.DIGEST, today, false, Set.of(schoolId), false, "test").messages())
                .as("one a day").isEmpty();
    }

    @Test
    void theDistrictsSettingsChooseWhoGetsWhichNoticeAndWhen() {
        String student = fixtures.student(school, "4", "Room 3", "");
        long studentId = fixtures.patronId(student);
        notices.contact(studentId, "kid4@example.org", "en");
        long guardian = notices.guardian(studentId, school, "dad@example.org", "en");
        String teacher = fixtures.teacherOf(school, "Room 3", "Ada");
        notices.contact(fixtures.patronId(teacher), "ada@example.org", "en");
        notices.lend(student, school, "Hatchet", 3);
        notices.lend(student, school, "Holes", -1);
        NoticeSettings shipped = settings.get();
        assertThat(settings.update(new NoticeSettings(0, 2, 10, 1, false, true, false, false, shipped.version())))
                .isTrue();
        try {
            List<NoticeRuns.Planned> letters = runs.run(NoticeJob.NOTICES, today, true, Set.of(schoolId), false,
                    "test").messages();
            assertThat(letters).as("not to the student").singleElement().satisfies(letter -> {
                assertThat(letter.recipientId()).isEqualTo(guardian);
                assertThat(letter.sections()).as("no due-soon notice at 0 days").containsExactly(
                        NoticeKind.OVERDUE_FIRST);
            });
            assertThat(runs.run(NoticeJob.DIGEST, today, true, Set.of(schoolId), false, "test").messages())
                    .as("no homeroom digest").isEmpty();
        } finally {
            NoticeSettings now = settings.get();
            settings.update(new NoticeSettings(shipped.courtesyDaysBefore(), shipped.overdueFirstDays(),
                    shipped.overdueSecondDays(), shipped.holdExpiringDaysBefore(), shipped.toStudent(),
                    shipped.toGuardians(), shipped.homeroomDigest(), shipped.homeroomDigestTitles(), now.version()));
        }
    }

    @Test
    void aDryRunSaysWhatWouldGoAndQueuesNothing() {
        String student = fixtures.student(school, "6");
        notices.contact(fixtures.patronId(student), "six@example.org", "en");
        notices.lend(student, school, "Hatchet", 2);
        int before = outboxStore.countWithStatus(OutboxStatus.QUEUED);

        NoticeRuns.RunResult dry = runs.run(NoticeJob.OVERDUE, today, true, Set.of(schoolId), false, "test");

        assertThat(dry.messages()).hasSize(1);
        assertThat(outboxStore.countWithStatus(OutboxStatus.QUEUED)).isEqualTo(before);
        assertThat(runs.run(NoticeJob.OVERDUE, today, false, Set.of(schoolId), false, "test").messages()).hasSize(1);
    }

    private static NoticeRuns.Planned of(List<NoticeRuns.Planned> letters, long recipientId) {
        return letters.stream().filter(p -> p.recipientId() == recipientId).findFirst().orElseThrow(
                () -> new AssertionError("no message to " + recipientId + " in " + letters));
    }
}
