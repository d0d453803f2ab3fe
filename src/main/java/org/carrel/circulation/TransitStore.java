package org.carrel.circulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of copies in transit between schools. */
@Repository
class TransitStore {

    private static final String SELECT =
            "select id, item_id, from_school_id, to_school_id, hold_id, sent_at from transit";

    private final JdbcClient jdbc;

    TransitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long itemId, long fromSchoolId, long toSchoolId, Long holdId, OffsetDateTime at) {
        jdbc.sql("""
                        insert into transit (item_id, from_school_id, to_school_id, hold_id, sent_at)
                        values (:item, :from, :to, :hold, :at)""")
                .param("item", itemId).param("from", fromSchoolId).param("to", toSchoolId).param("hold", holdId)
                .param("at", at).update();
    }

    Optional<TransitView> byItem(long itemId) {
        return jdbc.sql(SELECT + " where item_id = :item").param("item", itemId).query(TransitStore::transit)
                .optional();
    }

    void delete(long id) {
        jdbc.sql("delete from transit where id = :id").param("id", id).update();
    }

    /** Copies on their way to (incoming) or from (outgoing) a school, oldest first. */
    List<TransitView> to(long schoolId) {
        return jdbc.sql(SELECT + " where to_school_id = :school order by sent_at, id").param("school", schoolId)
                .query(TransitStore::transit).list();
    }

    List<TransitView> from(long schoolId) {
        return jdbc.sql(SELECT + " where from_school_id = :school order by sent_at, id").param("school", schoolId)
                .query(TransitStore::transit).list();
    }

    private static TransitView transit(ResultSet row, int n) throws SQLException {
        return new TransitView(row.getLong("id"), row.getLong("item_id"), row.getLong("from_school_id"),
                row.getLong("to_school_id"), (Long) row.getObject("hold_id", Long.class),
                row.getObject("sent_at", OffsetDateTime.class));
    }
}
