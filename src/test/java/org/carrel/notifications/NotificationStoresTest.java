package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement of the notification stores, on H2 and on PostgreSQL. */
class NotificationStoresTest {

    static final Instant NOW = Instant.parse("2026-11-30T11:00:00Z");

    @OnEachDatabase
    void theOutboxQueuesClaimsSendsRetriesAndFailsEachMessageOnce(JdbcClient jdbc) {
        OutboxStore store = new OutboxStore(jdbc);
        long first = store.insert(message(7L, 1L, "ana@example.org"), NOW, "system");
        long second = store.insert(message(7L, 1L, "bo@example.org"), NOW.plusSeconds(1), "system");
        long print = store.insert(message(8L, 2L, null), NOW, "system");

        assertThat(store.due(NOW.plusSeconds(5), 10)).as("not the one without an address").containsExactly(first,
                second);
        assertThat(store.due(NOW.plusSeconds(5), 1)).containsExactly(first);
        OutboxStore.Outgoing claimed = store.claim(first, "node-a", NOW).orElseThrow();
        assertThat(claimed.recipientEmail()).isEqualTo("ana@example.org");
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(store.claim(first, "node-b", NOW)).as("taken once").isEmpty();
        store.sent(first, NOW.plusSeconds(2));
        assertThat(store.find(first).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);

        store.claim(second, "node-a", NOW);
        store.retry(second, NOW.plusSeconds(60), "421 busy");
        OutboxEntry retried = store.find(second).orElseThrow();
        assertThat(retried.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(retried.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(store.due(NOW.plusSeconds(30), 10)).isEmpty();
        store.claim(second, "node-a", NOW.plusSeconds(61));
        store.failed(second, "x".repeat(1500));
        assertThat(store.find(second).orElseThrow().lastError()).hasSize(1000);
        assertThat(store.requeue(second, NOW)).isTrue();
        assertThat(store.requeue(first, NOW)).as("a sent one stays sent").isFalse();

        store.claim(second, "node-a", NOW);
        assertThat(store.markUncertain(NOW.minusSeconds(1))).isZero();
        assertThat(store.markUncertain(NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(store.find(second).orElseThrow().status()).isEqualTo(OutboxStatus.UNCERTAIN);

        assertThat(store.printed(List.of(print, first), NOW)).as("only what did not go").isEqualTo(1);
        assertThat(store.printed(List.of(), NOW)).isZero();
        assertThat(store.clearBodies(NOW.plus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(store.find(first).orElseThrow().body()).isNull();

        assertThat(store.withStatus(EnumSet.of(OutboxStatus.SENT, OutboxStatus.PRINTED), null, 10))
                .extracting(OutboxEntry::id).as("newest first, then by id").containsExactly(print, first);
        assertThat(store.withStatus(EnumSet.of(OutboxStatus.SENT, OutboxStatus.PRINTED), List.of(2L), 10))
                .extracting(OutboxEntry::id).containsExactly(print);
        assertThat(store.withStatus(EnumSet.of(OutboxStatus.SENT), List.of(), 10)).isEmpty();
        assertThat(store.countWithStatus(OutboxStatus.UNCERTAIN)).isEqualTo(1);
        assertThat(store.forPatron(7L, 10)).extracting(OutboxEntry::id).containsExactly(second, first);

        store.merge(9L, 7L);
        assertThat(store.forPatron(9L, 10)).hasSize(2);
        assertThat(store.deleteFor(9L)).isEqualTo(2);
        assertThat(store.forPatron(9L, 10)).isEmpty();
    }

    @OnEachDatabase
    void aMarkWinsOnceAndOldMarksAreForgotten(JdbcClient jdbc) {
        NoticeMarks marks = new NoticeMarks(jdbc);
        LocalDate day = LocalDate.of(2026, 11, 30);

        assertThat(marks.mark("OVERDUE_FIRST:loan:1:2026-11-20", day)).isTrue();
        assertThat(marks.mark("OVERDUE_FIRST:loan:1:2026-11-20", day)).isFalse();
        assertThat(marks.mark("LOST:loan:1", day.minusYears(3))).isTrue();
        assertThat(marks.marked(Set.of("OVERDUE_FIRST:loan:1:2026-11-20", "LOST:loan:1", "LOST:loan:2")))
                .containsExactlyInAnyOrder("OVERDUE_FIRST:loan:1:2026-11-20", "LOST:loan:1");
        assertThat(marks.forget(day.minusYears(2))).isEqualTo(1);
        assertThat(marks.marked(Set.of("LOST:loan:1"))).isEmpty();
    }

    @OnEachDatabase
    void oneNodeRecordsAJobsDay(JdbcClient jdbc) {
        JobRuns runs = new JobRuns(jdbc);
        LocalDate day = LocalDate.of(2026, 11, 30);

        assertThat(runs.claim("notices", day, "node-a", NOW)).isTrue();
        assertThat(runs.claim("notices", day, "node-b", NOW)).isFalse();
        assertThat(runs.claim("notices", day.plusDays(1), "node-b", NOW)).isTrue();
        runs.finished("notices", day, 12, NOW.plusSeconds(9));
        assertThat(jdbc.sql("select messages from job_run where job = 'notices' and run_on = :d").param("d", day)
                .query(Integer.class).single()).isEqualTo(12);
    }

    @OnEachDatabase
    void settingsAndTemplatesAreSavedOnlyOverTheCurrentVersion(JdbcClient jdbc) {
        jdbc.sql("insert into notice_settings (id) values (1)").update(); // as the migration does; tests empty tables
        NoticeSettingsStore settings = new NoticeSettingsStore(jdbc);
        NoticeSettings shipped = settings.get();
        assertThat(shipped.overdueFirstDays()).isEqualTo(1);
        assertThat(shipped.toGuardians()).isTrue();

        NoticeSettings changed = new NoticeSettings(3, 2, 10, 1, false, true, true, true, shipped.version());
        assertThat(settings.update(changed)).isTrue();
        assertThat(settings.update(changed)).as("a stale version").isFalse();
        assertThat(settings.get()).extracting(NoticeSettings::courtesyDaysBefore, NoticeSettings::toStudent,
                NoticeSettings::homeroomDigestTitles).containsExactly(3, false, true);

        NoticeTemplateStore templates = new NoticeTemplateStore(jdbc);
        assertThat(templates.find(NoticeKind.COURTESY, "es")).isEmpty();
        templates.replace(NoticeKind.COURTESY, "es", "Recordatorio", "Hola {{recipient}}\n{{items}}\n", "admin", NOW);
        templates.replace(NoticeKind.COURTESY, "es", "Recordatorio 2", "{{items}}\n", "admin", NOW);
        assertThat(templates.find(NoticeKind.COURTESY, "es").orElseThrow().subject()).isEqualTo("Recordatorio 2");
        assertThat(templates.delete(NoticeKind.COURTESY, "es")).isTrue();
        assertThat(templates.delete(NoticeKind.COURTESY, "es")).isFalse();
    }

    private static NewMessage message(Long patronId, Long schoolId, String email) {
        return new NewMessage(NoticeKind.OVERDUE_FIRST, patronId, schoolId, patronId, "Ana López", email, "es",
                "Materiales vencidos", "- Cien años de soledad\n", 1);
    }
}
