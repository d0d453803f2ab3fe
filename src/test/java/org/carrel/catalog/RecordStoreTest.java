package org.carrel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.MarcFixtures.aRecord;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class RecordStoreTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 9, 0, 0, 0, ZoneOffset.UTC);

    static RecordStore store(DataSource data) {
        return new RecordStore(JdbcClient.create(data), new NamedParameterJdbcTemplate(data));
    }

    @OnEachDatabase
    void keepsTheMarcRecordWholeAndReadsItsColumns(DataSource data) {
        RecordStore store = store(data);
        RecordValues values = RecordValues.of(aRecord("The tale of Despereaux").author("DiCamillo, Kate.")
                .isbn("0763617229").callNumber("FIC", "DIC").localNote("949", "local data").build());

        long id = store.insert(values, NOW);

        RecordStore.StoredRecord stored = store.find(id).orElseThrow();
        assertThat(StoredMarc.read(stored.marc()).toString()).isEqualTo(StoredMarc.read(values.marc()).toString());
        assertThat(store.byTitle("despereaux", 0, 10)).singleElement().satisfies(summary -> {
            assertThat(summary.title()).isEqualTo("The tale of Despereaux");
            assertThat(summary.mainAuthor()).isEqualTo("DiCamillo, Kate");
            assertThat(summary.callNumber()).isEqualTo("FIC DIC");
        });
    }

    @OnEachDatabase
    void matchesIsbnTenAndThirteenAsOneIdentifier(DataSource data) {
        RecordStore store = store(data);
        List<Long> ids = store.insertAll(List.of(
                RecordValues.of(aRecord("Holes").isbn("0374332657").build()),
                RecordValues.of(aRecord("Wonder").isbn("9780375869020").control("ocm1", "OCoLC").build())), NOW);

        var found = store.matching(List.of(new RecordValues.Identifier("ISBN", "9780374332655"),
                new RecordValues.Identifier("CONTROL", "ocm1|OCoLC"), new RecordValues.Identifier("ISBN", "9780000000002")));

        assertThat(found).containsEntry(new RecordValues.Identifier("ISBN", "9780374332655"), List.of(ids.get(0)))
                .containsEntry(new RecordValues.Identifier("CONTROL", "ocm1|OCoLC"), List.of(ids.get(1)))
                .hasSize(2);
    }

    @OnEachDatabase
    void sortsTitlesWithoutTheirLeadingArticle(DataSource data) {
        RecordStore store = store(data);
        store.insertAll(List.of(
                RecordValues.of(aRecord("Zebra stripes").build()),
                RecordValues.of(aRecord("The apple tree").nonFiling(4).build()),
                RecordValues.of(aRecord("Mango").build())), NOW);

        assertThat(store.byTitle("", 0, 10)).extracting(RecordSummary::title)
                .containsExactly("Mango", "Zebra stripes", "The apple tree");
    }

    @OnEachDatabase
    void refusesAStaleUpdateAndHidesASoftDeletedRecord(DataSource data) {
        RecordStore store = store(data);
        long id = store.insert(RecordValues.of(aRecord("Hatchet").isbn("9781416936473").build()), NOW);

        assertThat(store.update(id, 5L, RecordValues.of(aRecord("Hatchet!").build()), NOW)).isFalse();
        assertThat(store.update(id, 0L, RecordValues.of(aRecord("Hatchet").isbn("9780689840920").build()), NOW))
                .isTrue();
        assertThat(store.matching(List.of(new RecordValues.Identifier("ISBN", "9781416936473")))).isEmpty();
        store.softDelete(id, NOW);

        assertThat(store.find(id)).isEmpty();
        assertThat(store.matching(List.of(new RecordValues.Identifier("ISBN", "9780689840920")))).isEmpty();
        assertThat(store.count()).isZero();
    }
}
