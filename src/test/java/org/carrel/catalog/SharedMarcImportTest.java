package org.carrel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrel.catalog.ImportOptions.MatchPoint;
import org.carrel.catalog.ImportOptions.OnMatch;
import org.carrel.district.District;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Skips;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports the real third-party MARC files of {@code CARREL_SHARED_DATA/marc} (CI sets it; skipped with a reason on a
 * bare machine) and checks the counts their README states.
 */
@CarrelTest
class SharedMarcImportTest {

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

    Path marc;
    final List<ImportLine> lines = new ArrayList<>();

    @BeforeEach
    void sharedData() {
        String folder = System.getenv("CARREL_SHARED_DATA");
        Skips.skipUnless(folder != null && !folder.isBlank(),
                "real MARC file imports skipped: set CARREL_SHARED_DATA to the shared data folder (CI does)");
        marc = Path.of(folder, "marc");
        TestData.emptyCatalogue(jdbc);
        lines.clear();
    }

    ImportCounts run(ImportOptions options, String... files) {
        List<Path> paths = java.util.Arrays.stream(files).map(marc::resolve).toList();
        assertThat(paths).allMatch(Files::isRegularFile);
        return imports.run(paths, List.of(files), options, "test", lines::add).counts();
    }

    @Test
    void importsTheMarc8JazzCollectionWholeWithItsDiacritics() {
        ImportCounts counts = run(ImportOptions.defaults(), "evergreen/jazz_1k.mrc");

        assertThat(counts.read()).isEqualTo(1000);
        assertThat(counts.rejected()).isZero();
        assertThat(counts.added() + counts.skipped()).isEqualTo(1000);
        assertThat(catalog.records("The K\u00f6ln concert", 0, 5)).isNotEmpty();
        assertThat(catalog.records("K\u00c3", 0, 5)).as("no mojibake").isEmpty();
    }

    @Test
    void importsTheKohaSampleWithAll958CopiesTheirLocationsAndStatuses() {
        Map<String, String> branches = Map.of("CPL", "OAK", "FPL", "MAPLE", "MPL", "CEDAR");
        branches.values().forEach(code -> TestData.school(district, code));

        ImportCounts counts = run(new ImportOptions(null, branches, Set.of(MatchPoint.values()), OnMatch.ADD, false),
                "koha-sample/koha_sample_bibs_with_952.mrc");

        assertThat(lines).filteredOn(l -> l.outcome().equals("ITEM")).isEmpty();
        assertThat(counts.read()).isEqualTo(435);
        assertThat(counts.added()).isEqualTo(435);
        assertThat(counts.items()).isEqualTo(958);
        assertThat(jdbc.sql("select count(distinct barcode) from item").query(Integer.class).single()).isEqualTo(958);
        assertThat(jdbc.sql("select count(*) from item where location_id is not null").query(Integer.class).single())
                .isPositive();
        assertThat(jdbc.sql("select count(distinct school_id) from item").query(Integer.class).single()).isEqualTo(3);
        ItemView first = copies.itemByBarcode("3999900000001").orElseThrow();
        assertThat(first.schoolId()).isEqualTo(district.school("OAK").orElseThrow().id());
        assertThat(district.location(first.schoolId(), first.locationId()).orElseThrow().code()).isEqualTo("GEN");
        assertThat(first.status()).isEqualTo(ItemStatus.AVAILABLE);
    }

    @Test
    void importsEvergreensConcertoDemoCatalogue() {
        ImportCounts counts = run(new ImportOptions(null, Map.of(), Set.of(), OnMatch.ADD, false),
                "evergreen/concerto/concerto_bibs.mrc");

        assertThat(counts).isEqualTo(new ImportCounts(339, 339, 0, 0, 0, 0, 0));
    }

    @Test
    void reportsEachBadRecordOfABrokenFileWithItsOffsetAndImportsTheRest() {
        ImportCounts counts = run(new ImportOptions(null, Map.of(), Set.of(), OnMatch.ADD, false),
                "marc4j-tests/pride-and-prejudice-with-many-errors.mrc");

        assertThat(counts.read()).isEqualTo(383);
        assertThat(counts.rejected()).isEqualTo(85);
        assertThat(counts.added()).isEqualTo(298);
        ImportLine first = lines.stream().filter(l -> l.outcome().equals("REJECTED")).findFirst().orElseThrow();
        assertThat(first.recordNumber()).isEqualTo(2);
        assertThat(first.byteOffset()).isEqualTo(665);
        assertThat(first.message()).isEqualTo("field 350 is not valid UTF-8");
    }

    @Test
    void importsTheFixedTwinOfTheBrokenFileWhole() {
        ImportCounts counts = run(new ImportOptions(null, Map.of(), Set.of(), OnMatch.ADD, false),
                "marc4j-tests/pride-and-prejudice-fixed.mrc");

        assertThat(counts).isEqualTo(new ImportCounts(383, 383, 0, 0, 0, 0, 0));
    }

    @Test
    void rejectsAuthorityRecordsAsNotBibliographic() {
        ImportCounts counts = run(ImportOptions.defaults(), "evergreen/auth-1066.mrc");

        assertThat(counts.read()).isEqualTo(1066);
        assertThat(counts.rejected()).isEqualTo(1066);
        assertThat(lines.get(0).message()).contains("authority record");
    }
}
