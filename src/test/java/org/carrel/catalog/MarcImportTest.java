package org.carrel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.MarcFixtures.aRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrel.catalog.ImportOptions.MatchPoint;
import org.carrel.catalog.ImportOptions.OnMatch;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.MarcFiles;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CarrelTest
class MarcImportTest {

    @Autowired
    MarcImports imports;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    District district;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportStore importStore;
    @TempDir
    Path folder;

    SchoolView oak;
    final List<ImportLine> lines = new ArrayList<>();

    @BeforeEach
    void emptyCatalogue() {
        TestData.emptyCatalogue(jdbc);
        oak = TestData.school(district, "OAK");
        lines.clear();
    }

    ImportCounts run(ImportOptions options, Record... records) {
        Path file = MarcFixtures.file(folder, "records-" + System.nanoTime() + ".mrc",
                MarcFiles.iso2709(records));
        return imports.run(List.of(file), List.of("records.mrc"), options, "test", lines::add).counts();
    }

    static ImportOptions options(OnMatch onMatch) {
        return new ImportOptions(null, Map.of(), Set.of(MatchPoint.values()), onMatch, false);
    }

    @Test
    void importsRecordsWithTheirKohaCopiesAndCreatesMissingLocations() {
        ImportCounts counts = run(ImportOptions.defaults(),
                aRecord("Holes").isbn("0374332657").koha952("OAK", "STEM", "31000001", "BK", false)
                        .koha952("OAK", "STEM", "31000002", "BK", true).build(),
                aRecord("Wonder").isbn("9780375869020").build());

        assertThat(counts).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 0, 2));
        ItemView lost = copies.itemByBarcode("31000002").orElseThrow();
        assertThat(lost.status()).isEqualTo(ItemStatus.LOST);
        assertThat(lost.schoolId()).isEqualTo(oak.id());
        assertThat(district.location(oak.id(), lost.locationId()).orElseThrow().code()).isEqualTo("STEM");
        RecordView holes = catalog.record(lost.recordId()).orElseThrow();
        assertThat(holes.marc().getVariableFields("952")).as("copies live in item rows, not in the record").isEmpty();
        assertThat(lines).extracting(ImportLine::outcome).contains("ADDED", "WARNING");
    }

    @Test
    void rejectsABrokenRecordWithItsNumberAndOffsetAndImportsTheOthers() {
        byte[] first = MarcFiles.iso2709(aRecord("Frindle").build());
        byte[] second = MarcFiles.iso2709(aRecord("Matilda").build());
        second[2] = 'x';
        Path file = MarcFixtures.file(folder, "broken.mrc",
                MarcFiles.concat(first, second, MarcFiles.iso2709(aRecord("Coraline").build())));

        ImportCounts counts = imports.run(List.of(file), List.of("broken.mrc"), ImportOptions.defaults(), "test",
                lines::add).counts();

        assertThat(counts).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 1, 0));
        ImportLine rejected = lines.stream().filter(l -> l.outcome().equals("REJECTED")).findFirst().orElseThrow();
        assertThat(rejected.recordNumber()).isEqualTo(2);
        assertThat(rejected.byteOffset()).isEqualTo(first.length);
        assertThat(rejected.message()).contains("leader");
        assertThat(catalog.records("", 0, 10)).extracting(RecordSummary::title).containsExactly("Coraline", "Frindle");
    }

    @Test
    void skipsOverlaysOrMergesAMatchingRecordAndAddsItsCopiesToTheStoredOne() {
        run(ImportOptions.defaults(), aRecord("Hatchet").isbn("0689840926").localNote("590", "Signed copy").build());
        long id = catalog.records("", 0, 10).get(0).id();

        ImportCounts skipped = run(ImportOptions.defaults(), aRecord("Hatchet (vendor)").isbn("9780689840920")
                .koha952("OAK", null, "32000001", "BK", false).build());
        assertThat(skipped).isEqualTo(new ImportCounts(1, 0, 0, 0, 1, 0, 1));
        assertThat(catalog.record(id).orElseThrow().description().title()).isEqualTo("Hatchet");
        assertThat(copies.itemByBarcode("32000001").orElseThrow().recordId()).isEqualTo(id);

        run(options(OnMatch.MERGE), aRecord("Hatchet : merged").isbn("9780689840920").build());
        RecordView merged = catalog.record(id).orElseThrow();
        assertThat(merged.description().title()).isEqualTo("Hatchet : merged");
        assertThat(merged.marc().getVariableFields("590")).hasSize(1);

        ImportCounts overlaid = run(options(OnMatch.OVERLAY), aRecord("Hatchet : overlaid").isbn("9780689840920").build());
        assertThat(overlaid.overlaid()).isEqualTo(1);
        RecordView replaced = catalog.record(id).orElseThrow();
        assertThat(replaced.description().title()).isEqualTo("Hatchet : overlaid");
        assertThat(replaced.marc().getVariableFields("590")).isEmpty();
        assertThat(catalog.countRecords("")).isEqualTo(1);
    }

    @Test
    void matchesRecordsWithinOneFile() {
        ImportCounts counts = run(ImportOptions.defaults(), aRecord("Wonder").isbn("0375869026").build(),
                aRecord("Wonder").isbn("9780375869020").build());

        assertThat(counts).isEqualTo(new ImportCounts(2, 1, 0, 0, 1, 0, 0));
    }

    @Test
    void reportsADuplicateBarcodeAndAnUnknownSchoolInsteadOfRenumberingOrGuessing() {
        run(ImportOptions.defaults(), aRecord("Holes").koha952("OAK", null, "33000001", "BK", false).build());

        ImportCounts counts = run(ImportOptions.defaults(), aRecord("Wonder")
                .koha952("OAK", null, "33000001", "BK", false)
                .koha952("CPL", null, "33000002", "BK", false).build());

        assertThat(counts).isEqualTo(new ImportCounts(1, 1, 0, 0, 0, 0, 0));
        assertThat(lines).filteredOn(l -> l.outcome().equals("ITEM")).extracting(ImportLine::message)
                .anySatisfy(m -> assertThat(m).contains("33000001").contains("already used"))
                .anySatisfy(m -> assertThat(m).contains("CPL").contains("--school-map"));

        ImportCounts mapped = run(new ImportOptions(null, Map.of("CPL", "OAK"), Set.of(MatchPoint.values()),
                OnMatch.SKIP, false), aRecord("Wonder").koha952("CPL", null, "33000002", "BK", false).build());
        assertThat(mapped.items()).isEqualTo(1);
        assertThat(copies.itemByBarcode("33000002").orElseThrow().schoolId()).isEqualTo(oak.id());
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndChangesNothing() {
        ImportCounts counts = run(new ImportOptions(null, Map.of(), Set.of(MatchPoint.values()), OnMatch.SKIP, true),
                aRecord("Holes").isbn("0374332657").koha952("OAK", "NEWLOC", "34000001", "BK", false).build(),
                aRecord("Holes again").isbn("9780374332655").koha952("OAK", null, "34000001", "BK", false).build());

        assertThat(counts).isEqualTo(new ImportCounts(2, 1, 0, 0, 1, 0, 1));
        assertThat(catalog.countRecords("")).isZero();
        assertThat(copies.itemByBarcode("34000001")).isEmpty();
        assertThat(district.locations(oak.id())).noneMatch(l -> l.code().equals("NEWLOC"));
        assertThat(lines).extracting(ImportLine::message).anySatisfy(m -> assertThat(m).contains("would be created"));
    }

    @Test
    void keepsTheReportOfAnImportForLaterViewing() {
        run(ImportOptions.defaults(), aRecord("Holes").build(), aRecord("Wonder").build());

        ImportJob job = imports.recent(1).get(0);
        assertThat(job.state()).isEqualTo("FINISHED");
        assertThat(job.counts().added()).isEqualTo(2);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(imports.lines(job.id(), 0, 10)).extracting(ImportLine::outcome).containsExactly("ADDED", "ADDED");
    }

    @Test
    void convertsATitleToUtf8Nfc() {
        String decomposed = "El suen\u0303o";
        run(ImportOptions.defaults(), aRecord(decomposed).build());

        String stored = catalog.records("", 0, 1).get(0).title();
        assertThat(stored).isEqualTo("El sue\u00f1o");
        assertThat(stored.getBytes(StandardCharsets.UTF_8)).hasSize(9);
    }

    @Test
    void aLibrarianImportsCopiesOnlyForTheirOwnSchools() {
        SchoolView maple = TestData.school(district, "MAPLE");

        ImportCounts counts = run(ImportOptions.defaults().onlyAt(Set.of(oak.id())), aRecord("Holes")
                .koha952("OAK", null, "37000001", "BK", false).koha952("MAPLE", null, "37000002", "BK", false).build());

        assertThat(counts.items()).isEqualTo(1);
        assertThat(copies.itemByBarcode("37000002")).isEmpty();
        assertThat(lines).filteredOn(l -> l.outcome().equals("ITEM")).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("37000002").contains(maple.code()));
    }

    @Test
    void anImportWhoseServerStoppedIsShownAsFailedOnceItHasNotMovedForTenMinutes() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        long stalled = importStore.start("old.mrc", "test", ImportOptions.defaults(), 100, now.minusMinutes(11));
        long running = importStore.start("new.mrc", "test", ImportOptions.defaults(), 100, now.minusMinutes(1));

        assertThat(imports.job(stalled).orElseThrow().state()).isEqualTo("FAILED");
        assertThat(imports.job(running).orElseThrow().state()).isEqualTo("RUNNING");
    }
}
