package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carrel.patrons.PatronStoreTest.NOW;
import static org.carrel.patrons.PatronStoreTest.student;

import java.util.Map;

import org.carrel.district.Grade;
import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of account links, merging, exporting and erasing patrons, on H2 and on PostgreSQL. */
class PatronRecordsStoreTest {

    private static PatronStore.Stored guardian(String given, String barcode) {
        return new PatronStore.Stored(PatronType.GUARDIAN, given, "Lopez", null, 1, barcode, null, null, null, null,
                "rosa@example.org", "es", false, null, null);
    }

    @OnEachDatabase
    void linksAnAccountToOnePatronAtMost(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long ana = store.insert(student("Ana", "Lopez", "P0001", null, null), NOW);
        long bo = store.insert(student("Bo", "Lee", "P0002", null, null), NOW);

        store.setAccount(ana, 77L);
        assertThat(store.byId(ana).orElseThrow().accountId()).isEqualTo(77L);
        assertThat(store.accountTaken(77L, null)).isTrue();
        assertThat(store.accountTaken(77L, ana)).isFalse();
        assertThatThrownBy(() -> store.setAccount(bo, 77L)).isInstanceOf(DuplicateKeyException.class);
        store.setAccount(ana, null);
        assertThat(store.accountTaken(77L, null)).isFalse();
    }

    @OnEachDatabase
    void movesUniqueValuesLinksBlocksAndHomeroomsToTheKeptPatronAndDeletesTheDuplicate(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        PatronRecordsStore records = new PatronRecordsStore(jdbc);
        long room = store.insertHomeroom(1, "Room 7");
        long kept = store.insert(student("Ana", "Lopez", "P0003", null, null), NOW);
        long duplicate = store.insert(new PatronStore.Stored(PatronType.STUDENT, "Ana", "Lopez", "Annie", 1, "P0004",
                "S9", Grade.of(3), room, 2035, "ana@example.org", "en", false, "Second card", "roster-9"), NOW);
        store.setAccount(duplicate, 55L);
        long rosa = store.insert(guardian("Rosa", "G0001"), NOW);
        long luis = store.insert(guardian("Luis", "G0002"), NOW);
        store.link(kept, rosa);
        store.link(duplicate, rosa);
        store.link(duplicate, luis);
        store.addBlock(duplicate, "Lost book", "lib", NOW);
        store.setHomeroomTeacher(room, duplicate);
        long art = store.insertHomeroom(1, "Art 3", "class-art", true);
        long music = store.insertHomeroom(1, "Music 3", "class-music", true);
        store.addClassMember(art, kept);
        store.addClassMember(art, duplicate);
        store.addClassMember(music, duplicate);
        PatronStore.Row keptRow = store.byId(kept).orElseThrow();
        PatronStore.Row duplicateRow = store.byId(duplicate).orElseThrow();

        assertThat(records.clearUniqueValues(duplicate, duplicateRow.version())).isTrue();
        assertThat(records.updateKept(kept, keptRow.version(), PatronMerge.merged(keptRow, duplicateRow), NOW))
                .isTrue();
        records.moveBlocks(duplicate, kept);
        records.moveGuardianLinks(duplicate, kept);
        records.moveClassMemberships(duplicate, kept);
        records.moveHomeroomTeacher(duplicate, kept);
        records.delete(duplicate);

        PatronStore.Row after = store.byId(kept).orElseThrow();
        assertThat(after.studentNumber()).isEqualTo("S9");
        assertThat(after.sourceId()).isEqualTo("roster-9");
        assertThat(after.accountId()).isEqualTo(55L);
        assertThat(after.preferredName()).isEqualTo("Annie");
        assertThat(after.email()).isEqualTo("ana@example.org");
        assertThat(after.homeroomId()).isEqualTo(room);
        assertThat(after.graduationYear()).isEqualTo(2035);
        assertThat(after.notes()).isEqualTo("Second card");
        assertThat(after.barcode()).isEqualTo("P0003");
        assertThat(after.version()).isEqualTo(keptRow.version() + 1);
        assertThat(store.find("X", java.util.List.of("annie"), null, 10)).extracting(PatronSummary::id)
                .containsExactly(kept);
        assertThat(store.guardiansOf(kept)).extracting(PatronSummary::id).containsExactlyInAnyOrder(rosa, luis);
        assertThat(store.blocks(kept)).extracting(PatronBlock::reason).containsExactly("Lost book");
        assertThat(store.homerooms(1L)).filteredOn(h -> h.id() == room).singleElement()
                .extracting(HomeroomView::teacherName)
                .isEqualTo("Annie Lopez");
        assertThat(store.classMembers(art)).containsExactly(kept);
        assertThat(store.classMembers(music)).containsExactly(kept);
        assertThat(records.classes(kept)).extracting(c -> c.get("name")).containsExactly("Art 3", "Music 3");
        assertThat(store.byId(duplicate)).isEmpty();
        assertThat(jdbc.sql("select count(*) from patron_guardian where student_id = :id or guardian_id = :id")
                .param("id", duplicate).query(Long.class).single()).isZero();
    }

    @OnEachDatabase
    void movesADuplicateGuardiansStudentsEachOnce(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        PatronRecordsStore records = new PatronRecordsStore(jdbc);
        long kept = store.insert(guardian("Rosa", "G0010"), NOW);
        long duplicate = store.insert(guardian("Rosa", "G0011"), NOW);
        long ana = store.insert(student("Ana", "Lopez", "P0020", null, null), NOW);
        long bo = store.insert(student("Bo", "Lopez", "P0021", null, null), NOW);
        store.link(ana, kept);
        store.link(ana, duplicate);
        store.link(bo, duplicate);

        records.moveGuardianLinks(duplicate, kept);

        assertThat(store.studentsOf(kept)).extracting(PatronSummary::id).containsExactlyInAnyOrder(ana, bo);
        assertThat(store.studentsOf(duplicate)).isEmpty();
        assertThat(store.guardiansOf(ana)).extracting(PatronSummary::id).containsExactly(kept);
    }

    @OnEachDatabase
    void refusesToMergeRowsThatChangedMeanwhile(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        PatronRecordsStore records = new PatronRecordsStore(jdbc);
        long kept = store.insert(student("Ana", "Lopez", "P0005", null, null), NOW);
        long duplicate = store.insert(student("Ana", "Lopez", "P0006", "S10", null), NOW);
        PatronStore.Row keptRow = store.byId(kept).orElseThrow();

        assertThat(records.clearUniqueValues(duplicate, 5)).isFalse();
        assertThat(store.byId(duplicate).orElseThrow().studentNumber()).isEqualTo("S10");
        assertThat(records.updateKept(kept, keptRow.version() + 1,
                PatronMerge.merged(keptRow, store.byId(duplicate).orElseThrow()), NOW)).isFalse();
    }

    @OnEachDatabase
    void readsEveryColumnOfAPatronAndItsBlocks(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        PatronRecordsStore records = new PatronRecordsStore(jdbc);
        long id = store.insert(student("Sofía", "García", "P0007", "S11", null), NOW);
        store.addBlock(id, "Lost book", "lib", NOW);

        Map<String, Object> columns = records.columns(id);
        assertThat(columns).containsEntry("given_name", "Sofía").containsEntry("barcode", "P0007")
                .containsEntry("student_number", "S11").containsEntry("name_key", "garcia sofia")
                .containsEntry("created_at", "2026-10-15T09:30Z").containsKeys("erased_at", "account_id", "notes");
        assertThat(((Number) columns.get("id")).longValue()).isEqualTo(id);
        assertThat(records.blockColumns(id)).singleElement()
                .satisfies(block -> assertThat(block).containsEntry("reason", "Lost book")
                        .containsEntry("placed_at", "2026-10-15T09:30Z"));
        assertThat(records.columns(id + 1000)).isEmpty();
    }

    @OnEachDatabase
    void erasesEveryPersonalValueOnceAndKeepsTheStatistics(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        PatronRecordsStore records = new PatronRecordsStore(jdbc);
        long room = store.insertHomeroom(1, "Room 8");
        long id = store.insert(new PatronStore.Stored(PatronType.STUDENT, "Ana", "Lopez", "Annie", 1, "P0008", "S12",
                Grade.of(4), room, 2034, "ana@example.org", "es", true, "Allergic to dust", "roster-12"), NOW);
        store.setAccount(id, 66L);
        long rosa = store.insert(guardian("Rosa", "G0003"), NOW);
        store.link(id, rosa);
        store.addBlock(id, "Lost book", "lib", NOW);
        long art = store.insertHomeroom(1, "Art 4", "class-art-4", true);
        store.addClassMember(art, id);

        records.deleteGuardianLinks(id);
        records.deleteClassMemberships(id);
        records.deleteBlocks(id);
        assertThat(records.erase(id, "ERASED-" + id, NOW.plusDays(1))).isTrue();
        assertThat(records.erase(id, "ERASED-" + id, NOW.plusDays(2))).as("only once").isFalse();

        Map<String, Object> row = records.columns(id);
        assertThat(row).containsEntry("given_name", "Erased").containsEntry("family_name", "patron")
                .containsEntry("preferred_name", null).containsEntry("name_key", "")
                .containsEntry("barcode", "ERASED-" + id).containsEntry("student_number", null)
                .containsEntry("homeroom_id", null).containsEntry("email", null)
                .containsEntry("preferred_language", "en").containsEntry("keep_history", false)
                .containsEntry("account_id", null).containsEntry("source_id", null).containsEntry("notes", null)
                .containsEntry("status", "INACTIVE").containsEntry("erased_at", "2026-10-16T09:30Z")
                .containsEntry("patron_type", "STUDENT").containsEntry("grade", 4)
                .containsEntry("graduation_year", 2034);
        assertThat(((Number) row.get("school_id")).longValue()).isEqualTo(1L);
        assertThat(store.guardiansOf(id)).isEmpty();
        assertThat(store.studentsOf(rosa)).isEmpty();
        assertThat(store.blocks(id)).isEmpty();
        assertThat(store.classMembers(art)).isEmpty();
        assertThat(store.byId(id).orElseThrow().erased()).isTrue();
    }
}
