package org.carrel.patrons;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.carrel.district.Grade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the year-end rollover: the active students it reads, the promotions it writes, the rollovers applied. */
@Repository
class RolloverStore {

    /** Ids in one update at most, well inside every driver's limit on parameters. */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;

    RolloverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every active student, by school, grade and name. */
    List<RolloverPlan.Student> activeStudents() {
        return jdbc.sql("""
                        select id, given_name, preferred_name, family_name, barcode, school_id, grade from patron
                        where patron_type = 'STUDENT' and status = 'ACTIVE'
                        order by school_id, grade, name_key, id""")
                .query((row, n) -> new RolloverPlan.Student(row.getLong("id"), Names.display(
                        row.getString("given_name"), row.getString("preferred_name"), row.getString("family_name")),
                        row.getString("barcode"), row.getLong("school_id"),
                        row.getObject("grade") == null ? null : Grade.of(row.getInt("grade"))))
                .list();
    }

    /**
     * Moves these students, if they are still active students of {@code fromSchool} in {@code fromGrade}, to a
     * school, grade and status, out of their homeroom and teachers' classes; returns how many rows changed.
     */
    int promote(List<Long> ids, long fromSchool, Grade fromGrade, long toSchool, Grade toGrade, PatronStatus status,
                OffsetDateTime now) {
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            // Last year's teachers' classes end with it, as their homerooms do.
            jdbc.sql("""
                            delete from class_member where patron_id in (
                                select id from patron where id in (:ids) and patron_type = 'STUDENT'
                                  and status = 'ACTIVE' and school_id = :fromSchool and grade = :fromGrade)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .param("fromSchool", fromSchool).param("fromGrade", fromGrade.value()).update();
            changed += jdbc.sql("""
                            update patron set school_id = :toSchool, grade = :toGrade, status = :status,
                                   homeroom_id = null, updated_at = :now, version = version + 1
                            where id in (:ids) and patron_type = 'STUDENT' and status = 'ACTIVE'
                              and school_id = :fromSchool and grade = :fromGrade""")
                    .param("toSchool", toSchool).param("toGrade", toGrade.value()).param("status", status.name())
                    .param("now", now).param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .param("fromSchool", fromSchool).param("fromGrade", fromGrade.value())
                    .update();
        }
        return changed;
    }

    Optional<RolloverRecord> applied(String schoolYear) {
        return jdbc.sql("""
                        select school_year, applied_by, applied_at, stayed, moved, graduated, transferred, unchanged,
                               charges
                        from patron_rollover where school_year = :year""")
                .param("year", schoolYear)
                .query((row, n) -> new RolloverRecord(row.getString("school_year"), row.getString("applied_by"),
                        row.getObject("applied_at", OffsetDateTime.class), row.getInt("stayed"), row.getInt("moved"),
                        row.getInt("graduated"), row.getInt("transferred"), row.getInt("unchanged"),
                        ChargesChoice.valueOf(row.getString("charges"))))
                .optional();
    }

    /** Records a rollover; a second one for the same school year breaks the unique constraint. */
    long record(RolloverRecord rollover) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into patron_rollover (school_year, applied_by, applied_at, stayed, moved, graduated,
                                                     transferred, unchanged, charges)
                        values (:year, :by, :at, :stayed, :moved, :graduated, :transferred, :unchanged, :charges)""")
                .param("year", rollover.schoolYear()).param("by", rollover.appliedBy())
                .param("at", rollover.appliedAt()).param("stayed", rollover.stayed())
                .param("moved", rollover.moved()).param("graduated", rollover.graduated())
                .param("transferred", rollover.transferred()).param("unchanged", rollover.unchanged())
                .param("charges", rollover.charges().name())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
