package org.carrel.patrons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrel.district.Grade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of patrons, their blocks and guardians, and homerooms. */
@Repository
class PatronStore {

    /** A patron's row, before blocks and guardians are added to make a {@link PatronView}. */
    record Row(long id, PatronType type, PatronStatus status, String givenName, String familyName,
               String preferredName, long schoolId, String barcode, String studentNumber, Grade grade,
               Long homeroomId, String homeroomName, Integer graduationYear, String email, String preferredLanguage,
               boolean keepHistory, Long accountId, String sourceId, String notes, OffsetDateTime createdAt,
               OffsetDateTime updatedAt, long version, OffsetDateTime erasedAt) {

        boolean erased() {
            return erasedAt != null;
        }
    }

    /** Checked values with the school and homeroom resolved to ids. */
    record Stored(PatronType type, String givenName, String familyName, String preferredName, long schoolId,
                  String barcode, String studentNumber, Grade grade, Long homeroomId, Integer graduationYear,
                  String email, String preferredLanguage, boolean keepHistory, String notes, String sourceId) {
    }

    private static final String COLUMNS = """
            p.id, p.patron_type, p.status, p.given_name, p.family_name, p.preferred_name, p.school_id, p.barcode,
            p.student_number, p.grade, p.homeroom_id, h.name as homeroom_name, p.graduation_year, p.email,
            p.preferred_language, p.keep_history, p.account_id, p.source_id, p.notes, p.created_at, p.updated_at,
            p.version, p.erased_at""";
    private static final String FROM = " from patron p left join homeroom h on h.id = p.homeroom_id";
    private static final String SUMMARY = "select p.id, p.given_name, p.preferred_name, p.family_name, p.barcode, "
            + "p.school_id, p.patron_type, p.status from patron p";

    /** Words of a name search that count. */
    static final int MAX_WORDS = 4;

    private final JdbcClient jdbc;

    PatronStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Stored patron, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into patron (patron_type, status, given_name, family_name, preferred_name, name_key,
                                            school_id, barcode, student_number, grade, homeroom_id, graduation_year,
                                            email, preferred_language, keep_history, source_id, notes, created_at,
                                            updated_at)
                        values (:type, 'ACTIVE', :given, :family, :preferred, :nameKey, :school, :barcode,
                                :studentNumber, :grade, :homeroom, :graduation, :email, :language, :keepHistory,
                                :source, :notes, :now, :now)""")
                .params(params(patron)).param("now", now).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Updates when {@code version} is current; false when someone else changed the patron meanwhile. */
    boolean update(long id, long version, Stored patron, OffsetDateTime now) {
        return jdbc.sql("""
                        update patron set patron_type = :type, given_name = :given, family_name = :family,
                               preferred_name = :preferred, name_key = :nameKey, school_id = :school,
                               barcode = :barcode, student_number = :studentNumber, grade = :grade,
                               homeroom_id = :homeroom, graduation_year = :graduation, email = :email,
                               preferred_language = :language, keep_history = :keepHistory, notes = :notes,
                               updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .params(params(patron)).param("now", now).param("id", id).param("version", version)
                .update() == 1;
    }

    boolean setStatus(long id, PatronStatus status, OffsetDateTime now) {
        return jdbc.sql("update patron set status = :status, updated_at = :now, version = version + 1 where id = :id")
                .param("status", status.name()).param("now", now).param("id", id).update() == 1;
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where p.id = :id").param("id", id)
                .query(PatronStore::row).optional();
    }

    Optional<PatronSummary> summaryByBarcode(String barcode) {
        return jdbc.sql(SUMMARY + " where p.barcode = :barcode").param("barcode", barcode)
                .query(PatronStore::summary).optional();
    }

    private static final String BORROWER = "select p.id, p.given_name, p.preferred_name, p.family_name, p.barcode,"
            + " p.school_id, p.patron_type, p.status, p.grade, p.homeroom_id, p.keep_history, p.preferred_language,"
            + " exists (select 1 from patron_block b where b.patron_id = p.id and b.lifted_at is null) blocked"
            + " from patron p";

    Optional<Borrower> borrowerByBarcode(String barcode) {
        return jdbc.sql(BORROWER + " where p.barcode = :barcode").param("barcode", barcode)
                .query(PatronStore::borrower).optional();
    }

    boolean lock(long id) {
        return jdbc.sql("select id from patron where id = :id for update").param("id", id).query(Long.class)
                .optional().isPresent();
    }

    Optional<Borrower> borrowerById(long id) {
        return jdbc.sql(BORROWER + " where p.id = :id").param("id", id).query(PatronStore::borrower).optional();
    }

    Optional<Borrower> borrowerByAccount(long accountId) {
        return jdbc.sql(BORROWER + " where p.account_id = :account").param("account", accountId)
                .query(PatronStore::borrower).optional();
    }

    private static Borrower borrower(ResultSet row, int n) throws SQLException {
        return new Borrower(row.getLong("id"), Names.display(row.getString("given_name"),
                row.getString("preferred_name"), row.getString("family_name")), row.getString("barcode"),
                row.getLong("school_id"), PatronType.valueOf(row.getString("patron_type")),
                PatronStatus.valueOf(row.getString("status")),
                row.getObject("grade") == null ? null : Grade.of(row.getInt("grade")),
                (Long) row.getObject("homeroom_id", Long.class), row.getBoolean("blocked"),
                row.getBoolean("keep_history"), row.getString("preferred_language"));
    }

    Optional<PatronSummary> summaryById(long id) {
        return jdbc.sql(SUMMARY + " where p.id = :id").param("id", id).query(PatronStore::summary).optional();
    }

    /**
     * Patrons whose barcode or student number is {@code exact} (both are stored upper-case), then those with a name
     * word starting with each of {@code words} (in any order: "sofia garc" and "garcia sofia" both find Sofía
     * García), by name; at most {@code limit}. Words are as {@link Names#fold} makes them; at most
     * {@link #MAX_WORDS} count.
     */
    List<PatronSummary> find(String exact, List<String> words, Long schoolId, int limit) {
        StringBuilder byName = new StringBuilder();
        Map<String, Object> params = schoolParam(schoolId);
        List<String> counted = words.subList(0, Math.min(words.size(), MAX_WORDS));
        for (int i = 0; i < counted.size(); i++) {
            byName.append(i == 0 ? "" : " and ").append("(p.name_key like :w").append(i)
                    .append(" escape '!' or p.name_key like :v").append(i).append(" escape '!')");
            params.put("w" + i, likePrefix(counted.get(i)));
            params.put("v" + i, "% " + likePrefix(counted.get(i)));
        }
        String name = counted.isEmpty() ? "" : " or (" + byName + ")";
        String school = schoolId == null ? "" : " and p.school_id = :school";
        return jdbc.sql(SUMMARY + " where (p.barcode = :exact or p.student_number = :exact" + name + ")" + school
                        + " order by case when p.barcode = :exact or p.student_number = :exact then 0 else 1 end,"
                        + " p.name_key, p.id limit :limit")
                .param("exact", exact).params(params).param("limit", limit)
                .query(PatronStore::summary).list();
    }

    boolean barcodeTaken(String barcode, Long exceptId) {
        return jdbc.sql("select count(*) from patron where barcode = :barcode and id <> :except")
                .param("barcode", barcode).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    boolean studentNumberTaken(String number, Long exceptId) {
        return jdbc.sql("select count(*) from patron where student_number = :number and id <> :except")
                .param("number", number).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    boolean accountTaken(long accountId, Long exceptId) {
        return jdbc.sql("select count(*) from patron where account_id = :account and id <> :except")
                .param("account", accountId).param("except", exceptId == null ? -1L : exceptId)
                .query(Long.class).single() > 0;
    }

    /** Links the patron to a sign-in account of the accounts module, or unlinks it (null). */
    void setAccount(long id, Long accountId) {
        jdbc.sql("update patron set account_id = :account where id = :id")
                .param("account", accountId).param("id", id).update();
    }

    /** Patrons that came from a roster, by their roster sourcedId. */
    Map<String, Row> rostered() {
        Map<String, Row> bySource = new HashMap<>();
        jdbc.sql("select " + COLUMNS + FROM + " where p.source_id is not null").query(PatronStore::row).list()
                .forEach(row -> bySource.put(row.sourceId(), row));
        return bySource;
    }

    /** Patrons typed in by hand (no roster id) with a student number, by that number. */
    Map<String, Row> unrosteredByStudentNumber() {
        Map<String, Row> byNumber = new HashMap<>();
        jdbc.sql("select " + COLUMNS + FROM + " where p.source_id is null and p.student_number is not null")
                .query(PatronStore::row).list().forEach(row -> byNumber.put(row.studentNumber(), row));
        return byNumber;
    }

    long countActive() {
        return jdbc.sql("select count(*) from patron where status = 'ACTIVE'").query(Long.class).single();
    }

    /** Sets every value a roster brings, the roster id and ACTIVE; keeps the barcode and the patron's choices. */
    void updateFromRoster(long id, Stored patron, OffsetDateTime now) {
        jdbc.sql("""
                        update patron set patron_type = :type, given_name = :given, family_name = :family,
                               preferred_name = :preferred, name_key = :nameKey, school_id = :school,
                               student_number = :studentNumber, grade = :grade, homeroom_id = :homeroom,
                               email = :email, source_id = :source, status = 'ACTIVE', updated_at = :now,
                               version = version + 1
                        where id = :id""")
                .params(params(patron)).param("now", now).param("id", id).update();
    }

    Optional<Long> homeroomBySource(String sourceId) {
        return jdbc.sql("select id from homeroom where source_id = :source").param("source", sourceId)
                .query(Long.class).optional();
    }

    long insertHomeroom(long schoolId, String name, String sourceId, boolean teachersClass) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into homeroom (school_id, name, source_id, kind) values (:school, :name, :source, :kind)")
                .param("school", schoolId).param("name", name).param("source", sourceId)
                .param("kind", teachersClass ? "CLASS" : "HOMEROOM").update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Set<Long> classMembers(long classId) {
        return new HashSet<>(jdbc.sql("select patron_id from class_member where class_id = :id").param("id", classId)
                .query(Long.class).list());
    }

    void addClassMember(long classId, long patronId) {
        jdbc.sql("insert into class_member (class_id, patron_id) values (:class, :patron)")
                .param("class", classId).param("patron", patronId).update();
    }

    void removeClassMember(long classId, long patronId) {
        jdbc.sql("delete from class_member where class_id = :class and patron_id = :patron")
                .param("class", classId).param("patron", patronId).update();
    }

    /** The homerooms that came from a roster: id by sourcedId. */
    Map<String, Long> rosteredHomerooms() {
        Map<String, Long> bySource = new HashMap<>();
        jdbc.sql("select id, source_id from homeroom where source_id is not null")
                .query((row, n) -> Map.entry(row.getString("source_id"), row.getLong("id"))).list()
                .forEach(entry -> bySource.put(entry.getKey(), entry.getValue()));
        return bySource;
    }

    Map<String, Long> rosterOrgs() {
        Map<String, Long> schools = new HashMap<>();
        jdbc.sql("select source_id, school_id from roster_org")
                .query((row, n) -> Map.entry(row.getString("source_id"), row.getLong("school_id"))).list()
                .forEach(entry -> schools.put(entry.getKey(), entry.getValue()));
        return schools;
    }

    void rememberRosterOrg(String sourceId, long schoolId) {
        int updated = jdbc.sql("update roster_org set school_id = :school where source_id = :source")
                .param("school", schoolId).param("source", sourceId).update();
        if (updated == 0) {
            jdbc.sql("insert into roster_org (source_id, school_id) values (:source, :school)")
                    .param("source", sourceId).param("school", schoolId).update();
        }
    }

    Optional<String> csvMapping() {
        return jdbc.sql("select mapping from roster_csv_mapping where id = 1").query(String.class).optional();
    }

    void saveCsvMapping(String mapping, String actor, OffsetDateTime now) {
        int updated = jdbc.sql("update roster_csv_mapping set mapping = :mapping, updated_by = :actor,"
                        + " updated_at = :now where id = 1")
                .param("mapping", mapping).param("actor", actor).param("now", now).update();
        if (updated == 0) {
            jdbc.sql("insert into roster_csv_mapping (id, mapping, updated_by, updated_at) values (1, :mapping,"
                            + " :actor, :now)").param("mapping", mapping).param("actor", actor).param("now", now)
                    .update();
        }
    }

    // Blocks

    List<PatronBlock> blocks(long patronId) {
        return jdbc.sql("""
                        select id, reason, placed_by, placed_at, lifted_by, lifted_at from patron_block
                        where patron_id = :patron order by placed_at desc, id desc""")
                .param("patron", patronId)
                .query((row, n) -> new PatronBlock(row.getLong("id"), row.getString("reason"),
                        row.getString("placed_by"), row.getObject("placed_at", OffsetDateTime.class),
                        row.getString("lifted_by"), row.getObject("lifted_at", OffsetDateTime.class)))
                .list();
    }

    long addBlock(long patronId, String reason, String actor, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into patron_block (patron_id, reason, placed_by, placed_at)
                        values (:patron, :reason, :actor, :now)""")
                .param("patron", patronId).param("reason", reason).param("actor", actor).param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean liftBlock(long patronId, long blockId, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                        update patron_block set lifted_by = :actor, lifted_at = :now
                        where id = :id and patron_id = :patron and lifted_at is null""")
                .param("actor", actor).param("now", now).param("id", blockId).param("patron", patronId)
                .update() == 1;
    }

    // Guardians

    List<PatronSummary> guardiansOf(long studentId) {
        return jdbc.sql(SUMMARY + " join patron_guardian g on g.guardian_id = p.id where g.student_id = :id"
                        + " order by p.name_key").param("id", studentId).query(PatronStore::summary).list();
    }

    List<PatronSummary> studentsOf(long guardianId) {
        return jdbc.sql(SUMMARY + " join patron_guardian g on g.student_id = p.id where g.guardian_id = :id"
                        + " order by p.name_key").param("id", guardianId).query(PatronStore::summary).list();
    }

    /** Links once; H2 2.4 checks "select ?, ? where not exists" wrongly inside a transaction, VALUES it does not. */
    void link(long studentId, long guardianId) {
        jdbc.sql("""
                        insert into patron_guardian (student_id, guardian_id)
                        select * from (values (cast(:student as bigint), cast(:guardian as bigint))) v (s, g)
                        where not exists (
                            select 1 from patron_guardian l where l.student_id = v.s and l.guardian_id = v.g)""")
                .param("student", studentId).param("guardian", guardianId).update();
    }

    // Homerooms

    Optional<Long> homeroomId(long schoolId, String name) {
        return jdbc.sql("select id from homeroom where school_id = :school and name = :name")
                .param("school", schoolId).param("name", name).query(Long.class).optional();
    }

    long insertHomeroom(long schoolId, String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into homeroom (school_id, name) values (:school, :name)")
                .param("school", schoolId).param("name", name).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    List<HomeroomView> homerooms(Long schoolId) {
        return homerooms(schoolId == null ? "" : " where h.school_id = :school", schoolParam(schoolId));
    }

    Optional<HomeroomView> homeroom(long id) {
        return homerooms(" where h.id = :id", Map.of("id", id)).stream().findFirst();
    }

    List<HomeroomView> homeroomsById(List<Long> ids) {
        return ids.isEmpty() ? List.of() : homerooms(" where h.id in (:ids)", Map.of("ids", ids));
    }

    /** Every homeroom's and class's name, by id: what a search by name reads, without the counts. */
    Map<Long, String> homeroomNames() {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, name from homeroom").query((row, n) -> names.put(row.getLong("id"),
                row.getString("name"))).list();
        return names;
    }

    private List<HomeroomView> homerooms(String where, Map<String, Object> params) {
        return jdbc.sql("""
                        select h.id, h.school_id, h.name, h.kind, t.given_name, t.preferred_name, t.family_name,
                               (select count(*) from patron s where (s.homeroom_id = h.id or s.id in (
                                       select m.patron_id from class_member m where m.class_id = h.id))
                                   and s.patron_type = 'STUDENT' and s.status = 'ACTIVE') as students
                        from homeroom h left join patron t on t.id = h.teacher_id""" + where
                        + " order by h.school_id, h.name")
                .params(params)
                .query((row, n) -> new HomeroomView(row.getLong("id"), row.getLong("school_id"),
                        row.getString("name"), row.getString("family_name") == null ? null
                                : Names.display(row.getString("given_name"), row.getString("preferred_name"),
                                        row.getString("family_name")), row.getInt("students"),
                        "CLASS".equals(row.getString("kind"))))
                .list();
    }

    /** A school's students in a grade and/or of a graduation year (a null criterion matches any), by id. */
    List<Long> studentIds(long schoolId, Integer grade, Integer graduationYear) {
        return jdbc.sql("select id from patron where school_id = :school and patron_type = 'STUDENT'"
                        + (grade == null ? "" : " and grade = :grade")
                        + (graduationYear == null ? "" : " and graduation_year = :year") + " order by id")
                .param("school", schoolId).param("grade", grade).param("year", graduationYear)
                .query(Long.class).list();
    }

    /** The active students of a homeroom, by name, with their grade. */
    List<HomeroomMember> members(long homeroomId) {
        return jdbc.sql("""
                        select id, given_name, preferred_name, family_name, barcode, grade from patron
                        where (homeroom_id = :id or id in (select patron_id from class_member where class_id = :id))
                          and patron_type = 'STUDENT' and status = 'ACTIVE'
                        order by name_key, id""")
                .param("id", homeroomId)
                .query((row, n) -> new HomeroomMember(row.getLong("id"), Names.display(row.getString("given_name"),
                        row.getString("preferred_name"), row.getString("family_name")), row.getString("barcode"),
                        row.getObject("grade") == null ? null : Grade.of(row.getInt("grade"))))
                .list();
    }

    void setHomeroomTeacher(long homeroomId, long teacherId) {
        jdbc.sql("update homeroom set teacher_id = :teacher where id = :id")
                .param("teacher", teacherId).param("id", homeroomId).update();
    }

    private static Map<String, Object> schoolParam(Long schoolId) {
        Map<String, Object> params = new HashMap<>();
        if (schoolId != null) {
            params.put("school", schoolId);
        }
        return params;
    }

    /** {@code text} as the start of a LIKE pattern, its wildcards escaped with {@code !}. */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static Map<String, Object> params(Stored p) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", p.type().name());
        params.put("given", p.givenName());
        params.put("family", p.familyName());
        params.put("preferred", p.preferredName());
        params.put("nameKey", Names.key(p.givenName(), p.preferredName(), p.familyName()));
        params.put("school", p.schoolId());
        params.put("barcode", p.barcode());
        params.put("studentNumber", p.studentNumber());
        params.put("grade", p.grade() == null ? null : p.grade().value());
        params.put("homeroom", p.homeroomId());
        params.put("graduation", p.graduationYear());
        params.put("email", p.email());
        params.put("language", p.preferredLanguage());
        params.put("keepHistory", p.keepHistory());
        params.put("notes", p.notes());
        params.put("source", p.sourceId());
        return params;
    }

    private static PatronSummary summary(ResultSet row, int n) throws SQLException {
        return new PatronSummary(row.getLong("id"), Names.display(row.getString("given_name"),
                row.getString("preferred_name"), row.getString("family_name")), row.getString("barcode"),
                row.getLong("school_id"), PatronType.valueOf(row.getString("patron_type")),
                PatronStatus.valueOf(row.getString("status")));
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong("id"), PatronType.valueOf(row.getString("patron_type")),
                PatronStatus.valueOf(row.getString("status")), row.getString("given_name"),
                row.getString("family_name"), row.getString("preferred_name"), row.getLong("school_id"),
                row.getString("barcode"), row.getString("student_number"),
                row.getObject("grade") == null ? null : Grade.of(row.getInt("grade")),
                (Long) row.getObject("homeroom_id", Long.class), row.getString("homeroom_name"),
                (Integer) row.getObject("graduation_year", Integer.class), row.getString("email"),
                row.getString("preferred_language"), row.getBoolean("keep_history"),
                row.getObject("account_id", Long.class), row.getString("source_id"), row.getString("notes"),
                row.getObject("created_at", OffsetDateTime.class), row.getObject("updated_at", OffsetDateTime.class),
                row.getLong("version"), row.getObject("erased_at", OffsetDateTime.class));
    }
}
