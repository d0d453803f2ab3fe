package org.carrel.district;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of a school's shelving locations. Every statement names the school, so one school never edits another's. */
@Repository
class LocationStore {

    private final JdbcClient jdbc;

    LocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long schoolId, String code, String name, int sortOrder) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into location (school_id, code, name, sort_order)
                        values (:school, :code, :name, :sortOrder)""")
                .param("school", schoolId).param("code", code).param("name", name).param("sortOrder", sortOrder)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(long schoolId, long id, long version, String code, String name, int sortOrder) {
        return jdbc.sql("""
                        update location set code = :code, name = :name, sort_order = :sortOrder, version = version + 1
                        where id = :id and school_id = :school and version = :version""")
                .param("code", code).param("name", name).param("sortOrder", sortOrder)
                .param("id", id).param("school", schoolId).param("version", version)
                .update() == 1;
    }

    boolean delete(long schoolId, long id) {
        return jdbc.sql("delete from location where id = :id and school_id = :school")
                .param("id", id).param("school", schoolId).update() == 1;
    }

    boolean codeTaken(long schoolId, String code, Long exceptId) {
        return jdbc.sql("select count(*) from location where school_id = :school and code = :code and id <> :except")
                .param("school", schoolId).param("code", code).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    int nextSortOrder(long schoolId) {
        return jdbc.sql("select coalesce(max(sort_order), 0) + 10 from location where school_id = :school")
                .param("school", schoolId).query(Integer.class).single();
    }

    Optional<LocationView> find(long schoolId, long id) {
        return jdbc.sql("""
                        select id, school_id, code, name, sort_order, version from location
                        where id = :id and school_id = :school""")
                .param("id", id).param("school", schoolId).query(LocationStore::location).optional();
    }

    List<LocationView> ofSchool(long schoolId) {
        return jdbc.sql("""
                        select id, school_id, code, name, sort_order, version from location
                        where school_id = :school order by sort_order, lower(name)""")
                .param("school", schoolId).query(LocationStore::location).list();
    }

    private static LocationView location(ResultSet row, int n) throws SQLException {
        return new LocationView(row.getLong("id"), row.getLong("school_id"), row.getString("code"),
                row.getString("name"), row.getInt("sort_order"), row.getLong("version"));
    }
}
