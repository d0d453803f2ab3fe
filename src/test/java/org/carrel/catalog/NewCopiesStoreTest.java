package org.carrel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The copies added in a time (what the new-arrival lists read), on H2 and on PostgreSQL. */
class NewCopiesStoreTest {

    static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 11, 23, 0, 0, 0, 0, ZoneOffset.UTC);

    @OnEachDatabase
    void listsTheCopiesAddedInTheTimeNewestFirstWithoutWithdrawnLostOrDeleted(DataSource data) {
        JdbcClient jdbc = JdbcClient.create(data);
        long oak = school(jdbc, "OAK");
        long elm = school(jdbc, "ELM");
        long owls = record(jdbc, "Owls", "598.97 HAR", null);
        long gone = record(jdbc, "Gone", "500 GON", MONDAY);
        long first = item(jdbc, owls, oak, "B1", null, "AVAILABLE", MONDAY.plusDays(1));
        long second = item(jdbc, owls, oak, "B2", "598.97 HAR c.2", "CHECKED_OUT", MONDAY.plusDays(2));
        item(jdbc, owls, elm, "B3", null, "AVAILABLE", MONDAY.plusDays(3));
        item(jdbc, owls, oak, "B4", null, "WITHDRAWN", MONDAY.plusDays(3));
        item(jdbc, owls, oak, "B5", null, "LOST", MONDAY.plusDays(3));
        item(jdbc, owls, oak, "B6", null, "AVAILABLE", MONDAY.minusSeconds(1));
        item(jdbc, owls, oak, "B7", null, "AVAILABLE", MONDAY.plusDays(7));
        item(jdbc, gone, oak, "B8", null, "AVAILABLE", MONDAY.plusDays(1));
        ItemStore store = new ItemStore(jdbc, new JdbcTemplate(data));

        assertThat(store.added(oak, MONDAY, MONDAY.plusDays(7), 100)).containsExactly(
                new NewCopy(second, owls, oak, "598.97 HAR c.2", MONDAY.plusDays(2)),
                new NewCopy(first, owls, oak, "598.97 HAR", MONDAY.plusDays(1)));
        assertThat(store.added(null, MONDAY, MONDAY.plusDays(7), 100)).extracting(NewCopy::schoolId)
                .containsExactly(elm, oak, oak);
        assertThat(store.added(null, MONDAY, MONDAY.plusDays(7), 1)).hasSize(1);
    }

    private static long school(JdbcClient jdbc, String code) {
        jdbc.sql("""
                        insert into school (code, name, lowest_grade, highest_grade, school_level)
                        values (:code, :code, 0, 5, 'ELEMENTARY')""").param("code", code).update();
        return jdbc.sql("select id from school where code = :code").param("code", code).query(Long.class).single();
    }

    private static long record(JdbcClient jdbc, String title, String callNumber, OffsetDateTime deletedAt) {
        jdbc.sql("""
                        insert into bib_record (marc, title, format, call_number, title_sort, created_at, updated_at,
                            deleted_at)
                        values ('', :title, 'BOOK', :call, :title, :now, :now, :deleted)""")
                .param("title", title).param("call", callNumber).param("now", MONDAY).param("deleted", deletedAt)
                .update();
        return jdbc.sql("select id from bib_record where title = :title").param("title", title).query(Long.class)
                .single();
    }

    private static long item(JdbcClient jdbc, long record, long school, String barcode, String callNumber,
                             String status, OffsetDateTime createdAt) {
        jdbc.sql("""
                        insert into item (record_id, barcode, school_id, call_number, call_number_sort, item_type,
                            status, status_changed_at, created_at)
                        values (:record, :barcode, :school, :call, '', 'BOOK', :status, :at, :at)""")
                .param("record", record).param("barcode", barcode).param("school", school).param("call", callNumber)
                .param("status", status).param("at", createdAt).update();
        return jdbc.sql("select id from item where barcode = :barcode").param("barcode", barcode)
                .query(Long.class).single();
    }
}
