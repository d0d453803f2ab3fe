package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemForm;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.patrons.PatronForm;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Evergreen's "concerto" demo library ({@code CARREL_SHARED_DATA/circulation/evergreen-concerto}: org units, patrons,
 * items, circulations, holds, with the bibliographic records of {@code marc/evergreen/concerto}) loaded into a fresh
 * Carrel database as a migration would: records and copies through the catalogue, patrons through the patrons
 * module, open loans and holds through {@link LoanImport}. What is expected is counted from the CSV files here,
 * never written down. CI only: skipped, with the reason printed, without the shared data. The database is closed
 * (a PostgreSQL schema dropped) when the class is done: nothing else uses it.
 *
 * <p>Mapping: each org unit is a school (its short name the code). Juvenile patrons are students (grade from the
 * date of birth, else 5), staff profiles (Evergreen's groups 3 to 15) staff, everyone else community; inactive or
 * expired (by the snapshot's day) patrons are inactive; barred ones blocked. A copy circulates at its circ_lib;
 * status 0 is available, 1 (checked out) and 3 (lost) come from the open circulations; a pre-catalogued copy (no
 * bib) and a bib the MARC file lacks get a brief record; a circulation with {@code stop_fines=LOST} is a lost loan.
 * Title holds (T) are on the record, copy holds (C) on the copy; metarecord holds (M) have no Carrel equivalent and
 * are left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(EvergreenSnapshot.SharedData.class)
@DirtiesContext
abstract class EvergreenSnapshot {

    /** The instant the overdue job runs at: long after every due date of the snapshot. */
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static final DateTimeFormatter EVERGREEN_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:mm", "Z").toFormatter();
    private static final Set<String> STAFF_PROFILES = Set.of("3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
            "13", "14", "15");

    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    Patrons patrons;
    @Autowired
    District district;
    @Autowired
    LoanImport imports;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    JdbcClient jdbc;

    List<CSVRecord> items;
    List<CSVRecord> people;
    /** Open circulations (no check-in) whose patron and copy exist. */
    List<CSVRecord> openLoans;
    /** Open title and copy holds whose target exists, in queue order (request time, then hold id). */
    List<CSVRecord> openHolds;
    final Map<String, Long> schools = new HashMap<>();
    final Map<String, Long> records = new HashMap<>();
    final Map<String, CSVRecord> copyById = new HashMap<>();
    /** Each copy's record (by copy id): its bib, or a brief record (see {@link #briefRecord}). */
    final Map<String, Long> copyRecords = new HashMap<>();
    final Map<String, Long> briefRecords = new HashMap<>();
    LoanImport.Report loanReport;
    LoanImport.Report holdReport;
    List<CSVRecord> circulations;

    @BeforeAll
    void loadTheSnapshot() throws IOException {
        Path folder = Path.of(System.getenv("CARREL_SHARED_DATA"));
        Path csv = folder.resolve("circulation/evergreen-concerto");
        long started = System.nanoTime();
        for (CSVRecord unit : read(csv.resolve("org_units.csv"))) {
            String code = unit.get("shortname");
            assertThat(district.createSchool(new SchoolForm(code, unit.get("name"), "K", "12", "OTHER", null, null,
                    null, null, null, null), "import").saved()).as("school %s", code).isTrue();
            schools.put(code, district.school(code).orElseThrow().id());
        }
        try (InputStream in = Files.newInputStream(folder.resolve("marc/evergreen/concerto/concerto_bibs.mrc"))) {
            MarcStreamReader reader = new MarcStreamReader(in);
            while (reader.hasNext()) {
                Record marc = reader.next();
                CatalogResult saved = catalog.createRecord(marc, "import");
                records.put(marc.getControlNumber().strip(), ((CatalogResult.Saved) saved).id());
            }
        }
        items = read(csv.resolve("items.csv"));
        for (CSVRecord item : items) {
            copyById.put(item.get("copy_id"), item);
            String bib = item.get("bib_id");
            copyRecords.put(item.get("copy_id"), records.containsKey(bib) ? records.get(bib) : bib.isEmpty()
                    ? briefRecord("Pre-catalogued copy " + item.get("barcode"))
                    : briefRecords.computeIfAbsent(bib, b -> briefRecord("Evergreen bib " + b)));
            assertThat(copies.addItem(copyRecords.get(item.get("copy_id")), new ItemForm(item.get("barcode"),
                    schools.get(item.get("circ_lib")).toString(), "", item.get("call_number"), "BOOK",
                    newCopyStatus(item.get("status_id")).name(), "", item.get("price"), "", "", "", "", "", ""),
                    "import").saved()).as("copy %s", item.get("barcode")).isTrue();
        }
        circulations = read(csv.resolve("circulations.csv"));
        List<CSVRecord> allHolds = read(csv.resolve("holds.csv"));
        Instant snapshot = circulations.stream().map(c -> instant(c.get("xact_start")))
                .max(Comparator.naturalOrder()).orElseThrow();
        snapshot = allHolds.stream().map(h -> instant(h.get("request_time"))).reduce(snapshot,
                (a, b) -> a.isAfter(b) ? a : b);
        people = read(csv.resolve("patrons.csv"));
        for (CSVRecord person : people) {
            addPatron(person, snapshot);
        }
        Set<String> patronBarcodes = people.stream().map(p -> p.get("barcode")).collect(Collectors.toSet());
        Set<String> itemBarcodes = items.stream().map(i -> i.get("barcode")).collect(Collectors.toSet());
        openLoans = circulations.stream().filter(c -> c.get("checkin_time").isEmpty())
                .filter(c -> patronBarcodes.contains(c.get("patron_barcode")))
                .filter(c -> itemBarcodes.contains(c.get("item_barcode"))).toList();
        loanReport = imports.loans(circulations.stream().filter(c -> c.get("checkin_time").isEmpty())
                .map(c -> new LoanImport.ExistingLoan(c.get("patron_barcode"), c.get("item_barcode"),
                        instant(c.get("xact_start")), instant(c.get("due_date")),
                        c.get("stop_fines").equals("LOST"))).toList(), "import");
        openHolds = allHolds.stream()
                .filter(h -> h.get("fulfillment_time").isEmpty() && h.get("cancel_time").isEmpty())
                .filter(h -> h.get("hold_type").equals("T") && records.containsKey(h.get("target"))
                        || h.get("hold_type").equals("C") && copyById.containsKey(h.get("target")))
                .sorted(Comparator.comparing((CSVRecord h) -> instant(h.get("request_time")))
                        .thenComparing(h -> Long.parseLong(h.get("hold_id"))))
                .toList();
        holdReport = imports.holds(openHolds.stream().map(h -> new LoanImport.ExistingHold(h.get("patron_barcode"),
                recordOf(h), h.get("hold_type").equals("C") ? copyById.get(h.get("target")).get("barcode") : null,
                schools.get(h.get("pickup_lib")), instant(h.get("request_time")))).toList(), "import");
        System.out.printf("[timing] %s: snapshot loaded (%d records, %d copies, %d patrons, %d loans, %d holds;"
                        + " %d metarecord holds left out) in %d ms%n", getClass().getSimpleName(), records.size(),
                items.size(), people.size(), loanReport.imported(), holdReport.imported(),
                allHolds.stream().filter(h -> h.get("hold_type").equals("M")).count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(1)
    void everyOpenLoanWhosePatronAndCopyExistIsImportedWithItsDatesAndTheOthersAreReportedUnknown() {
        long withoutCopy = circulations.stream().filter(c -> c.get("checkin_time").isEmpty()).count()
                - openLoans.size();
        assertThat(loanReport.imported()).isEqualTo(openLoans.size());
        assertThat(loanReport.skipped()).hasSize((int) withoutCopy);
        assertThat(loanReport.skipped().values()).allMatch(r -> r == Refusal.UNKNOWN_ITEM);
        assertThat(jdbc.sql("select count(*) from loan").query(Integer.class).single()).isEqualTo(openLoans.size());
        for (CSVRecord circ : openLoans) {
            LoanView loan = circulation.loanOf(circ.get("item_barcode")).orElseThrow();
            assertThat(patrons.summary(loan.patronId()).orElseThrow().barcode()).isEqualTo(circ.get("patron_barcode"));
            assertThat(loan.dueAt().toInstant()).isEqualTo(instant(circ.get("due_date")));
            assertThat(loan.checkedOutAt().toInstant()).isEqualTo(instant(circ.get("xact_start")));
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'circulation.loans.imported'")
                .query(Integer.class).single()).as("one audit entry for the batch").isEqualTo(1);
    }

    @Test
    @Order(2)
    void everyCopyHasTheStatusEvergreenGaveIt() {
        Map<ItemStatus, Long> expected = items.stream().collect(Collectors.groupingBy(
                i -> finalStatus(i.get("status_id")), Collectors.counting()));
        Map<ItemStatus, Long> actual = items.stream().collect(Collectors.groupingBy(
                i -> copies.itemByBarcode(i.get("barcode")).orElseThrow().status(), Collectors.counting()));
        assertThat(actual).isEqualTo(expected);
        assertThat(items).allSatisfy(i -> assertThat(copies.itemByBarcode(i.get("barcode")).orElseThrow().status())
                .as(i.get("barcode")).isEqualTo(finalStatus(i.get("status_id"))));
    }

    @Test
    @Order(3)
    void theOverdueJobReportsEachLoanDueBeforeNowThatIsNotLostOnce() {
        long overdue = openLoans.stream().filter(c -> !c.get("stop_fines").equals("LOST"))
                .filter(c -> instant(c.get("due_date")).isBefore(NOW)).count();
        assertThat(overdue).isPositive();
        assertThat(circulation.reportOverdues(NOW.atZone(ZoneOffset.UTC))).isEqualTo((int) overdue);
        assertThat(circulation.reportOverdues(NOW.atZone(ZoneOffset.UTC))).as("reported once").isZero();
    }

    @Test
    @Order(4)
    void theLoansEvergreenStoppedAsLostAreLostAndTheirCopiesToo() {
        Set<String> lost = openLoans.stream().filter(c -> c.get("stop_fines").equals("LOST"))
                .map(c -> c.get("item_barcode")).collect(Collectors.toSet());
        assertThat(lost).isNotEmpty();
        assertThat(jdbc.sql("select barcode from loan where lost_at is not null").query(String.class).set())
                .isEqualTo(lost);
        assertThat(lost).allSatisfy(b -> assertThat(copies.itemByBarcode(b).orElseThrow().status())
                .isEqualTo(ItemStatus.LOST));
    }

    @Test
    @Order(5)
    void openHoldsQueueOnTheirTitleOrCopyInTheOrderTheyWereRequested() {
        Set<String> patronBarcodes = people.stream().map(p -> p.get("barcode")).collect(Collectors.toSet());
        List<CSVRecord> expected = openHolds.stream().filter(h -> patronBarcodes.contains(h.get("patron_barcode")))
                .toList();
        assertThat(holdReport.imported()).isEqualTo(expected.size());
        assertThat(holdReport.skipped()).hasSize(openHolds.size() - expected.size());
        assertThat(holdReport.skipped().values()).allMatch(r -> r == Refusal.UNKNOWN_PATRON);
        Map<Long, List<String>> expectedQueues = expected.stream().collect(Collectors.groupingBy(this::recordOf,
                LinkedHashMap::new, Collectors.mapping(this::describe, Collectors.toList())));
        for (Map.Entry<Long, List<String>> queue : expectedQueues.entrySet()) {
            assertThat(holds.queue(queue.getKey()).stream().map(this::describe).toList())
                    .as("queue of record %d", queue.getKey()).isEqualTo(queue.getValue());
        }
        assertThat(jdbc.sql("select count(*) from hold where status = 'WAITING'").query(Integer.class).single())
                .isEqualTo(expected.size());
    }

    @Test
    @Order(6)
    void aCheckinOfACopyOfAHeldTitleSetsItAsideForTheFirstHoldInItsQueue() {
        Set<String> patronBarcodes = people.stream().map(p -> p.get("barcode")).collect(Collectors.toSet());
        Map<String, CSVRecord> lentCopies = openLoans.stream().filter(c -> !c.get("stop_fines").equals("LOST"))
                .collect(Collectors.toMap(c -> c.get("item_barcode"), Function.identity()));
        CSVRecord copy = items.stream().filter(i -> lentCopies.containsKey(i.get("barcode")))
                .filter(i -> openHolds.stream().anyMatch(h -> h.get("hold_type").equals("T")
                        && h.get("target").equals(i.get("bib_id"))))
                .findFirst().orElseThrow();
        CSVRecord first = openHolds.stream().filter(h -> patronBarcodes.contains(h.get("patron_barcode")))
                .filter(h -> h.get("hold_type").equals("T") ? h.get("target").equals(copy.get("bib_id"))
                        : copyById.get(h.get("target")) == copy)
                .findFirst().orElseThrow();

        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) circulation.checkin(copy.get("barcode"), null, "desk");

        assertThat(in.holdFor().barcode()).isEqualTo(first.get("patron_barcode"));
        long pickup = schools.get(first.get("pickup_lib"));
        boolean here = pickup == schools.get(copy.get("circ_lib"));
        assertThat(in.routing()).isEqualTo(here ? Routing.HOLD_SHELF : Routing.TRANSIT);
        if (!here) {
            assertThat(in.destinationSchoolId()).isEqualTo(pickup);
        }
        HoldView hold = holds.hold(in.holdId()).orElseThrow();
        assertThat(hold.trappedItemId()).isEqualTo(in.item().id());
        assertThat(hold.status()).isEqualTo(here ? "READY" : "IN_TRANSIT");
        assertThat(circulation.loanOf(copy.get("barcode"))).isEmpty();
    }

    /**
     * Evergreen lends copies not yet catalogued (no bib), and some copies name bibs the MARC file lacks: a migration
     * gives each pre-catalogued copy, and each missing bib, a brief record.
     */
    private Long briefRecord(String title) {
        CatalogResult saved = catalog.catalogue(new BasicDescription(title,
                null, null, List.of(), null, null, List.of(), null, null, null, null, "BOOK", "eng"), "import");
        return ((CatalogResult.Saved) saved).id();
    }

    private void addPatron(CSVRecord person, Instant snapshot) {
        boolean juvenile = person.get("juvenile").equals("1");
        String type = juvenile ? "STUDENT" : STAFF_PROFILES.contains(person.get("profile_id")) ? "STAFF"
                : "COMMUNITY";
        PatronsResult saved = patrons.create(new PatronForm(type, person.get("first_given_name"),
                person.get("family_name"), "", person.get("home_ou"), person.get("barcode"), "",
                juvenile ? grade(person.get("dob"), snapshot) : "", "", "", "", "en", "", "", null), "import");
        assertThat(saved.saved()).as("patron %s: %s", person.get("barcode"), saved).isTrue();
        long id = ((PatronsResult.Saved) saved).id();
        if (person.get("active").equals("0") || instant(person.get("expire_date")).isBefore(snapshot)) {
            patrons.setStatus(id, PatronStatus.INACTIVE, "import");
        }
        if (person.get("barred").equals("1")) {
            patrons.block(id, "Barred in Evergreen", "import");
        }
    }

    /** Age on the first of September of the snapshot's school year, less five (kindergarten at five). */
    private static String grade(String dob, Instant snapshot) {
        if (dob.isEmpty()) {
            return "5";
        }
        LocalDate day = snapshot.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate september = LocalDate.of(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1, 9, 1);
        long grade = Math.max(0, Math.min(12, ChronoUnit.YEARS.between(LocalDate.parse(dob), september) - 5));
        return grade == 0 ? "K" : Long.toString(grade);
    }

    /** The status a copy is added with; checked-out and lost copies get theirs from their loan. */
    private static ItemStatus newCopyStatus(String evergreenStatus) {
        ItemStatus status = finalStatus(evergreenStatus);
        return status == ItemStatus.CHECKED_OUT || status == ItemStatus.LOST ? ItemStatus.AVAILABLE : status;
    }

    /** Evergreen's config.copy_status ids the snapshot uses (others fail the test, to be mapped when they come). */
    private static ItemStatus finalStatus(String evergreenStatus) {
        switch (evergreenStatus) {
            case "0":
            case "7":
                return ItemStatus.AVAILABLE;
            case "1":
                return ItemStatus.CHECKED_OUT;
            case "2":
                return ItemStatus.IN_REPAIR;
            case "3":
                return ItemStatus.LOST;
            case "4":
                return ItemStatus.MISSING;
            case "9":
                return ItemStatus.ON_ORDER;
            default:
                throw new IllegalStateException("Evergreen copy status " + evergreenStatus + " is not mapped");
        }
    }

    private long recordOf(CSVRecord hold) {
        return hold.get("hold_type").equals("T") ? records.get(hold.get("target"))
                : copyRecords.get(hold.get("target"));
    }

    private String describe(CSVRecord hold) {
        return hold.get("patron_barcode") + (hold.get("hold_type").equals("C")
                ? " copy " + copyById.get(hold.get("target")).get("barcode") : " title");
    }

    private String describe(HoldView hold) {
        return patrons.summary(hold.patronId()).orElseThrow().barcode() + (hold.itemId() == null ? " title"
                : " copy " + copies.item(hold.itemId()).orElseThrow().barcode());
    }

    static Instant instant(String evergreenTime) {
        return EVERGREEN_TIME.parse(evergreenTime, Instant::from);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        }
    }

    /** Skips the class, visibly and before its Spring context starts, without the shared data folder. */
    static class SharedData implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String folder = System.getenv("CARREL_SHARED_DATA");
            if (folder != null && !folder.isBlank()) {
                return ConditionEvaluationResult.enabled("shared data at " + folder);
            }
            String reason = "the Evergreen snapshot is not loaded: set CARREL_SHARED_DATA to the shared data folder"
                    + " (CI does)";
            if (context.getTestMethod().isEmpty()) {
                System.out.println("[SKIPPED] " + context.getRequiredTestClass().getSimpleName() + ": " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
