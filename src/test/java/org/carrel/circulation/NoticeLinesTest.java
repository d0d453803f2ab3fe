package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What notices are about, read in bulk, on H2 and on PostgreSQL. */
class NoticeLinesTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 11, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate TODAY = NOW.toLocalDate();

    @OnEachDatabase
    void readsOpenLoansDueByADayReadyHoldsAndChargesStillOwed(JdbcClient jdbc) {
        jdbc.sql("""
                insert into school (id, code, name, lowest_grade, highest_grade, school_level)
                values (1, 'OAK', 'Oak Hill Elementary', 0, 5, 'ELEMENTARY')""").update();
        long patron = patron(jdbc, "P1");
        long other = patron(jdbc, "P2");
        jdbc.sql("""
                        insert into bib_record (marc, title, format, title_sort, created_at, updated_at)
                        values ('', 'Hatchet', 'BOOK', 'hatchet', :now, :now)""").param("now", NOW).update();
        long record = jdbc.sql("select max(id) from bib_record").query(Long.class).single();
        long late = loan(jdbc, record, patron, "B1", TODAY.minusDays(3), null, null);
        long lost = loan(jdbc, record, patron, "B2", TODAY.minusDays(70), NOW, null);
        loan(jdbc, record, patron, "B3", TODAY.minusDays(5), null, NOW); // claimed returned: no notices
        long soon = loan(jdbc, record, other, "B4", TODAY.plusDays(2), null, null);
        loan(jdbc, record, other, "B5", TODAY.plusDays(9), null, null);

        assertThat(new NoticeLines(jdbc).dueBy(TODAY.plusDays(2))).extracting(NoticeLines.LoanLine::loanId)
                .containsExactly(lost, late, soon);
        NoticeLines.LoanLine first = new NoticeLines(jdbc).dueBy(TODAY).get(0);
        assertThat(first.lost()).isTrue();
        assertThat(first.title()).isEqualTo("Hatchet");
        assertThat(first.barcode()).isEqualTo("B2");

        jdbc.sql("""
                        insert into hold (patron_id, record_id, pickup_school_id, status, placed_at, placed_by,
                                          trapped_item_id, ready_at, pickup_by)
                        values (:p, :r, 1, 'READY', :now, 'test', :item, :now, :by)""")
                .param("p", patron).param("r", record).param("now", NOW).param("by", TODAY.plusDays(7))
                .param("item", item(jdbc, record, "B6")).update();
        jdbc.sql("""
                        insert into hold (patron_id, record_id, pickup_school_id, status, placed_at, placed_by)
                        values (:p, :r, 1, 'WAITING', :now, 'test')""")
                .param("p", other).param("r", record).param("now", NOW).update();
        assertThat(new NoticeLines(jdbc).readyHolds()).singleElement().satisfies(h -> {
            assertThat(h.patronId()).isEqualTo(patron);
            assertThat(h.pickupBy()).isEqualTo(TODAY.plusDays(7));
        });

        charge(jdbc, patron, "15.00", "5.00", null);
        charge(jdbc, patron, "3.00", "3.00", null); // paid
        charge(jdbc, other, "2.00", "0", NOW); // settled
        assertThat(new NoticeLines(jdbc).openCharges()).singleElement().satisfies(c -> {
            assertThat(c.patronId()).isEqualTo(patron);
            assertThat(c.owed()).isEqualByComparingTo(new BigDecimal("10.00"));
            assertThat(c.kind()).isEqualTo("LOST");
        });
    }

    private static long patron(JdbcClient jdbc, String barcode) {
        jdbc.sql("""
                        insert into patron (patron_type, given_name, family_name, name_key, school_id, barcode,
                                            created_at, updated_at)
                        values ('STUDENT', 'Ana', 'Lopez', 'lopez ana', 1, :barcode, :now, :now)""")
                .param("barcode", barcode).param("now", NOW).update();
        return jdbc.sql("select id from patron where barcode = :b").param("b", barcode).query(Long.class).single();
    }

    private static long item(JdbcClient jdbc, long record, String barcode) {
        jdbc.sql("""
                        insert into item (record_id, barcode, school_id, call_number_sort, item_type, status,
                                          status_changed_at, created_at)
                        values (:record, :barcode, 1, 'a', 'BOOK', 'CHECKED_OUT', :now, :now)""")
                .param("record", record).param("barcode", barcode).param("now", NOW).update();
        return jdbc.sql("select id from item where barcode = :b").param("b", barcode).query(Long.class).single();
    }

    private static long loan(JdbcClient jdbc, long record, long patron, String barcode, LocalDate due,
                             OffsetDateTime lostAt, OffsetDateTime claimedAt) {
        long item = item(jdbc, record, barcode);
        jdbc.sql("""
                        insert into loan (item_id, patron_id, school_id, record_id, item_type, barcode, title,
                                          checked_out_at, due_on, due_at, max_renewals, lost_at, claimed_returned_at)
                        values (:item, :patron, 1, :record, 'BOOK', :barcode, 'Hatchet', :now, :due, :now, 2,
                                :lost, :claimed)""")
                .param("item", item).param("patron", patron).param("record", record).param("barcode", barcode)
                .param("now", NOW).param("due", due).param("lost", lostAt).param("claimed", claimedAt).update();
        return jdbc.sql("select id from loan where item_id = :i").param("i", item).query(Long.class).single();
    }

    private static void charge(JdbcClient jdbc, long patron, String amount, String paid, OffsetDateTime settled) {
        jdbc.sql("""
                        insert into charge (patron_id, school_id, kind, amount, paid, description, created_at,
                                            created_by, settled_at)
                        values (:p, 1, 'LOST', :amount, :paid, 'Lost: Hatchet', :now, 'test', :settled)""")
                .param("p", patron).param("amount", new BigDecimal(amount)).param("paid", new BigDecimal(paid))
                .param("now", NOW).param("settled", settled).update();
    }
}
