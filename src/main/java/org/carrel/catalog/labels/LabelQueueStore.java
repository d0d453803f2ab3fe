package org.carrel.catalog.labels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the label print queue: copies waiting for spine or barcode labels, per school, listed in shelf order. */
@Repository
class LabelQueueStore {

    private final JdbcClient jdbc;

    LabelQueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a copy of the school unless it is queued already; false when the copy does not exist, belongs to
     * another school or waits in the queue. One statement, so two librarians scanning at once cannot queue it twice
     * (and a race that still collides meets the primary key).
     */
    boolean add(long schoolId, long itemId, String queuedBy, OffsetDateTime now) {
        return jdbc.sql("""
                        insert into label_queue (item_id, school_id, queued_by, queued_at)
                        select i.id, i.school_id, :by, :now from item i
                        where i.id = :item and i.school_id = :school
                          and not exists (select 1 from label_queue q where q.item_id = i.id)""")
                .param("by", queuedBy).param("now", now).param("item", itemId).param("school", schoolId)
                .update() == 1;
    }

    /** The school's queue in shelf order, with each copy's title and call number. */
    List<QueuedLabel> ofSchool(long schoolId) {
        return jdbc.sql("""
                        select i.id, i.barcode, coalesce(i.call_number, r.call_number) as call_number, r.title,
                               q.queued_by, q.queued_at
                        from label_queue q join item i on i.id = q.item_id join bib_record r on r.id = i.record_id
                        where q.school_id = :school
                        order by i.call_number_sort, i.barcode""")
                .param("school", schoolId).query(LabelQueueStore::queued).list();
    }

    /** Which of these copies wait in some queue. */
    Set<Long> queuedAmong(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select item_id from label_queue where item_id in (:items)")
                .param("items", List.copyOf(itemIds)).query(Long.class).list());
    }

    int remove(long schoolId, Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from label_queue where school_id = :school and item_id in (:items)")
                .param("school", schoolId).param("items", List.copyOf(itemIds)).update();
    }

    int clear(long schoolId) {
        return jdbc.sql("delete from label_queue where school_id = :school").param("school", schoolId).update();
    }

    int count(long schoolId) {
        return jdbc.sql("select count(*) from label_queue where school_id = :school").param("school", schoolId)
                .query(Integer.class).single();
    }

    private static QueuedLabel queued(ResultSet row, int n) throws SQLException {
        return new QueuedLabel(row.getLong("id"), row.getString("barcode"), row.getString("call_number"),
                row.getString("title"), row.getString("queued_by"),
                row.getObject("queued_at", OffsetDateTime.class));
    }
}
