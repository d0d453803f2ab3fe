package org.carrel.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of API tokens, looked up by the hash of the token. */
@Repository
class ApiTokenStore {

    private static final RowMapper<ApiTokenView> TOKEN = (row, n) -> new ApiTokenView(row.getLong("id"),
            row.getString("name"), row.getString("token_hint"), Role.valueOf(row.getString("role")),
            row.getObject("school_id", Long.class), row.getString("created_by"),
            row.getObject("created_at", OffsetDateTime.class), row.getObject("last_used_at", OffsetDateTime.class),
            row.getObject("revoked_at", OffsetDateTime.class));

    private static final String COLUMNS =
            "id, name, token_hint, role, school_id, created_by, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String hash, String hint, Role role, Long schoolId, String createdBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into api_token (name, token_hash, token_hint, role, school_id, created_by, created_at)
                        values (:name, :hash, :hint, :role, :school, :createdBy, :now)""")
                .param("name", name).param("hash", hash).param("hint", hint).param("role", role.name())
                .param("school", schoolId).param("createdBy", createdBy).param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<ApiTokenView> activeByHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from api_token where token_hash = :hash and revoked_at is null")
                .param("hash", hash).query(TOKEN).optional();
    }

    void markUsed(long id, OffsetDateTime now) {
        jdbc.sql("update api_token set last_used_at = :now where id = :id").param("now", now).param("id", id).update();
    }

    boolean revoke(long id, OffsetDateTime now) {
        return jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", now).param("id", id).update() == 1;
    }

    List<ApiTokenView> all() {
        return jdbc.sql("select " + COLUMNS + " from api_token order by revoked_at nulls first, created_at desc, id desc")
                .query(TOKEN).list();
    }
}
