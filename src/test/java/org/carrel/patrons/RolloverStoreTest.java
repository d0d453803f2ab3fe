package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.carrel.district.Grade;
import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement of the rollover store, on H2 and on PostgreSQL. */
class RolloverStoreTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 6, 10, 16, 0, 0, 0, ZoneOffset.UTC);

    private static long insert(PatronStore patrons, PatronType type, String barcode, int grade, Long homeroom) {
        return patrons.insert(new PatronStore.Stored(type, "Kid", barcode, null, 1, barcode, null,
                type == PatronType.STUDENT ? Grade.of(grade) : null, homeroom, null, null, "en", false, null, null),
                PatronStoreTest.NOW);
    }

    @OnEachDatabase
    void readsActiveStudentsOnlyAndPromotesThoseStillInTheExpectedSchoolAndGrade(JdbcClient jdbc) {
        PatronStore patrons = new PatronStore(jdbc);
        RolloverStore store = new RolloverStore(jdbc);
        long room = patrons.insertHomeroom(1, "Room 5");
        long a = insert(patrons, PatronType.STUDENT, "A1", 5, room);
        long b = insert(patrons, PatronType.STUDENT, "B1", 5, room);
        long gone = insert(patrons, PatronType.STUDENT, "C1", 5, room);
        patrons.setStatus(gone, PatronStatus.INACTIVE, NOW);
        long teacher = insert(patrons, PatronType.TEACHER, "T1", 0, room);
        long math = patrons.insertHomeroom(1, "Math 5", "cls-math", true);
        patrons.addClassMember(math, a);
        patrons.addClassMember(math, gone);

        assertThat(store.activeStudents()).extracting(RolloverPlan.Student::id).containsExactly(a, b);

        int moved = store.promote(List.of(a, b, gone, teacher), 1, Grade.of(5), 2, Grade.of(6), PatronStatus.ACTIVE,
                NOW);

        assertThat(moved).isEqualTo(2);
        PatronStore.Row row = patrons.byId(a).orElseThrow();
        assertThat(row.schoolId()).isEqualTo(2);
        assertThat(row.grade()).isEqualTo(Grade.of(6));
        assertThat(row.homeroomId()).isNull();
        assertThat(row.version()).isEqualTo(1);
        assertThat(patrons.byId(gone).orElseThrow().homeroomId()).isEqualTo(room);
        assertThat(patrons.classMembers(math)).as("out of last year's class, unless not promoted")
                .containsExactly(gone);
        assertThat(patrons.byId(teacher).orElseThrow().homeroomId()).isEqualTo(room);
        assertThat(store.promote(List.of(a), 1, Grade.of(5), 2, Grade.of(6), PatronStatus.ACTIVE, NOW))
                .as("no longer in school 1, grade 5").isZero();
        assertThat(store.promote(List.of(b), 2, Grade.of(6), 2, Grade.of(6), PatronStatus.GRADUATED, NOW)).isOne();
        assertThat(patrons.byId(b).orElseThrow().status()).isEqualTo(PatronStatus.GRADUATED);
    }

    @OnEachDatabase
    void promotesMoreStudentsThanOneChunkHolds(JdbcClient jdbc) {
        PatronStore patrons = new PatronStore(jdbc);
        RolloverStore store = new RolloverStore(jdbc);
        List<Long> ids = java.util.stream.IntStream.range(0, RolloverStore.CHUNK + 3)
                .mapToObj(i -> insert(patrons, PatronType.STUDENT, "K" + i, 2, null)).toList();

        assertThat(store.promote(ids, 1, Grade.of(2), 1, Grade.of(3), PatronStatus.ACTIVE, NOW))
                .isEqualTo(ids.size());
    }

    @OnEachDatabase
    void recordsOneRolloverPerSchoolYear(JdbcClient jdbc) {
        RolloverStore store = new RolloverStore(jdbc);
        RolloverRecord done = new RolloverRecord("2027-2028", "admin", NOW, 230, 50, 10, 0, 0, ChargesChoice.KEEP);

        store.record(done);

        assertThat(store.applied("2027-2028")).get().satisfies(read -> {
            assertThat(read.appliedAt().toInstant()).isEqualTo(NOW.toInstant());
            assertThat(read).usingRecursiveComparison().ignoringFields("appliedAt").isEqualTo(done);
        });
        assertThat(store.applied("2028-2029")).isEmpty();
        assertThatThrownBy(() -> store.record(done)).isInstanceOf(DuplicateKeyException.class);
    }
}
