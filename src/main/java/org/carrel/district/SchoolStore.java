package org.carrel.district;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the school row. Codes arrive upper-case (see {@link SchoolRules}). */
@Repository
class SchoolStore {

    /** A school's values after validation. */
    record SchoolValues(String code, String name, Grade lowest, Grade highest, SchoolLevel level, String addressLine1,
                        String addressLine2, String city, String region, String postalCode) {
    }

    private static final String COLUMNS = """
            id, code, name, lowest_grade, highest_grade, school_level, address_line1, address_line2, city, region,
            postal_code, version""";

    private final JdbcClient jdbc;

    SchoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SchoolValues school) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into school (code, name, lowest_grade, highest_grade, school_level, address_line1,
                                            address_line2, city, region, postal_code)
                        values (:code, :name, :lowest, :highest, :level, :line1, :line2, :city, :region, :postal)""")
                .params(params(school)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Updates when {@code version} is current; false when someone else changed the school meanwhile. */
    boolean update(long id, long version, SchoolValues school) {
        return jdbc.sql("""
                        update school set code = :code, name = :name, lowest_grade = :lowest, highest_grade = :highest,
                               school_level = :level, address_line1 = :line1, address_line2 = :line2, city = :city,
                               region = :region, postal_code = :postal, version = version + 1
                        where id = :id and version = :version""")
                .params(params(school)).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Whether another school than {@code exceptId} (null: any) has this code. */
    boolean codeTaken(String code, Long exceptId) {
        return jdbc.sql("select count(*) from school where code = :code and id <> :except")
                .param("code", code).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    Optional<SchoolView> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from school where code = :code").param("code", code)
                .query(SchoolStore::school).optional();
    }

    Optional<SchoolView> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from school where id = :id").param("id", id)
                .query(SchoolStore::school).optional();
    }

    /** Every school by name (then code, so equal names keep a stable order). */
    List<SchoolView> all() {
        return jdbc.sql("select " + COLUMNS + " from school order by lower(name), code")
                .query(SchoolStore::school).list();
    }

    private static java.util.Map<String, Object> params(SchoolValues school) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("code", school.code());
        params.put("name", school.name());
        params.put("lowest", school.lowest().value());
        params.put("highest", school.highest().value());
        params.put("level", school.level().name());
        params.put("line1", school.addressLine1());
        params.put("line2", school.addressLine2());
        params.put("city", school.city());
        params.put("region", school.region());
        params.put("postal", school.postalCode());
        return params;
    }

    private static SchoolView school(ResultSet row, int n) throws SQLException {
        return new SchoolView(row.getLong("id"), row.getString("code"), row.getString("name"),
                Grade.of(row.getInt("lowest_grade")), Grade.of(row.getInt("highest_grade")),
                SchoolLevel.valueOf(row.getString("school_level")), row.getString("address_line1"),
                row.getString("address_line2"), row.getString("city"), row.getString("region"),
                row.getString("postal_code"), row.getLong("version"));
    }
}
