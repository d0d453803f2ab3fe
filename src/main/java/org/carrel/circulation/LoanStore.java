package org.carrel.circulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.catalog.ItemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of open loans (a loan row lives from checkout to return). */
@Repository
class LoanStore {

    private static final String SELECT = """
            select id, item_id, barcode, record_id, title, call_number, patron_id, school_id, checked_out_at,
                   due_on, due_at, renewals, max_renewals, class_set, lost_at, claimed_returned_at
            from loan
            """;

    /** What a new loan row holds. */
    record NewLoan(long itemId, long patronId, long schoolId, long recordId, ItemType itemType, String barcode,
                   String title, String callNumber, Long ruleId, OffsetDateTime checkedOutAt, Due due,
                   int maxRenewals, java.math.BigDecimal dailyFine, java.math.BigDecimal fineCap, boolean classSet) {

        /** The loan as stored under {@code id}, without reading it back. */
        LoanView opened(long id) {
            return new LoanView(id, itemId, barcode, recordId, title, callNumber, patronId, schoolId, checkedOutAt,
                    due.day(), due.at(), 0, maxRenewals, classSet, null, null);
        }
    }

    /** The loan with what a return needs beyond the view: the copy's type and the fines copied at checkout. */
    record ReturnTerms(ItemType itemType, java.math.BigDecimal dailyFine, java.math.BigDecimal fineCap, long version) {
    }

    private final JdbcClient jdbc;

    LoanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewLoan loan) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into loan (item_id, patron_id, school_id, record_id, item_type, barcode, title,
                            call_number, rule_id, checked_out_at, due_on, due_at, max_renewals, daily_fine, fine_cap,
                            class_set)
                        values (:item, :patron, :school, :record, :itemType, :barcode, :title, :callNumber, :rule,
                            :at, :dueOn, :dueAt, :maxRenewals, :fine, :cap, :classSet)""")
                .param("item", loan.itemId()).param("patron", loan.patronId()).param("school", loan.schoolId())
                .param("record", loan.recordId()).param("itemType", loan.itemType().name())
                .param("barcode", loan.barcode()).param("title", loan.title()).param("callNumber", loan.callNumber())
                .param("rule", loan.ruleId()).param("at", loan.checkedOutAt()).param("dueOn", loan.due().day())
                .param("dueAt", loan.due().at()).param("maxRenewals", loan.maxRenewals())
                .param("fine", loan.dailyFine()).param("cap", loan.fineCap()).param("classSet", loan.classSet())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<LoanView> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(LoanStore::loan).optional();
    }

    Optional<LoanView> byItem(long itemId) {
        return jdbc.sql(SELECT + " where item_id = :item").param("item", itemId).query(LoanStore::loan).optional();
    }

    ReturnTerms terms(long loanId) {
        return jdbc.sql("select item_type, daily_fine, fine_cap, version from loan where id = :id").param("id", loanId)
                .query((row, n) -> new ReturnTerms(ItemType.valueOf(row.getString("item_type")),
                        row.getBigDecimal("daily_fine"), row.getBigDecimal("fine_cap"), row.getLong("version")))
                .single();
    }

    /** A patron's open loans, soonest due first. */
    List<LoanView> ofPatron(long patronId) {
        return jdbc.sql(SELECT + " where patron_id = :patron order by due_at, id").param("patron", patronId)
                .query(LoanStore::loan).list();
    }

    /** How many copies (of one type, or of any when null) count against the patron's limit: not class sets. */
    int counted(long patronId, ItemType itemType) {
        return jdbc.sql("select count(*) from loan where patron_id = :patron and class_set = false"
                        + " and lost_at is null and claimed_returned_at is null"
                        + (itemType == null ? "" : " and item_type = :itemType"))
                .param("patron", patronId).param("itemType", itemType == null ? null : itemType.name())
                .query(Integer.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from loan where id = :id").param("id", id).update() == 1;
    }

    boolean renew(long id, int renewals, Due due) {
        return jdbc.sql("""
                        update loan set renewals = :renewals, due_on = :dueOn, due_at = :dueAt, overdue_at = null,
                            version = version + 1
                        where id = :id and renewals = :renewals - 1""")
                .param("id", id).param("renewals", renewals).param("dueOn", due.day()).param("dueAt", due.at())
                .update() == 1;
    }

    /** Open loans past due that were not yet reported overdue (each is reported once). */
    List<LoanView> newlyOverdue(OffsetDateTime now, int limit) {
        return jdbc.sql(SELECT + """
                         where due_at < :now and overdue_at is null and lost_at is null and claimed_returned_at is null
                         order by due_at, id limit :limit""")
                .param("now", now).param("limit", limit).query(LoanStore::loan).list();
    }

    boolean markOverdue(long id, OffsetDateTime now) {
        return jdbc.sql("update loan set overdue_at = :now where id = :id and overdue_at is null")
                .param("id", id).param("now", now).update() == 1;
    }

    /** Open loans due before {@code dueBefore} not yet declared lost (nor claimed returned). */
    List<LoanView> dueBeforeNotLost(OffsetDateTime dueBefore, int limit) {
        return jdbc.sql(SELECT + """
                         where due_at < :before and lost_at is null and claimed_returned_at is null
                         order by due_at, id limit :limit""")
                .param("before", dueBefore).param("limit", limit).query(LoanStore::loan).list();
    }

    boolean markLost(long id, OffsetDateTime now) {
        return jdbc.sql("update loan set lost_at = :now, version = version + 1 where id = :id and lost_at is null")
                .param("id", id).param("now", now).update() == 1;
    }

    boolean markClaimedReturned(long id, OffsetDateTime now) {
        return jdbc.sql("""
                        update loan set claimed_returned_at = :now, version = version + 1
                        where id = :id and claimed_returned_at is null""")
                .param("id", id).param("now", now).update() == 1;
    }

    /** Overdue loans of a school (or every school), by due date: for the overdue lists. */
    List<LoanView> overdue(Long schoolId, OffsetDateTime now, int limit) {
        return jdbc.sql(SELECT + " where due_at < :now and claimed_returned_at is null"
                        + (schoolId == null ? "" : " and school_id = :school") + " order by due_at, id limit :limit")
                .param("now", now).param("school", schoolId).param("limit", limit).query(LoanStore::loan).list();
    }

    /** Overdue loans of these patrons (a homeroom's students), by patron then due date. */
    List<LoanView> overdueOf(Collection<Long> patronIds, OffsetDateTime now) {
        if (patronIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where patron_id in (:patrons) and due_at < :now and claimed_returned_at is null
                         order by patron_id, due_at, id""")
                .param("patrons", patronIds).param("now", now).query(LoanStore::loan).list();
    }

    Map<Long, Integer> itemsOut(Collection<Long> patronIds) {
        Map<Long, Integer> out = new HashMap<>();
        List<Long> ids = List.copyOf(patronIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("select patron_id, count(*) n from loan where patron_id in (:patrons) group by patron_id")
                    .param("patrons", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((row, n) -> out.put(row.getLong("patron_id"), row.getInt("n"))).list();
        }
        return out;
    }

    int moveToPatron(long fromPatronId, long toPatronId) {
        return jdbc.sql("update loan set patron_id = :to where patron_id = :from")
                .param("from", fromPatronId).param("to", toPatronId).update();
    }

    static LoanView loan(ResultSet row, int n) throws SQLException {
        return new LoanView(row.getLong("id"), row.getLong("item_id"), row.getString("barcode"),
                row.getLong("record_id"), row.getString("title"), row.getString("call_number"),
                row.getLong("patron_id"), row.getLong("school_id"),
                row.getObject("checked_out_at", OffsetDateTime.class), row.getObject("due_on", LocalDate.class),
                row.getObject("due_at", OffsetDateTime.class), row.getInt("renewals"), row.getInt("max_renewals"),
                row.getBoolean("class_set"), row.getObject("lost_at", OffsetDateTime.class),
                row.getObject("claimed_returned_at", OffsetDateTime.class));
    }
}
