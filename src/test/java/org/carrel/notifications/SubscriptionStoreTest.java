package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement of the subscription store, and the digests' week marks, on H2 and on PostgreSQL. */
class SubscriptionStoreTest {

    static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");

    @OnEachDatabase
    void keepsChangesMovesAndDeletesSubscriptions(JdbcClient jdbc) {
        long school = school(jdbc);
        long grace = patron(jdbc, school, "P1");
        long duplicate = patron(jdbc, school, "P2");
        SubscriptionStore store = new SubscriptionStore(jdbc);
        ArrivalCriteria animals = new ArrivalCriteria("Birds, Mammals", "590-599", "3-5", null);

        long id = store.insert(grace, "Animals, grade 4", animals, NOW);
        store.insert(duplicate, null, new ArrivalCriteria(null, null, null, "volcano"), NOW);

        Subscription kept = store.find(id, grace).orElseThrow();
        assertThat(kept).isEqualTo(new Subscription(id, grace, "Animals, grade 4", animals, 0));
        assertThat(store.find(id, duplicate)).as("another patron's").isEmpty();
        assertThat(store.count(grace)).isEqualTo(1);

        ArrivalCriteria changed = new ArrivalCriteria(null, "598.2", null, "owls");
        assertThat(store.update(id, duplicate, 0, null, changed, NOW)).as("not theirs").isFalse();
        assertThat(store.update(id, grace, 0, null, changed, NOW.plusSeconds(60))).isTrue();
        assertThat(store.update(id, grace, 0, "again", changed, NOW)).as("a stale version").isFalse();
        assertThat(store.of(grace)).singleElement().satisfies(s -> {
            assertThat(s.criteria()).isEqualTo(changed);
            assertThat(s.name()).isNull();
            assertThat(s.version()).isEqualTo(1);
        });

        assertThat(store.merge(grace, duplicate)).isEqualTo(1);
        assertThat(store.all()).extracting(Subscription::patronId).containsExactly(grace, grace);
        assertThat(store.delete(id, duplicate)).isFalse();
        assertThat(store.delete(id, grace)).isTrue();
        assertThat(store.deleteFor(grace)).isEqualTo(1);
        assertThat(store.all()).isEmpty();
    }

    @OnEachDatabase
    void aDigestMarkKeepsBackTheRunsOfTheFollowingSixDays(JdbcClient jdbc) {
        NoticeMarks marks = new NoticeMarks(jdbc);
        LocalDate monday = LocalDate.of(2026, 11, 23);
        List<String> first = NewArrivalDigests.weekKeys(12, monday);
        assertThat(marks.mark(first.get(0), monday.plusDays(7))).isTrue();
        assertThat(marks.mark(first.get(0), monday.plusDays(7))).isFalse();

        List<String> wednesday = NewArrivalDigests.weekKeys(12, monday.plusDays(2));
        assertThat(marks.marked(wednesday.subList(1, wednesday.size()))).containsExactly(first.get(0));
        List<String> nextMonday = NewArrivalDigests.weekKeys(12, monday.plusDays(7));
        assertThat(marks.marked(nextMonday.subList(1, nextMonday.size()))).isEmpty();
        assertThat(marks.marked(NewArrivalDigests.weekKeys(13, monday))).as("another teacher").isEmpty();
    }

    static long school(JdbcClient jdbc) {
        jdbc.sql("""
                insert into school (code, name, lowest_grade, highest_grade, school_level)
                values ('OAK', 'Oak Hill Elementary', 0, 5, 'ELEMENTARY')""").update();
        return jdbc.sql("select id from school where code = 'OAK'").query(Long.class).single();
    }

    static long patron(JdbcClient jdbc, long school, String barcode) {
        jdbc.sql("""
                        insert into patron (patron_type, given_name, family_name, name_key, school_id, barcode,
                            created_at, updated_at)
                        values ('TEACHER', 'Grace', 'Hopper', 'hopper grace', :school, :barcode, :now, :now)""")
                .param("school", school).param("barcode", barcode).param("now", NOW.atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select id from patron where barcode = :barcode").param("barcode", barcode)
                .query(Long.class).single();
    }
}
