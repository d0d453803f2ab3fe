package org.carrel.circulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What notices are about, read in bulk for the notifications module's daily run: open loans due by a day, ready
 * holds, unpaid charges. Each line names its patron; only a notice to that patron, their guardians or (for overdue
 * loans) their homeroom teacher may use it.
 */
@Service
public class NoticeLines {

    /** An open loan; {@code lost} once its copy was declared lost. */
    public record LoanLine(long loanId, long patronId, long schoolId, String barcode, String title, LocalDate dueOn,
                           boolean lost) {
    }

    /** A hold whose copy waits on the hold shelf until {@code pickupBy}. */
    public record HoldLine(long holdId, long patronId, long pickupSchoolId, long recordId, LocalDate pickupBy) {
    }

    /** A charge with something still owed. */
    public record ChargeLine(long chargeId, long patronId, long schoolId, String kind, String description,
                             BigDecimal owed) {
    }

    private final JdbcClient jdbc;

    NoticeLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open loans due on or before {@code day} (not claimed returned), by patron then due day. */
    @Transactional(readOnly = true)
    public List<LoanLine> dueBy(LocalDate day) {
        return jdbc.sql("""
                        select id, patron_id, school_id, barcode, title, due_on, lost_at from loan
                        where due_on <= :day and claimed_returned_at is null
                        order by patron_id, due_on, id""").param("day", day)
                .query((row, n) -> new LoanLine(row.getLong("id"), row.getLong("patron_id"), row.getLong("school_id"),
                        row.getString("barcode"), row.getString("title"), row.getObject("due_on", LocalDate.class),
                        row.getObject("lost_at") != null)).list();
    }

    /** Holds ready on the hold shelf, by patron. */
    @Transactional(readOnly = true)
    public List<HoldLine> readyHolds() {
        return jdbc.sql("""
                        select id, patron_id, pickup_school_id, record_id, pickup_by from hold
                        where status = 'READY' and pickup_by is not null order by patron_id, id""")
                .query((row, n) -> new HoldLine(row.getLong("id"), row.getLong("patron_id"),
                        row.getLong("pickup_school_id"), row.getLong("record_id"),
                        row.getObject("pickup_by", LocalDate.class))).list();
    }

    /** Charges not settled, by patron. */
    @Transactional(readOnly = true)
    public List<ChargeLine> openCharges() {
        return jdbc.sql("""
                        select id, patron_id, school_id, kind, description, amount - paid - waived as owed from charge
                        where settled_at is null and patron_id is not null and amount - paid - waived > 0
                        order by patron_id, id""")
                .query((row, n) -> new ChargeLine(row.getLong("id"), row.getLong("patron_id"), row.getLong("school_id"),
                        row.getString("kind"), row.getString("description"), row.getBigDecimal("owed"))).list();
    }
}
