package org.carrel.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of teachers' new-arrival subscriptions ({@code arrival_subscription}). */
@Repository
class SubscriptionStore {

    private static final String SELECT = """
            select id, patron_id, name, subjects, dewey, grades, keywords, version from arrival_subscription""";

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long patronId, String name, ArrivalCriteria c, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into arrival_subscription (patron_id, name, subjects, dewey, grades, keywords,
                            created_at, updated_at)
                        values (:patron, :name, :subjects, :dewey, :grades, :keywords, :now, :now)""")
                .param("patron", patronId).param("name", name).param("subjects", c.subjects())
                .param("dewey", c.dewey()).param("grades", c.grades()).param("keywords", c.keywords())
                .param("now", now.atOffset(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Changes the patron's subscription if it is still at {@code version}; false otherwise (or not theirs). */
    boolean update(long id, long patronId, long version, String name, ArrivalCriteria c, Instant now) {
        return jdbc.sql("""
                        update arrival_subscription set name = :name, subjects = :subjects, dewey = :dewey,
                            grades = :grades, keywords = :keywords, updated_at = :now, version = version + 1
                        where id = :id and patron_id = :patron and version = :version""")
                .param("name", name).param("subjects", c.subjects()).param("dewey", c.dewey())
                .param("grades", c.grades()).param("keywords", c.keywords())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).param("patron", patronId)
                .param("version", version).update() == 1;
    }

    boolean delete(long id, long patronId) {
        return jdbc.sql("delete from arrival_subscription where id = :id and patron_id = :patron")
                .param("id", id).param("patron", patronId).update() == 1;
    }

    Optional<Subscription> find(long id, long patronId) {
        return jdbc.sql(SELECT + " where id = :id and patron_id = :patron").param("id", id).param("patron", patronId)
                .query((row, n) -> subscription(row)).optional();
    }

    /** A patron's subscriptions, oldest first. */
    List<Subscription> of(long patronId) {
        return jdbc.sql(SELECT + " where patron_id = :patron order by id").param("patron", patronId)
                .query((row, n) -> subscription(row)).list();
    }

    int count(long patronId) {
        return jdbc.sql("select count(*) from arrival_subscription where patron_id = :patron")
                .param("patron", patronId).query(Integer.class).single();
    }

    /** Every subscription, by patron: what the weekly digest reads. */
    List<Subscription> all() {
        return jdbc.sql(SELECT + " order by patron_id, id").query((row, n) -> subscription(row)).list();
    }

    int deleteFor(long patronId) {
        return jdbc.sql("delete from arrival_subscription where patron_id = :patron").param("patron", patronId)
                .update();
    }

    int merge(long keptId, long mergedId) {
        return jdbc.sql("update arrival_subscription set patron_id = :kept where patron_id = :merged")
                .param("kept", keptId).param("merged", mergedId).update();
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        return new Subscription(row.getLong("id"), row.getLong("patron_id"), row.getString("name"),
                new ArrivalCriteria(row.getString("subjects"), row.getString("dewey"), row.getString("grades"),
                        row.getString("keywords")), row.getLong("version"));
    }
}
