package org.carrel.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.carrel.catalog.importing.MarcFileReader.Bad;
import org.carrel.catalog.importing.MarcFileReader.Entry;
import org.carrel.catalog.importing.MarcFileReader.Read;
import org.carrel.testing.Skips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;

/**
 * Runs the reader over every MARC file of the shared data set (CI sets {@code CARREL_SHARED_DATA}). The expected
 * counts were established with this reader and checked against {@code yaz-marcdump -np FILE} and the raw count of
 * record terminators: every ISO 2709 file gives read + bad = terminators (+1 for a truncated last record). Where yaz
 * differs it is because yaz silently drops what it cannot read: bad_hathi_records (yaz 4, one 1 MB record without a
 * usable directory), bad_too_long_plus_2 (yaz 1), 008008027 (yaz 19, a truncated last record that yaz reads in part).
 */
class SharedMarcFilesTest {

    record Expected(String path, int read, int bad) {
    }

    private static Expected row(String path, int read, int bad) {
        return new Expected(path, read, bad);
    }

    static final List<Expected> EXPECTED = List.of(
            row("evergreen/FSL.marc", 52, 0),
            row("evergreen/RDA/RDA_record_CD_Claudia.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_DVD-BLUE-RAY-MOVIE_Pineapple_express.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_DVD_Jorge_Mautner.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_MAP_2012_Enchanted_Circle.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_PHOTO_Srid_pa_ho.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_SCORE-CD_Arias_for_soprano.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_SCORE_Arias_for_bass.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_SCORE_Intermediate_studies.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_SCORE_Wiegenlied.mrc", 1, 0),
            row("evergreen/RDA/RDA_record_SERIAL_IEEE_International_conference.mrc", 1, 0),
            row("evergreen/auth-1066.mrc", 1066, 0),
            row("evergreen/auth-subset100.mrc", 17, 0),
            row("evergreen/badisbns.xml", 10, 0),
            row("evergreen/concerto/concerto_bibs.marcxml", 339, 0),
            row("evergreen/concerto/concerto_bibs.mrc", 339, 0),
            row("evergreen/hebrew.marc", 20, 0),
            row("evergreen/jazz_1k.mrc", 1000, 0),
            row("evergreen/lul_fre_100.mrc", 100, 0),
            row("evergreen/lul_fre_500.mrc", 500, 0),
            row("evergreen/map_data.mrc", 3, 0),
            row("evergreen/nepali.marc", 96, 0),
            row("evergreen/oss.marc", 40, 2),
            row("evergreen/sample_acq_order.mrc", 10, 0),
            row("evergreen/serials_marc21.xml", 7, 0),
            row("evergreen/serials_mfhd.xml", 7, 0),
            row("koha-sample/koha_sample_bibs.marcxml", 435, 0),
            row("koha-sample/koha_sample_bibs.mrc", 435, 0),
            row("koha-sample/koha_sample_bibs_invalid_xmlchars.marcxml.txt", 0, 1),
            row("koha-sample/koha_sample_bibs_with_952.marcxml", 435, 0),
            row("koha-sample/koha_sample_bibs_with_952.mrc", 435, 0),
            row("marc4j-tests/008008027.mrc", 18, 1),
            row("marc4j-tests/065001035.mrc", 40, 0),
            row("marc4j-tests/1474920681_KOHA_LFL_5.xml", 1, 0),
            row("marc4j-tests/1474920681_KOHA_LFL_6_with_comment.xml", 1, 0),
            row("marc4j-tests/185258.mrc", 1, 0),
            row("marc4j-tests/54-56-008008027.mrc", 5, 0),
            row("marc4j-tests/OCLC_814388508.xml", 1, 0),
            row("marc4j-tests/azdoud.xml", 1, 0),
            row("marc4j-tests/bad-characters-in-various-fields.mrc", 0, 1),
            row("marc4j-tests/bad_hathi_records.mrc", 4, 1),
            row("marc4j-tests/bad_leaders_10_11.mrc", 1, 0),
            row("marc4j-tests/bad_oversize_field_bad_directory.mrc", 4, 1),
            row("marc4j-tests/bad_too_long_plus_2.mrc", 2, 1),
            row("marc4j-tests/brkrtest.mrc", 8, 0),
            row("marc4j-tests/brkrtest_UTF8.mrc", 8, 0),
            row("marc4j-tests/chabon-bad-subfields-element.xml", 0, 1),
            row("marc4j-tests/chabon-loc.mrc", 2, 0),
            row("marc4j-tests/chabon-missing-controlfield-tag.xml", 0, 1),
            row("marc4j-tests/chabon-missing-datafield-tag.xml", 0, 1),
            row("marc4j-tests/chabon-missing-subfield-code.xml", 0, 1),
            row("marc4j-tests/chabon-record-type-bad.xml", 2, 0),
            row("marc4j-tests/chabon-record-type.xml", 2, 0),
            row("marc4j-tests/chabon.mrc", 2, 0),
            row("marc4j-tests/chabon.xml", 2, 0),
            row("marc4j-tests/chinese_mangled_multibyte.mrc", 4, 0),
            row("marc4j-tests/cruel-cruel-indicatorless-summerland.xml", 1, 0),
            row("marc4j-tests/cyrillic_capital_e.mrc", 2, 0),
            row("marc4j-tests/datos-20161010-slice.mrc", 0, 1),
            row("marc4j-tests/dp_004015001.mrc", 3, 0),
            row("marc4j-tests/field700_4_test.mrc", 2, 0),
            row("marc4j-tests/getty_test_1.mrc", 1, 0),
            row("marc4j-tests/getty_test_output.mrc", 1, 0),
            row("marc4j-tests/greekmissingcharsetchange.mrc", 3, 0),
            row("marc4j-tests/incomplete_esc_seq.mrc", 1, 0),
            row("marc4j-tests/kan1222221.mrc", 1, 0),
            row("marc4j-tests/loongboonmee.mrc", 2, 0),
            row("marc4j-tests/not_unimarc_errors_3.mrc", 0, 3),
            row("marc4j-tests/oclc_63111280_export_as_UTF8_from_connexion.mrc", 1, 0),
            row("marc4j-tests/pride-and-prejudice-fixed.mrc", 383, 0),
            row("marc4j-tests/pride-and-prejudice-with-many-errors.mrc", 298, 85),
            row("marc4j-tests/rec1.mrc", 1, 0),
            row("marc4j-tests/rec2.mrc", 1, 0),
            row("marc4j-tests/rec3.mrc", 1, 0),
            row("marc4j-tests/sample1.mrc", 7, 1),
            row("marc4j-tests/sample1a.xml", 9, 0),
            row("marc4j-tests/selectedRecs.mrc", 11, 0),
            row("marc4j-tests/summerland-record-with-type.xml", 1, 0),
            row("marc4j-tests/summerland-record.xml", 1, 0),
            row("marc4j-tests/summerland.mrc", 1, 0),
            row("marc4j-tests/summerland.xml", 1, 0),
            row("marc4j-tests/summerlandwith710.xml", 1, 0),
            row("marc4j-tests/u17_utf8.mrc", 1, 0),
            row("marc4j-tests/u335.mrc", 1, 0),
            row("marc4j-tests/unordered-directory-entries.mrc", 1, 0));

    private Path marc;

    @BeforeEach
    void sharedData() {
        String dir = System.getenv("CARREL_SHARED_DATA");
        Skips.skipUnless(dir != null, "CARREL_SHARED_DATA is not set, so the real MARC files cannot be read");
        marc = Path.of(dir, "marc");
    }

    @Test
    void everyMarcFileGivesTheExpectedReadAndBadCounts() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(marc)) {
            found = files.filter(Files::isRegularFile).map(p -> marc.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches(".*\\.(mrc|marc|xml|marcxml)") || p.contains("invalid_xmlchars"))
                    .sorted().toList();
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(EXPECTED.stream().map(Expected::path).toList());
        for (Expected expected : EXPECTED) {
            List<Entry> entries = readAll(marc.resolve(expected.path()));
            long read = entries.stream().filter(e -> e instanceof Read).count();
            assertThat(read).as(expected.path() + " read").isEqualTo(expected.read());
            assertThat(entries.size() - read).as(expected.path() + " bad").isEqualTo(expected.bad());
            assertThat(entries).extracting(Entry::number).as(expected.path() + " numbering")
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, entries.size()).boxed().toList());
            if (!expected.path().endsWith("xml") && !expected.path().endsWith(".txt")) {
                assertThat(entries).as(expected.path() + " against terminators")
                        .hasSize(rawRecordCount(marc.resolve(expected.path())));
            }
        }
    }

    @Test
    void jazzReadsAThousandMarc8RecordsWithTheirDiacritics() throws IOException {
        List<Entry> entries = readAll(marc.resolve("evergreen/jazz_1k.mrc"));

        assertThat(entries).hasSize(1000).allMatch(e -> e instanceof Read);
        Read koln = (Read) entries.get(187);
        assertThat(koln.record().getControlNumber()).isEqualTo("03-0017438");
        assertThat(((DataField) koln.record().getVariableField("245")).getSubfield('a').getData())
                .startsWith("The K\u00F6ln concert");
    }

    @Test
    void concertoReadsWhole() throws IOException {
        assertThat(readAll(marc.resolve("evergreen/concerto/concerto_bibs.mrc")))
                .hasSize(339).allMatch(e -> e instanceof Read);
    }

    @Test
    void prideAndPrejudiceReportsItsBadRecordsWithOffsetsWhileTheFixedTwinReadsWhole() throws IOException {
        List<Entry> broken = readAll(marc.resolve("marc4j-tests/pride-and-prejudice-with-many-errors.mrc"));
        List<Entry> fixed = readAll(marc.resolve("marc4j-tests/pride-and-prejudice-fixed.mrc"));

        assertThat(fixed).hasSize(383).allMatch(e -> e instanceof Read);
        assertThat(broken).hasSize(383);
        assertThat(broken.get(1)).isEqualTo(new Bad(2, 665, "field 350 is not valid UTF-8"));
        assertThat(broken).filteredOn(e -> e instanceof Bad).allMatch(e -> e.offset() > 0);
    }

    @Test
    void kohaSampleGivesNineHundredFiftyEightItemsMatchingTheKohaItemsTable() throws IOException {
        List<Entry> entries = readAll(marc.resolve("koha-sample/koha_sample_bibs_with_952.mrc"));
        assertThat(entries).hasSize(435).allMatch(e -> e instanceof Read);
        List<ItemDraft> items = new ArrayList<>();
        for (Entry entry : entries) {
            Holdings holdings = HoldingsMapping.holdings(((Read) entry).record());
            // Some records also carry an 852 without a barcode; nothing else may be odd.
            assertThat(holdings.warnings()).allMatch(w -> w.startsWith("field 852") && w.endsWith("no barcode, so no"
                    + " item was made"));
            items.addAll(holdings.items());
        }

        assertThat(items).hasSize(958);
        assertThat(items).extracting(ItemDraft::barcode).doesNotHaveDuplicates();
        Map<String, Map<String, String>> table = kohaItems();
        for (ItemDraft item : items) {
            Map<String, String> row = table.get(item.barcode());
            assertThat(row).as("item " + item.barcode() + " in koha_sample_items.csv").isNotNull();
            assertThat(item.status()).as(item.barcode()).isEqualTo(statusOf(row));
            assertThat(item.itemType()).as(item.barcode()).isEqualTo(Map.of("BK", ItemType.BOOK, "MU",
                    ItemType.MUSIC_CD, "VM", ItemType.DVD).get(row.get("itype")));
            assertThat(item.schoolCode()).isEqualTo(row.get("homebranch"));
            assertThat(item.locationCode()).isEqualTo(row.get("location").isEmpty() ? null : row.get("location"));
        }
    }

    private static ItemStatus statusOf(Map<String, String> row) {
        if (!"0".equals(row.get("withdrawn"))) {
            return ItemStatus.WITHDRAWN;
        }
        if (!"0".equals(row.get("itemlost"))) {
            return ItemStatus.LOST;
        }
        if (!"0".equals(row.get("damaged"))) {
            return ItemStatus.DAMAGED;
        }
        return row.get("onloan").isEmpty() ? ItemStatus.AVAILABLE : ItemStatus.CHECKED_OUT;
    }

    /** The Koha items export has no quoted commas, so a split is enough. */
    private Map<String, Map<String, String>> kohaItems() throws IOException {
        Map<String, Map<String, String>> byBarcode = new HashMap<>();
        Path csv = marc.resolveSibling("circulation").resolve("koha-sample/koha_sample_items.csv");
        try (BufferedReader lines = Files.newBufferedReader(csv)) {
            String[] header = lines.readLine().split(",", -1);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                byBarcode.put(row.get("barcode"), row);
            }
        }
        return byBarcode;
    }

    /** Record terminators, plus one when data that is not white space follows the last one (a truncated record). */
    private static int rawRecordCount(Path file) throws IOException {
        int terminators = 0;
        boolean trailing = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0x1D) {
                        terminators++;
                        trailing = false;
                    } else if (!Character.isWhitespace(buffer[i]) && buffer[i] != 0x1A) {
                        trailing = true;
                    }
                }
            }
        }
        return terminators + (trailing ? 1 : 0);
    }

    private static List<Entry> readAll(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (MarcFileReader reader = MarcFileReader.open(file)) {
            reader.forEachRemaining(entries::add);
        }
        return entries;
    }
}
