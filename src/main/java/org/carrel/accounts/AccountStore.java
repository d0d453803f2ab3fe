package org.carrel.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the account aggregate: the account row and its school scope. */
@Repository
class AccountStore {

    /** An account with its hash, for sign-in only. */
    record Credentials(AccountView account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String displayName, String passwordHash, Role role, boolean enabled,
                Set<Long> schoolIds, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into account (username, display_name, password_hash, role, enabled, created_at,
                                             password_changed_at)
                        values (:username, :displayName, :hash, :role, :enabled, :now, :now)""")
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("role", role.name()).param("enabled", enabled).param("now", now)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        replaceSchools(id, schoolIds);
        return id;
    }

    /** Updates when {@code version} is current; false when someone else changed the account meanwhile. */
    boolean update(long id, long version, String displayName, Role role, boolean enabled, Set<Long> schoolIds) {
        int rows = jdbc.sql("""
                        update account set display_name = :displayName, role = :role, enabled = :enabled,
                                           version = version + 1
                        where id = :id and version = :version""")
                .param("displayName", displayName).param("role", role.name()).param("enabled", enabled)
                .param("id", id).param("version", version)
                .update();
        if (rows == 1) {
            replaceSchools(id, schoolIds);
        }
        return rows == 1;
    }

    void updatePassword(long id, String passwordHash, OffsetDateTime now) {
        jdbc.sql("update account set password_hash = :hash, password_changed_at = :now, version = version + 1 where id = :id")
                .param("hash", passwordHash).param("now", now).param("id", id)
                .update();
    }

    private void replaceSchools(long id, Set<Long> schoolIds) {
        jdbc.sql("delete from account_school where account_id = :id").param("id", id).update();
        for (Long schoolId : schoolIds) {
            jdbc.sql("insert into account_school (account_id, school_id) values (:id, :school)")
                    .param("id", id).param("school", schoolId)
                    .update();
        }
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from account where username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    Optional<Credentials> credentials(String username) {
        return credentialsWhere("username = :key", username);
    }

    Optional<Credentials> credentials(long id) {
        return credentialsWhere("id = :key", id);
    }

    /** {@code condition} is one of the two constants above, never input. */
    private Optional<Credentials> credentialsWhere(String condition, Object key) {
        return jdbc.sql("""
                        select id, username, display_name, role, enabled, created_at, version, password_hash
                        from account where""" + " " + condition)
                .param("key", key)
                .query((row, n) -> new Credentials(account(row, schoolsOf(row.getLong("id"))),
                        row.getString("password_hash")))
                .optional();
    }

    List<AccountView> all() {
        Map<Long, Set<Long>> schools = new HashMap<>();
        jdbc.sql("select account_id, school_id from account_school")
                .query(row -> {
                    schools.computeIfAbsent(row.getLong("account_id"), k -> new HashSet<>()).add(row.getLong("school_id"));
                });
        return jdbc.sql("""
                        select id, username, display_name, role, enabled, created_at, version
                        from account order by username""")
                .query((row, n) -> account(row, schools.getOrDefault(row.getLong("id"), Set.of())))
                .list();
    }

    private Set<Long> schoolsOf(long accountId) {
        return Set.copyOf(jdbc.sql("select school_id from account_school where account_id = :id")
                .param("id", accountId).query(Long.class).list());
    }

    private static AccountView account(ResultSet row, Set<Long> schools) throws SQLException {
        return new AccountView(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")), row.getBoolean("enabled"), schools,
                row.getObject("created_at", OffsetDateTime.class), row.getLong("version"));
    }
}
