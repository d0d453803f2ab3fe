package org.carrel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.MarcFixtures.aRecord;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.MarcFiles;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Import, export, import into an empty catalogue: the same records and the same copies. */
@CarrelTest
class RoundTripTest {

    @Autowired
    MarcImports imports;
    @Autowired
    MarcExport export;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    District district;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void anExportImportedAgainGivesTheSameRecordsAndCopies() {
        TestData.emptyCatalogue(jdbc);
        SchoolView oak = TestData.school(district, "OAK");
        SchoolView maple = TestData.school(district, "MAPLE");
        Path original = MarcFixtures.file(folder, "original.mrc", MarcFiles.iso2709(
                aRecord("Charlotte's web").author("White, E. B.").isbn("9780064400558").callNumber("FIC", "WHI")
                        .localNote("590", "Gift of the PTA").localNote("949", "local")
                        .koha952("OAK", "FIC", "35000001", "BK", false).koha952("MAPLE", "EASY", "35000002", "BK", true)
                        .build(),
                aRecord("Volcanoes").isbn("0064451895").callNumber("551.21", "SIM").build(),
                aRecord("El sue\u00f1o de Mat\u00edas").koha952("OAK", null, "35000003", "DVD", false).build()));
        importAll(original);
        long withdrawnCopy = copies.itemByBarcode("35000003").orElseThrow().id();
        copies.changeStatus(withdrawnCopy, 0, ItemStatus.WITHDRAWN, "Worn out", "test");
        Snapshot before = snapshot();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out, MarcExport.Format.MARC, null, true);
        TestData.emptyCatalogue(jdbc);
        importAll(MarcFixtures.file(folder, "export.mrc", out.toByteArray()));

        Snapshot after = snapshot();
        assertThat(after.records()).isEqualTo(before.records());
        assertThat(after.items()).isEqualTo(before.items());
        assertThat(before.items()).hasSize(3);
        assertThat(before.items()).as("the copies are at both schools").extracting(line -> line.split("\\|")[2])
                .containsOnly(String.valueOf(oak.id()), String.valueOf(maple.id())).contains(String.valueOf(maple.id()));
    }

    @Test
    void marcXmlRoundTripsToo() {
        TestData.emptyCatalogue(jdbc);
        TestData.school(district, "OAK");
        importAll(MarcFixtures.file(folder, "original.mrc", MarcFiles.iso2709(
                aRecord("Hatchet").isbn("9780689840920").koha952("OAK", "FIC", "36000001", "BK", false).build())));
        Snapshot before = snapshot();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out, MarcExport.Format.MARCXML, null, true);
        TestData.emptyCatalogue(jdbc);
        importAll(MarcFixtures.file(folder, "export.xml", out.toByteArray()));

        assertThat(snapshot()).isEqualTo(before);
    }

    private void importAll(Path file) {
        ImportCounts counts = imports.run(List.of(file), List.of(file.getFileName().toString()),
                ImportOptions.defaults(), "test", line -> { }).counts();
        assertThat(counts.rejected()).isZero();
    }

    /** Records as their MARC text and copies without their database ids, both in a stable order. */
    record Snapshot(List<String> records, List<String> items) {
    }

    private Snapshot snapshot() {
        List<RecordSummary> summaries = catalog.records("", 0, 100);
        Map<Long, String> titles = summaries.stream().collect(Collectors.toMap(RecordSummary::id, RecordSummary::title));
        List<String> records = summaries.stream()
                .map(summary -> catalog.record(summary.id()).orElseThrow().marc().toString()).sorted().toList();
        List<String> items = summaries.stream().flatMap(s -> catalog.record(s.id()).orElseThrow().items().stream())
                .sorted(Comparator.comparing(ItemView::barcode))
                .map(i -> String.join("|", titles.get(i.recordId()), i.barcode(), String.valueOf(i.schoolId()),
                        String.valueOf(i.locationId()), String.valueOf(i.ownCallNumber()), i.itemType().name(),
                        i.status().name(), String.valueOf(i.copyNumber()), String.valueOf(i.price()),
                        String.valueOf(i.replacementCost()), String.valueOf(i.acquiredOn()),
                        String.valueOf(i.fundingSource()), String.valueOf(i.condition()), String.valueOf(i.notes())))
                .toList();
        return new Snapshot(records, items);
    }
}
