package org.carrel.patrons;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code patron_pin} table: one hash per patron at most. */
@Repository
class PinStore {

    private final JdbcClient jdbc;

    PinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets or replaces the patron's PIN hash. */
    void put(long patronId, String hash, OffsetDateTime at, String by) {
        int updated = jdbc.sql("update patron_pin set pin_hash = :hash, set_at = :at, set_by = :by"
                        + " where patron_id = :id").param("hash", hash).param("at", at).param("by", by)
                .param("id", patronId).update();
        if (updated == 0) {
            jdbc.sql("insert into patron_pin (patron_id, pin_hash, set_at, set_by) values (:id, :hash, :at, :by)")
                    .param("id", patronId).param("hash", hash).param("at", at).param("by", by).update();
        }
    }

    Optional<String> hash(long patronId) {
        return jdbc.sql("select pin_hash from patron_pin where patron_id = :id").param("id", patronId)
                .query(String.class).optional();
    }

    boolean delete(long patronId) {
        return jdbc.sql("delete from patron_pin where patron_id = :id").param("id", patronId).update() == 1;
    }
}
