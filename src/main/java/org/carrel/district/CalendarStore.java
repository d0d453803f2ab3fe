package org.carrel.district;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.carrel.district.CalendarView.ClosedDay;
import org.carrel.district.CalendarView.SchoolYear;
import org.carrel.district.CalendarView.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of school calendars: school years, their terms, and closed days. */
@Repository
class CalendarStore {

    private static final String YEAR_COLUMNS = "id, school_id, label, first_day_on, last_day_on, version";

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertYear(long schoolId, String label, LocalDate firstDay, LocalDate lastDay) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into school_year (school_id, label, first_day_on, last_day_on)
                        values (:school, :label, :first, :last)""")
                .param("school", schoolId).param("label", label).param("first", firstDay).param("last", lastDay)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean updateYear(long id, long version, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("""
                        update school_year set first_day_on = :first, last_day_on = :last, version = version + 1
                        where id = :id and version = :version""")
                .param("first", firstDay).param("last", lastDay).param("id", id).param("version", version)
                .update() == 1;
    }

    Optional<SchoolYear> yearByLabel(long schoolId, String label) {
        return jdbc.sql("select " + YEAR_COLUMNS + " from school_year where school_id = :school and label = :label")
                .param("school", schoolId).param("label", label).query(CalendarStore::year).optional();
    }

    /** The school's years, earliest first. */
    List<SchoolYear> years(long schoolId) {
        return jdbc.sql("select " + YEAR_COLUMNS + " from school_year where school_id = :school order by first_day_on")
                .param("school", schoolId).query(CalendarStore::year).list();
    }

    long insertTerm(long schoolYearId, String name, LocalDate startsOn, LocalDate endsOn) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into term (school_year_id, name, starts_on, ends_on)
                        values (:year, :name, :starts, :ends)""")
                .param("year", schoolYearId).param("name", name).param("starts", startsOn).param("ends", endsOn)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Removes a term of one of the school's years; false when the school has no such term. */
    boolean deleteTerm(long schoolId, long termId) {
        return jdbc.sql("""
                        delete from term where id = :id
                        and school_year_id in (select id from school_year where school_id = :school)""")
                .param("id", termId).param("school", schoolId).update() == 1;
    }

    List<Term> terms(long schoolYearId) {
        return jdbc.sql("""
                        select id, school_year_id, name, starts_on, ends_on from term
                        where school_year_id = :year order by starts_on, id""")
                .param("year", schoolYearId)
                .query((row, n) -> new Term(row.getLong("id"), row.getLong("school_year_id"), row.getString("name"),
                        row.getObject("starts_on", LocalDate.class), row.getObject("ends_on", LocalDate.class)))
                .list();
    }

    long insertClosedDay(long schoolId, LocalDate day, String reason) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into closed_day (school_id, closed_on, reason) values (:school, :day, :reason)")
                .param("school", schoolId).param("day", day).param("reason", reason)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean deleteClosedDay(long schoolId, long id) {
        return jdbc.sql("delete from closed_day where id = :id and school_id = :school")
                .param("id", id).param("school", schoolId).update() == 1;
    }

    boolean isClosedDay(long schoolId, LocalDate day) {
        return jdbc.sql("select count(*) from closed_day where school_id = :school and closed_on = :day")
                .param("school", schoolId).param("day", day).query(Long.class).single() > 0;
    }

    /** Every closed day of the school, by date. */
    List<ClosedDay> closedDays(long schoolId) {
        return jdbc.sql("""
                        select id, school_id, closed_on, reason from closed_day
                        where school_id = :school order by closed_on""")
                .param("school", schoolId).query(CalendarStore::closedDay).list();
    }

    /** Closed days from {@code from} to {@code to}, both included, by date. */
    List<ClosedDay> closedDays(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select id, school_id, closed_on, reason from closed_day
                        where school_id = :school and closed_on between :from and :to order by closed_on""")
                .param("school", schoolId).param("from", from).param("to", to)
                .query(CalendarStore::closedDay).list();
    }

    private static ClosedDay closedDay(ResultSet row, int n) throws SQLException {
        return new ClosedDay(row.getLong("id"), row.getLong("school_id"), row.getObject("closed_on", LocalDate.class),
                row.getString("reason"));
    }

    private static SchoolYear year(ResultSet row, int n) throws SQLException {
        return new SchoolYear(row.getLong("id"), row.getLong("school_id"), row.getString("label"),
                row.getObject("first_day_on", LocalDate.class), row.getObject("last_day_on", LocalDate.class),
                row.getLong("version"));
    }
}
