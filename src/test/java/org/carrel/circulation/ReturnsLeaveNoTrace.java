package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.patrons.PatronForm;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DESIGN's first privacy rule, checked on the whole database: after a return nothing ties a student to what they
 * borrowed unless they keep a reading history. Loans and returns go through {@link Circulation}; then
 * {@link PrivacyScan} reads every row of every table. While the loans are open the scan finds them (so it can see
 * a link), and the statistics keep the loans without the students. {@link ReturnsLeaveNoTraceTest} runs this on H2,
 * {@link ReturnsLeaveNoTraceOnPostgresTest} on PostgreSQL.
 */
abstract class ReturnsLeaveNoTrace {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Patrons patrons;
    @Autowired
    Copies copies;
    @Autowired
    JdbcClient jdbc;

    /** A student and the words that name them: barcode, student number, given name, full name. */
    record Student(long id, String barcode, List<String> words) {
    }

    @Test
    void aHundredReturnsByTenStudentsWithoutAReadingHistoryLeaveNoRowLinkingThemToTheCopiesAndAHundredStatistics() {
        String school = fixtures.school();
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            students.add(student(school, false));
        }
        List<ItemView> lent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lent.add(copy(school, i));
        }
        PrivacyScan.Traces traces = traces(students, lent);
        assertThat(PrivacyScan.tables(jdbc)).contains("loan", "loan_statistic", "reading_history", "hold", "charge",
                "audit_entry", "patron_engagement", "patron", "item");
        // Two rounds of five copies each (the default rule lends five at once): out, scanned once, back.
        for (int round = 0; round < 2; round++) {
            List<ItemView> batch = lent.subList(round * 50, round * 50 + 50);
            for (int i = 0; i < batch.size(); i++) {
                assertThat(circulation.checkout(CheckoutRequest.of(students.get(i % 10).barcode(),
                        batch.get(i).barcode(), "desk"))).isInstanceOf(CheckoutResult.CheckedOut.class);
            }
            if (round == 0) {
                assertThat(PrivacyScan.byTable(PrivacyScan.links(jdbc, traces)))
                        .as("while the copies are out, the scan sees each loan").isEqualTo(Map.of("loan", 50L));
            }
            for (ItemView copy : batch) {
                assertThat(circulation.checkin(copy.barcode(), null, "desk"))
                        .isInstanceOf(CheckinResult.CheckedIn.class);
            }
        }

        assertThat(PrivacyScan.links(jdbc, traces)).as("rows linking the students to the copies").isEmpty();
        long schoolId = fixtures.schoolId(school);
        List<Long> itemIds = lent.stream().map(ItemView::id).toList();
        assertThat(jdbc.sql("""
                        select count(*), count(distinct item_id) from loan_statistic
                        where item_id in (:items) and school_id = :school and patron_type = 'STUDENT' and grade = 4""")
                .param("items", itemIds).param("school", schoolId)
                .query((row, n) -> List.of(row.getInt(1), row.getInt(2))).single())
                .as("statistics rows, and copies among them").containsExactly(100, 100);
        assertThat(jdbc.sql("select count(*) from loan_statistic where item_id in (:items)").param("items", itemIds)
                .query(Integer.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("select sum(loans) from patron_engagement where patron_id in (:patrons)")
                .param("patrons", students.stream().map(Student::id).toList()).query(Integer.class).single())
                .as("engagement: counts only").isEqualTo(100);
        assertThat(students).allSatisfy(s -> assertThat(circulation.ownHistory(s.id())).isEmpty());
    }

    @Test
    void aStudentWhoKeepsAReadingHistoryIsLinkedToWhatTheyReadThereAndOnlyThereAndOnlyThey() {
        String school = fixtures.school();
        Student keeper = student(school, true);
        Student other = student(school, false);
        List<ItemView> keeperRead = new ArrayList<>();
        List<ItemView> otherRead = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ItemView copy = copy(school, i);
            Student reader = i % 2 == 0 ? keeper : other;
            assertThat(circulation.checkout(CheckoutRequest.of(reader.barcode(), copy.barcode(), "desk")))
                    .isInstanceOf(CheckoutResult.CheckedOut.class);
            (reader == keeper ? keeperRead : otherRead).add(copy);
        }
        for (ItemView copy : concat(keeperRead, otherRead)) {
            circulation.checkin(copy.barcode(), null, "desk");
        }

        List<PrivacyScan.Link> keeperLinks = PrivacyScan.links(jdbc, traces(List.of(keeper),
                concat(keeperRead, otherRead)));
        assertThat(PrivacyScan.byTable(keeperLinks)).isEqualTo(Map.of("reading_history", 5L));
        assertThat(keeperLinks).extracting(l -> ((Number) l.row().get("record_id")).longValue())
                .containsExactlyInAnyOrderElementsOf(keeperRead.stream().map(ItemView::recordId).toList());
        assertThat(PrivacyScan.links(jdbc, traces(List.of(other), concat(keeperRead, otherRead))))
                .as("rows linking the student without a history to any of the copies").isEmpty();
        assertThat(circulation.ownHistory(keeper.id())).extracting(Circulation.HistoryEntry::title)
                .containsExactlyInAnyOrderElementsOf(keeperRead.stream().map(ItemView::title).toList());
        assertThat(circulation.ownHistory(other.id())).isEmpty();
    }

    Student student(String school, boolean keepHistory) {
        int n = NEXT.incrementAndGet();
        String unique = n + "X" + System.nanoTime() % 1_000_000;
        String barcode = "PV" + unique;
        String given = "Reader" + unique;
        PatronsResult saved = patrons.create(new PatronForm("STUDENT", given, "Scanned", "", school, barcode,
                "SN" + unique, "4", "", "", "", "en", keepHistory ? "true" : "", "", null), "test");
        assertThat(saved.saved()).as("%s", saved).isTrue();
        long id = fixtures.patronId(barcode);
        return new Student(id, barcode, List.of(barcode, "SN" + unique, given, given + " Scanned"));
    }

    /** A copy of a title of its own, so the title's record and name point at this copy alone. */
    ItemView copy(String school, int n) {
        String title = "Privacy Scan " + NEXT.incrementAndGet() + "-" + n + " " + System.nanoTime() % 1_000_000;
        return copies.itemByBarcode(fixtures.copy(fixtures.title(title), school)).orElseThrow();
    }

    static PrivacyScan.Traces traces(List<Student> students, List<ItemView> items) {
        Set<String> patronWords = new HashSet<>();
        students.forEach(s -> patronWords.addAll(s.words()));
        Set<String> itemWords = new HashSet<>();
        items.forEach(i -> {
            itemWords.add(i.barcode());
            itemWords.add(i.title());
        });
        return new PrivacyScan.Traces(Set.copyOf(students.stream().map(Student::id).toList()), patronWords,
                Set.copyOf(items.stream().map(ItemView::id).toList()),
                Set.copyOf(items.stream().map(ItemView::recordId).toList()), itemWords);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
