package org.carrel.circulation;

import java.time.LocalDate;
import java.util.List;

import org.carrel.catalog.ItemType;
import org.carrel.patrons.PatronType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of what returns leave behind: anonymous loan statistics, opted-in reading histories, per-patron engagement
 * counts (no titles) and in-library use.
 */
@Repository
class StatisticStore {

    private final JdbcClient jdbc;

    StatisticStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void loanReturned(long schoolId, PatronType type, Integer grade, long itemId, long recordId, ItemType itemType,
                      LocalDate out, LocalDate due, LocalDate returned, int renewals, boolean classSet) {
        jdbc.sql("""
                        insert into loan_statistic (school_id, patron_type, grade, item_id, record_id, item_type,
                            checked_out_on, due_on, returned_on, renewals, class_set)
                        values (:school, :type, :grade, :item, :record, :itemType, :out, :due, :returned, :renewals,
                            :classSet)""")
                .param("school", schoolId).param("type", type.name()).param("grade", grade).param("item", itemId)
                .param("record", recordId).param("itemType", itemType.name()).param("out", out).param("due", due)
                .param("returned", returned).param("renewals", renewals).param("classSet", classSet).update();
    }

    void remember(long patronId, long recordId, String title, LocalDate out, LocalDate returned) {
        jdbc.sql("""
                        insert into reading_history (patron_id, record_id, title, checked_out_on, returned_on)
                        values (:patron, :record, :title, :out, :returned)""")
                .param("patron", patronId).param("record", recordId).param("title", title).param("out", out)
                .param("returned", returned).update();
    }

    List<Circulation.HistoryEntry> history(long patronId) {
        return jdbc.sql("""
                        select record_id, title, checked_out_on, returned_on from reading_history
                        where patron_id = :patron order by returned_on desc, id desc""")
                .param("patron", patronId)
                .query((row, n) -> new Circulation.HistoryEntry(row.getLong("record_id"),
                        row.getString("title"), row.getObject("checked_out_on", LocalDate.class),
                        row.getObject("returned_on", LocalDate.class)))
                .list();
    }

    int forgetHistory(long patronId) {
        return jdbc.sql("delete from reading_history where patron_id = :patron").param("patron", patronId).update();
    }

    /** Counts one loan for the patron in the period starting {@code periodStart} (update first, else insert). */
    void countLoan(long patronId, LocalDate periodStart) {
        String update = "update patron_engagement set loans = loans + 1 where patron_id = :patron"
                + " and period_starts_on = :period";
        if (jdbc.sql(update).param("patron", patronId).param("period", periodStart).update() == 1) {
            return;
        }
        // Two first loans of a period at once: one insert wins, the other finds the row and updates it.
        int inserted = jdbc.sql("""
                        insert into patron_engagement (patron_id, period_starts_on, loans) values (:patron, :period, 1)
                        on conflict do nothing""")
                .param("patron", patronId).param("period", periodStart).update();
        if (inserted == 0) {
            jdbc.sql(update).param("patron", patronId).param("period", periodStart).update();
        }
    }

    /** A patron's loans per period (start of term, school year or month), newest first. */
    List<java.util.Map.Entry<LocalDate, Integer>> engagement(long patronId) {
        return jdbc.sql("""
                        select period_starts_on, loans from patron_engagement where patron_id = :patron
                        order by period_starts_on desc""")
                .param("patron", patronId)
                .query((row, n) -> java.util.Map.entry(row.getObject("period_starts_on", LocalDate.class),
                        row.getInt("loans")))
                .list();
    }

    void usedInLibrary(long schoolId, long itemId, long recordId, LocalDate day) {
        jdbc.sql("""
                        insert into in_library_use (school_id, item_id, record_id, used_on)
                        values (:school, :item, :record, :day)""")
                .param("school", schoolId).param("item", itemId).param("record", recordId).param("day", day).update();
    }

    int moveToPatron(long fromPatronId, long toPatronId) {
        int moved = jdbc.sql("update reading_history set patron_id = :to where patron_id = :from")
                .param("from", fromPatronId).param("to", toPatronId).update();
        // Engagement rows of both for one period add up; the duplicate's are then dropped.
        jdbc.sql("""
                        update patron_engagement set loans = loans + (select e.loans from patron_engagement e
                            where e.patron_id = :from and e.period_starts_on = patron_engagement.period_starts_on)
                        where patron_id = :to and period_starts_on in
                            (select period_starts_on from patron_engagement where patron_id = :from)""")
                .param("from", fromPatronId).param("to", toPatronId).update();
        jdbc.sql("""
                        update patron_engagement set patron_id = :to where patron_id = :from and period_starts_on not in
                            (select period_starts_on from patron_engagement where patron_id = :to)""")
                .param("from", fromPatronId).param("to", toPatronId).update();
        jdbc.sql("delete from patron_engagement where patron_id = :from").param("from", fromPatronId).update();
        return moved;
    }
}
