package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class LabelQueueStoreTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 10, 15, 9, 0, 0, 0, ZoneOffset.UTC);

    @OnEachDatabase
    void listsASchoolsQueueInShelfOrderWithTitleAndCallNumber(JdbcClient jdbc) {
        long oak = school(jdbc, "OAK");
        long spiders = record(jdbc, "Charlotte's web", "FIC WHI");
        long sharks = record(jdbc, "Sharks", "597.3 SHA");
        long web = item(jdbc, spiders, oak, "OAK001", null, "FIC WHI");
        long shark = item(jdbc, sharks, oak, "OAK002", null, "0597.3 SHA");
        long ownCall = item(jdbc, sharks, oak, "OAK003", "597.3 SHA c.2", "0597.3 SHA C.2");
        LabelQueueStore store = new LabelQueueStore(jdbc);

        assertThat(store.add(oak, web, "lib", NOW)).isTrue();
        assertThat(store.add(oak, ownCall, "lib", NOW)).isTrue();
        assertThat(store.add(oak, shark, "lib", NOW)).isTrue();

        assertThat(store.ofSchool(oak)).extracting(QueuedLabel::barcode).containsExactly("OAK002", "OAK003", "OAK001");
        QueuedLabel first = store.ofSchool(oak).get(0);
        assertThat(first.title()).isEqualTo("Sharks");
        assertThat(first.callNumber()).isEqualTo("597.3 SHA");
        assertThat(store.ofSchool(oak).get(1).callNumber()).as("the copy's own call number").isEqualTo("597.3 SHA c.2");
        assertThat(first.queuedBy()).isEqualTo("lib");
        assertThat(store.count(oak)).isEqualTo(3);
    }

    @OnEachDatabase
    void queuesACopyOnceAndOnlyInItsOwnSchool(JdbcClient jdbc) {
        long oak = school(jdbc, "OAK");
        long linc = school(jdbc, "LINC");
        long book = record(jdbc, "Holes", "FIC SAC");
        long oakCopy = item(jdbc, book, oak, "OAK010", null, "FIC SAC");
        LabelQueueStore store = new LabelQueueStore(jdbc);

        assertThat(store.add(linc, oakCopy, "lib", NOW)).as("another school's copy").isFalse();
        assertThat(store.add(oak, 999_999L, "lib", NOW)).as("no such copy").isFalse();
        assertThat(store.add(oak, oakCopy, "lib", NOW)).isTrue();
        assertThat(store.add(oak, oakCopy, "lib", NOW)).as("already queued").isFalse();
        assertThat(store.ofSchool(linc)).isEmpty();
        assertThat(store.queuedAmong(List.of(oakCopy, 999_999L))).containsExactly(oakCopy);
    }

    @OnEachDatabase
    void removesSomeOrAllOfOneSchoolsQueue(JdbcClient jdbc) {
        long oak = school(jdbc, "OAK");
        long linc = school(jdbc, "LINC");
        long book = record(jdbc, "Holes", "FIC SAC");
        long a = item(jdbc, book, oak, "OAK020", null, "FIC SAC");
        long b = item(jdbc, book, oak, "OAK021", null, "FIC SAC");
        long c = item(jdbc, book, linc, "LINC20", null, "FIC SAC");
        LabelQueueStore store = new LabelQueueStore(jdbc);
        store.add(oak, a, "lib", NOW);
        store.add(oak, b, "lib", NOW);
        store.add(linc, c, "lib", NOW);

        assertThat(store.remove(linc, List.of(a))).as("not in this school's queue").isZero();
        assertThat(store.remove(oak, List.of(a))).isEqualTo(1);
        assertThat(store.ofSchool(oak)).extracting(QueuedLabel::itemId).containsExactly(b);
        assertThat(store.clear(oak)).isEqualTo(1);
        assertThat(store.ofSchool(oak)).isEmpty();
        assertThat(store.count(linc)).isEqualTo(1);
    }

    @OnEachDatabase
    void aDeletedCopyLeavesTheQueue(JdbcClient jdbc) {
        long oak = school(jdbc, "OAK");
        long book = record(jdbc, "Holes", "FIC SAC");
        long copy = item(jdbc, book, oak, "OAK030", null, "FIC SAC");
        LabelQueueStore store = new LabelQueueStore(jdbc);
        store.add(oak, copy, "lib", NOW);

        jdbc.sql("delete from item where id = :id").param("id", copy).update();

        assertThat(store.ofSchool(oak)).isEmpty();
    }

    static long school(JdbcClient jdbc, String code) {
        jdbc.sql("""
                        insert into school (code, name, lowest_grade, highest_grade, school_level)
                        values (:code, :name, 0, 5, 'ELEMENTARY')""")
                .param("code", code).param("name", code + " School").update();
        return jdbc.sql("select id from school where code = :code").param("code", code).query(Long.class).single();
    }

    static long record(JdbcClient jdbc, String title, String callNumber) {
        jdbc.sql("""
                        insert into bib_record (marc, title, format, call_number, title_sort, created_at, updated_at)
                        values ('', :title, 'BOOK', :call, :sort, :now, :now)""")
                .param("title", title).param("call", callNumber).param("sort", title.toLowerCase())
                .param("now", NOW).update();
        return jdbc.sql("select max(id) from bib_record").query(Long.class).single();
    }

    static long item(JdbcClient jdbc, long recordId, long schoolId, String barcode, String ownCallNumber,
                     String sortKey) {
        jdbc.sql("""
                        insert into item (record_id, barcode, school_id, call_number, call_number_sort, item_type,
                                          status, status_changed_at, created_at)
                        values (:record, :barcode, :school, :call, :sort, 'BOOK', 'AVAILABLE', :now, :now)""")
                .param("record", recordId).param("barcode", barcode).param("school", schoolId)
                .param("call", ownCallNumber).param("sort", sortKey).param("now", NOW).update();
        return jdbc.sql("select id from item where barcode = :barcode").param("barcode", barcode)
                .query(Long.class).single();
    }
}
