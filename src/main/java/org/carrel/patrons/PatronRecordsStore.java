package org.carrel.patrons;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of merging two patrons, reading every column of a patron for an export, and erasing a patron. Unique columns
 * of a duplicate are cleared before the kept patron takes them (constraints are checked per statement on both
 * databases), all in the caller's transaction.
 */
@Repository
class PatronRecordsStore {

    /** What the kept patron has after a merge (its own values, or the duplicate's where it had none). */
    record Merged(String studentNumber, String email, String preferredName, String nameKey, String notes,
                  Long homeroomId, Integer graduationYear, String sourceId, Long accountId) {
    }

    /** An erased patron is shown as "Erased patron" (the given and family name). */
    static final String ERASED_GIVEN_NAME = "Erased";
    static final String ERASED_FAMILY_NAME = "patron";

    private final JdbcClient jdbc;

    PatronRecordsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Merge

    /** Frees the duplicate's unique values if it is still at {@code version}; false when it changed meanwhile. */
    boolean clearUniqueValues(long duplicateId, long version) {
        return jdbc.sql("""
                        update patron set student_number = null, source_id = null, account_id = null,
                               version = version + 1
                        where id = :id and version = :version""")
                .param("id", duplicateId).param("version", version).update() == 1;
    }

    /** Writes the merged values on the kept patron if it is still at {@code version}. */
    boolean updateKept(long keptId, long version, Merged merged, OffsetDateTime now) {
        return jdbc.sql("""
                        update patron set student_number = :studentNumber, email = :email, preferred_name = :preferred,
                               name_key = :nameKey, notes = :notes, homeroom_id = :homeroom,
                               graduation_year = :graduation, source_id = :source, account_id = :account,
                               updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .param("studentNumber", merged.studentNumber()).param("email", merged.email())
                .param("preferred", merged.preferredName()).param("nameKey", merged.nameKey())
                .param("notes", merged.notes()).param("homeroom", merged.homeroomId())
                .param("graduation", merged.graduationYear()).param("source", merged.sourceId())
                .param("account", merged.accountId()).param("now", now).param("id", keptId)
                .param("version", version).update() == 1;
    }

    void moveBlocks(long fromId, long toId) {
        jdbc.sql("update patron_block set patron_id = :to where patron_id = :from")
                .param("from", fromId).param("to", toId).update();
    }

    /** The duplicate's guardians become the kept patron's (and its students), each link once; then its go. */
    void moveGuardianLinks(long fromId, long toId) {
        jdbc.sql("""
                        insert into patron_guardian (student_id, guardian_id)
                        select cast(:to as bigint), l.guardian_id from patron_guardian l
                        where l.student_id = :from and l.guardian_id <> :to and not exists (
                            select 1 from patron_guardian k
                            where k.student_id = :to and k.guardian_id = l.guardian_id)""")
                .param("from", fromId).param("to", toId).update();
        jdbc.sql("""
                        insert into patron_guardian (student_id, guardian_id)
                        select l.student_id, cast(:to as bigint) from patron_guardian l
                        where l.guardian_id = :from and l.student_id <> :to and not exists (
                            select 1 from patron_guardian k
                            where k.guardian_id = :to and k.student_id = l.student_id)""")
                .param("from", fromId).param("to", toId).update();
        deleteGuardianLinks(fromId);
    }

    /** The duplicate's teachers' classes (V0009 class_member) become the kept patron's, each once. */
    void moveClassMemberships(long fromId, long toId) {
        jdbc.sql("""
                        insert into class_member (class_id, patron_id)
                        select m.class_id, cast(:to as bigint) from class_member m
                        where m.patron_id = :from and not exists (
                            select 1 from class_member k where k.class_id = m.class_id and k.patron_id = :to)""")
                .param("from", fromId).param("to", toId).update();
        deleteClassMemberships(fromId);
    }

    void moveHomeroomTeacher(long fromId, long toId) {
        jdbc.sql("update homeroom set teacher_id = :to where teacher_id = :from")
                .param("from", fromId).param("to", toId).update();
    }

    /** Deletes a merged duplicate, which has nothing left: no blocks, links or unique values. */
    void delete(long id) {
        jdbc.sql("delete from patron where id = :id").param("id", id).update();
    }

    // Export

    /** Every column of the patron's row, by column name; instants as ISO-8601 text. */
    Map<String, Object> columns(long id) {
        return jdbc.sql("select * from patron where id = :id").param("id", id).query().listOfRows().stream()
                .findFirst().map(PatronRecordsStore::plain).orElse(Map.of());
    }

    /** The teachers' classes the patron is listed in: id, name and kind of each, by name. */
    List<Map<String, Object>> classes(long patronId) {
        return jdbc.sql("""
                        select h.id, h.name, h.kind from class_member m join homeroom h on h.id = m.class_id
                        where m.patron_id = :id order by h.name, h.id""")
                .param("id", patronId).query().listOfRows().stream().map(PatronRecordsStore::plain).toList();
    }

    /** Every column of the patron's blocks, lifted ones included, oldest first. */
    List<Map<String, Object>> blockColumns(long patronId) {
        return jdbc.sql("select * from patron_block where patron_id = :id order by placed_at, id")
                .param("id", patronId).query().listOfRows().stream().map(PatronRecordsStore::plain).toList();
    }

    // Erase

    void deleteGuardianLinks(long id) {
        jdbc.sql("delete from patron_guardian where student_id = :id or guardian_id = :id").param("id", id).update();
    }

    void deleteClassMemberships(long id) {
        jdbc.sql("delete from class_member where patron_id = :id").param("id", id).update();
    }

    void deletePin(long id) {
        jdbc.sql("delete from patron_pin where patron_id = :id").param("id", id).update();
    }

    void deleteBlocks(long id) {
        jdbc.sql("delete from patron_block where patron_id = :id").param("id", id).update();
    }

    void clearHomeroomTeacher(long id) {
        jdbc.sql("update homeroom set teacher_id = null where teacher_id = :id").param("id", id).update();
    }

    /**
     * Removes every personal value (guardian links, class memberships and blocks are deleted first); keeps type,
     * school, grade and graduation year. False when the patron is already erased (or gone).
     */
    boolean erase(long id, String barcode, OffsetDateTime now) {
        return jdbc.sql("""
                        update patron set given_name = :given, family_name = :family, preferred_name = null,
                               name_key = '', barcode = :barcode, student_number = null, homeroom_id = null,
                               email = null, preferred_language = 'en', keep_history = false, account_id = null,
                               source_id = null, notes = null, status = 'INACTIVE', erased_at = :now,
                               updated_at = :now, version = version + 1
                        where id = :id and erased_at is null""")
                .param("given", ERASED_GIVEN_NAME).param("family", ERASED_FAMILY_NAME).param("barcode", barcode)
                .param("now", now).param("id", id).update() == 1;
    }

    /** Column names lower-case (PostgreSQL and H2 with DATABASE_TO_LOWER agree), instants as UTC ISO text. */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> plain = new LinkedHashMap<>();
        row.forEach((column, value) -> plain.put(column.toLowerCase(Locale.ROOT), plain(value)));
        return plain;
    }

    private static Object plain(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
        }
        return value;
    }
}
