package org.carrel.sip2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SipTerminalStore {

    /** A terminal as stored: the hash stays in this package. */
    record Stored(SipTerminal terminal, String passwordHash) {
    }

    private static final String SELECT = """
            select t.id, t.login, t.password_hash, t.school_id, s.code as school_code, t.allow_from, t.created_at,
                   t.created_by
            from sip_terminal t join school s on s.id = t.school_id
            """;

    private final JdbcClient jdbc;

    SipTerminalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String login, String passwordHash, long schoolId, String allowFrom, OffsetDateTime at, String by) {
        jdbc.sql("""
                        insert into sip_terminal (login, password_hash, school_id, allow_from, created_at, created_by)
                        values (:login, :hash, :school, :allow, :at, :by)""")
                .param("login", login).param("hash", passwordHash).param("school", schoolId)
                .param("allow", allowFrom).param("at", at).param("by", by).update();
        return jdbc.sql("select id from sip_terminal where login = :login").param("login", login).query(Long.class)
                .single();
    }

    boolean exists(String login) {
        return jdbc.sql("select count(*) from sip_terminal where lower(login) = lower(:login)").param("login", login)
                .query(Integer.class).single() > 0;
    }

    Optional<Stored> byLogin(String login) {
        return jdbc.sql(SELECT + " where lower(t.login) = lower(:login)").param("login", login)
                .query((row, n) -> new Stored(terminal(row), row.getString("password_hash"))).optional();
    }

    List<SipTerminal> all() {
        return jdbc.sql(SELECT + " order by t.login").query((row, n) -> terminal(row)).list();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from sip_terminal where id = :id").param("id", id).update() == 1;
    }

    private static SipTerminal terminal(ResultSet row) throws SQLException {
        return new SipTerminal(row.getLong("id"), row.getString("login"), row.getLong("school_id"),
                row.getString("school_code"), AddressRanges.parse(row.getString("allow_from")),
                row.getObject("created_at", OffsetDateTime.class), row.getString("created_by"));
    }

    int count() {
        return jdbc.sql("select count(*) from sip_terminal").query(Integer.class).single();
    }
}
