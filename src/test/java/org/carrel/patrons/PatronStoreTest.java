package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.carrel.district.Grade;
import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement of the patron stores, on H2 and on PostgreSQL. */
class PatronStoreTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 10, 15, 9, 30, 0, 0, ZoneOffset.UTC);

    static PatronStore.Stored student(String given, String family, String barcode, String number, Long homeroom) {
        return new PatronStore.Stored(PatronType.STUDENT, given, family, null, 1, barcode, number, Grade.of(3),
                homeroom, 2035, null, "en", false, null, null);
    }

    @OnEachDatabase
    void storesAPatronAndReadsItBack(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long homeroom = store.insertHomeroom(1, "Room 301");
        long id = store.insert(student("Sofía", "García", "P0001", "S1", homeroom), NOW);

        PatronStore.Row row = store.byId(id).orElseThrow();
        assertThat(row.givenName()).isEqualTo("Sofía");
        assertThat(row.grade()).isEqualTo(Grade.of(3));
        assertThat(row.homeroomName()).isEqualTo("Room 301");
        assertThat(row.status()).isEqualTo(PatronStatus.ACTIVE);
        assertThat(row.keepHistory()).isFalse();
        assertThat(row.graduationYear()).isEqualTo(2035);
        assertThat(row.accountId()).isNull();
        assertThat(row.createdAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(store.summaryByBarcode("P0001")).get().extracting(PatronSummary::name).isEqualTo("Sofía García");
    }

    @OnEachDatabase
    void updatesOnlyTheVersionTheEditorSaw(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long id = store.insert(student("Ana", "Lopez", "P0002", null, null), NOW);

        assertThat(store.update(id, 0, student("Ana", "López", "P0002", null, null), NOW.plusHours(1))).isTrue();
        assertThat(store.update(id, 0, student("Anna", "López", "P0002", null, null), NOW.plusHours(2))).isFalse();
        assertThat(store.byId(id).orElseThrow().familyName()).isEqualTo("López");
        assertThat(store.byId(id).orElseThrow().version()).isEqualTo(1);
        assertThat(store.setStatus(id, PatronStatus.INACTIVE, NOW)).isTrue();
        assertThat(store.byId(id).orElseThrow().status()).isEqualTo(PatronStatus.INACTIVE);
    }

    @OnEachDatabase
    void findsByBarcodeStudentNumberOrTheStartOfAnyPartOfTheName(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        store.insert(student("Sofía", "García", "P0003", "S100", null), NOW);
        store.insert(student("Gary", "Smith", "P0004", "S101", null), NOW);
        store.insert(student("Ana", "Gar_cia", "P0005", null, null), NOW);

        assertThat(store.find("X", List.of("gar"), null, 10)).extracting(PatronSummary::barcode)
                .containsExactly("P0005", "P0003", "P0004");
        assertThat(store.find("X", List.of("g_r"), null, 10)).as("a wildcard in the text is a plain character")
                .isEmpty();
        assertThat(store.find("X", List.of("cia"), null, 10)).as("the start of a word of the name")
                .extracting(PatronSummary::barcode).containsExactly("P0005");
        assertThat(store.find("X", List.of("sofia", "garc"), null, 10)).extracting(PatronSummary::barcode)
                .containsExactly("P0003");
        assertThat(store.find("X", List.of("sofia", "smith"), null, 10)).as("every word must match").isEmpty();
        assertThat(store.find("S101", List.of("s101"), null, 10)).extracting(PatronSummary::barcode)
                .containsExactly("P0004");
        assertThat(store.find("P0003", List.of("p0003"), 1L, 10)).extracting(PatronSummary::barcode)
                .containsExactly("P0003");
        assertThat(store.find("P0003", List.of("p0003"), 2L, 10)).isEmpty();
        assertThat(store.find("X", List.of("gar"), null, 1)).hasSize(1);
        assertThat(store.find("X", List.of(), null, 10)).isEmpty();
    }

    @OnEachDatabase
    void refusesASecondPatronWithTheSameBarcodeOrStudentNumber(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long id = store.insert(student("Ana", "Lopez", "P0006", "S7", null), NOW);

        assertThat(store.barcodeTaken("P0006", null)).isTrue();
        assertThat(store.barcodeTaken("P0006", id)).isFalse();
        assertThat(store.studentNumberTaken("S7", null)).isTrue();
        assertThatThrownBy(() -> store.insert(student("Bo", "Lee", "P0006", null, null), NOW))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> store.insert(student("Bo", "Lee", "P0007", "S7", null), NOW))
                .isInstanceOf(DuplicateKeyException.class);
        store.insert(student("Cy", "Ray", "P0008", null, null), NOW);
        store.insert(student("Di", "Ray", "P0009", null, null), NOW);
    }

    @OnEachDatabase
    void placesAndLiftsBlocks(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long id = store.insert(student("Ana", "Lopez", "P0010", null, null), NOW);
        long block = store.addBlock(id, "Lost books", "lib", NOW);

        assertThat(store.blocks(id)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo("Lost books");
            assertThat(b.active()).isTrue();
        });
        assertThat(store.liftBlock(id, block, "lib2", NOW.plusDays(1))).isTrue();
        assertThat(store.liftBlock(id, block, "lib2", NOW.plusDays(2))).as("already lifted").isFalse();
        assertThat(store.blocks(id)).singleElement().satisfies(b -> {
            assertThat(b.active()).isFalse();
            assertThat(b.liftedBy()).isEqualTo("lib2");
        });
    }

    @OnEachDatabase
    void linksGuardiansOnce(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long child = store.insert(student("Ana", "Lopez", "P0011", null, null), NOW);
        long parent = store.insert(new PatronStore.Stored(PatronType.GUARDIAN, "Rosa", "Lopez", null, 1, "P0012",
                null, null, null, null, "rosa@example.org", "es", false, null, null), NOW);

        store.link(child, parent);
        store.link(child, parent);

        assertThat(store.guardiansOf(child)).extracting(PatronSummary::id).containsExactly(parent);
        assertThat(store.studentsOf(parent)).extracting(PatronSummary::id).containsExactly(child);
    }

    @OnEachDatabase
    void listsHomeroomsWithTheirTeacherAndActiveStudents(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long room = store.insertHomeroom(1, "Room 5");
        store.insertHomeroom(2, "Room 5");
        long teacher = store.insert(new PatronStore.Stored(PatronType.TEACHER, "Lee", "Park", null, 1, "T1", null,
                null, room, null, null, "en", false, null, null), NOW);
        store.setHomeroomTeacher(room, teacher);
        store.insert(student("Ana", "Lopez", "P0013", null, room), NOW);
        long gone = store.insert(student("Bo", "Adams", "P0014", null, room), NOW);
        store.setStatus(gone, PatronStatus.INACTIVE, NOW);

        assertThat(store.homeroomId(1, "Room 5")).contains(room);
        assertThat(store.homerooms(1L)).singleElement().satisfies(h -> {
            assertThat(h.teacherName()).isEqualTo("Lee Park");
            assertThat(h.students()).isEqualTo(1);
        });
        assertThat(store.homerooms(null)).hasSize(2);
        assertThat(store.members(room)).extracting(HomeroomMember::barcode).containsExactly("P0013");
    }

    @OnEachDatabase
    void handsOutBarcodesInOrderSkippingThoseTaken(JdbcClient jdbc) {
        BarcodeRanges ranges = new BarcodeRanges(jdbc);
        Set<String> taken = Set.of("POAK000002");

        assertThat(ranges.take(1, "OAK", taken::contains)).contains("POAK000001");
        assertThat(ranges.take(1, "OAK", taken::contains)).contains("POAK000003");
        assertThat(ranges.take(2, "MID-1", taken::contains)).contains("PMID1000001");
        jdbc.sql("update patron_barcode_range set next_number = 999999 where school_id = 1").update();
        assertThat(ranges.take(1, "OAK", taken::contains)).contains("POAK999999");
        assertThat(ranges.take(1, "OAK", taken::contains)).as("used up").isEmpty();
    }
}
