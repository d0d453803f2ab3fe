package org.carrel.circulation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of charges and of the payments and waivers on them. A settled charge loses its patron. */
@Repository
class ChargeStore {

    private static final String SELECT = """
            select id, patron_id, school_id, item_id, kind, amount, paid, waived, description, created_at, created_by,
                   settled_at, version
            from charge
            """;

    private final JdbcClient jdbc;

    ChargeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long patronId, long schoolId, Long itemId, String kind, BigDecimal amount, String description,
                String by, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into charge (patron_id, school_id, item_id, kind, amount, description, created_at,
                            created_by)
                        values (:patron, :school, :item, :kind, :amount, :description, :at, :by)""")
                .param("patron", patronId).param("school", schoolId).param("item", itemId).param("kind", kind)
                .param("amount", amount).param("description", description).param("at", at).param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ChargeView> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ChargeStore::charge).optional();
    }

    /** A patron's unsettled charges, oldest first. */
    List<ChargeView> unsettled(long patronId) {
        return jdbc.sql(SELECT + " where patron_id = :patron and settled_at is null order by created_at, id")
                .param("patron", patronId).query(ChargeStore::charge).list();
    }

    Optional<ChargeView> unsettledFor(long patronId, long itemId, String kind) {
        return jdbc.sql(SELECT + """
                         where patron_id = :patron and item_id = :item and kind = :kind and settled_at is null
                         order by id limit 1""")
                .param("patron", patronId).param("item", itemId).param("kind", kind).query(ChargeStore::charge)
                .optional();
    }

    /**
     * Records a payment or waiver of {@code amount} on a charge at {@code version}; settles (and anonymises) the
     * charge when nothing is left owed. False when the charge changed meanwhile or the amount exceeds what is owed.
     */
    boolean settle(ChargeView charge, String entryKind, BigDecimal amount, String reason, String by,
                   OffsetDateTime at) {
        boolean payment = entryKind.equals("PAYMENT");
        BigDecimal paid = payment ? charge.paid().add(amount) : charge.paid();
        BigDecimal waived = payment ? charge.waived() : charge.waived().add(amount);
        boolean settled = paid.add(waived).compareTo(charge.amount()) >= 0;
        int updated = jdbc.sql("""
                        update charge set paid = :paid, waived = :waived, settled_at = :settledAt,
                            patron_id = case when :settled then null else patron_id end, version = version + 1
                        where id = :id and version = :version and settled_at is null""")
                .param("paid", paid).param("waived", waived).param("settledAt", settled ? at : null)
                .param("settled", settled).param("id", charge.id()).param("version", charge.version()).update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("""
                        insert into charge_entry (charge_id, kind, amount, reason, made_by, made_at)
                        values (:charge, :kind, :amount, :reason, :by, :at)""")
                .param("charge", charge.id()).param("kind", entryKind).param("amount", amount).param("reason", reason)
                .param("by", by).param("at", at).update();
        return true;
    }

    /** What each of these patrons owes in all; patrons who owe nothing are left out. */
    Map<Long, BigDecimal> owed(Collection<Long> patronIds) {
        Map<Long, BigDecimal> owed = new HashMap<>();
        List<Long> ids = List.copyOf(patronIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                            select patron_id, sum(amount - paid - waived) owed from charge
                            where patron_id in (:patrons) and settled_at is null group by patron_id""")
                    .param("patrons", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((row, n) -> owed.put(row.getLong("patron_id"), row.getBigDecimal("owed"))).list();
        }
        return owed;
    }

    /** How many of these patrons owe anything, on how many unsettled charges, and the total owed. */
    Charges.Owing owing(Collection<Long> patronIds) {
        List<Long> ids = List.copyOf(patronIds);
        int patrons = 0;
        int count = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int from = 0; from < ids.size(); from += 500) {
            Charges.Owing part = jdbc.sql("""
                            select count(distinct patron_id) patrons, count(*) charges,
                                   coalesce(sum(amount - paid - waived), 0) owed
                            from charge where patron_id in (:patrons) and settled_at is null""")
                    .param("patrons", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((row, n) -> new Charges.Owing(row.getInt("patrons"), row.getInt("charges"),
                            row.getBigDecimal("owed"))).single();
            patrons += part.patrons();
            count += part.charges();
            total = total.add(part.total());
        }
        return new Charges.Owing(patrons, count, total);
    }

    int moveToPatron(long fromPatronId, long toPatronId) {
        return jdbc.sql("update charge set patron_id = :to where patron_id = :from")
                .param("from", fromPatronId).param("to", toPatronId).update();
    }

    private static ChargeView charge(ResultSet row, int n) throws SQLException {
        return new ChargeView(row.getLong("id"), (Long) row.getObject("patron_id", Long.class),
                row.getLong("school_id"), (Long) row.getObject("item_id", Long.class), row.getString("kind"),
                row.getBigDecimal("amount"), row.getBigDecimal("paid"), row.getBigDecimal("waived"),
                row.getString("description"), row.getObject("created_at", OffsetDateTime.class),
                row.getString("created_by"), row.getObject("settled_at", OffsetDateTime.class),
                row.getLong("version"));
    }
}
