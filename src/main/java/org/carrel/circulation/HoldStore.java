package org.carrel.circulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of holds. Trapping is a conditional update, so one hold never gets two copies nor one copy two holds. */
@Repository
class HoldStore {

    private static final String SELECT = """
            select id, patron_id, record_id, item_id, pickup_school_id, status, priority, placed_at, placed_by,
                   suspended_until, needed_from, needed_until, expires_on, trapped_item_id, ready_at, pickup_by,
                   version
            from hold
            """;
    /** Queue order: priority (teachers first, bumps), then first come, first served. */
    static final String QUEUE_ORDER = " order by priority desc, placed_at, id";

    record NewHold(long patronId, long recordId, Long itemId, long pickupSchoolId, int priority, OffsetDateTime at,
                   String by, LocalDate neededFrom, LocalDate neededUntil, LocalDate expiresOn) {
    }

    private final JdbcClient jdbc;

    HoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewHold hold) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into hold (patron_id, record_id, item_id, pickup_school_id, status, priority,
                            placed_at, placed_by, needed_from, needed_until, expires_on)
                        values (:patron, :record, :item, :pickup, 'WAITING', :priority, :at, :by, :from, :until,
                            :expires)""")
                .param("patron", hold.patronId()).param("record", hold.recordId()).param("item", hold.itemId())
                .param("pickup", hold.pickupSchoolId()).param("priority", hold.priority()).param("at", hold.at())
                .param("by", hold.by()).param("from", hold.neededFrom()).param("until", hold.neededUntil())
                .param("expires", hold.expiresOn())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<HoldView> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(HoldStore::hold).optional();
    }

    Optional<HoldView> byTrappedItem(long itemId) {
        return jdbc.sql(SELECT + " where trapped_item_id = :item").param("item", itemId).query(HoldStore::hold)
                .optional();
    }

    /** Every hold on a title (and on its copies), in queue order. */
    List<HoldView> ofRecord(long recordId) {
        return jdbc.sql(SELECT + " where record_id = :record" + QUEUE_ORDER).param("record", recordId)
                .query(HoldStore::hold).list();
    }

    /**
     * The places of a patron's waiting holds in their titles' queues (1 = next), by hold id: one more than the
     * waiting holds ahead in {@link #QUEUE_ORDER}.
     */
    Map<Long, Integer> places(long patronId) {
        Map<Long, Integer> places = new HashMap<>();
        jdbc.sql("""
                        select h.id, 1 + (select count(*) from hold o
                            where o.record_id = h.record_id and o.status = 'WAITING'
                              and (o.priority > h.priority or o.priority = h.priority and (o.placed_at < h.placed_at
                                   or o.placed_at = h.placed_at and o.id < h.id))) as place
                        from hold h where h.patron_id = :patron and h.status = 'WAITING'""")
                .param("patron", patronId).query(row -> {
                    places.put(row.getLong("id"), row.getInt("place"));
                });
        return places;
    }

    List<HoldView> ofPatron(long patronId) {
        return jdbc.sql(SELECT + " where patron_id = :patron order by placed_at, id").param("patron", patronId)
                .query(HoldStore::hold).list();
    }

    /**
     * The waiting holds a copy could fill on {@code day}, in queue order: on this copy or on its title, not
     * suspended, and (reservations) needed by {@code neededBy}.
     */
    List<HoldView> fillableBy(long itemId, long recordId, LocalDate day, LocalDate neededBy) {
        return jdbc.sql(SELECT + """
                         where status = 'WAITING' and record_id = :record and (item_id is null or item_id = :item)
                           and (suspended_until is null or suspended_until <= :day)
                           and (needed_from is null or needed_from <= :neededBy)""" + QUEUE_ORDER)
                .param("record", recordId).param("item", itemId).param("day", day).param("neededBy", neededBy)
                .query(HoldStore::hold).list();
    }

    /** Sets a copy aside for a waiting hold; false if the hold was filled, cancelled or changed meanwhile. */
    boolean trap(long holdId, long itemId, String status, OffsetDateTime readyAt, LocalDate pickupBy) {
        return jdbc.sql("""
                        update hold set status = :status, trapped_item_id = :item, ready_at = :readyAt,
                            pickup_by = :pickupBy, version = version + 1
                        where id = :id and status = 'WAITING' and trapped_item_id is null""")
                .param("id", holdId).param("item", itemId).param("status", status).param("readyAt", readyAt)
                .param("pickupBy", pickupBy).update() == 1;
    }

    /** A hold whose copy arrived at the pickup school: on the hold shelf. */
    boolean arrived(long holdId, OffsetDateTime readyAt, LocalDate pickupBy) {
        return jdbc.sql("""
                        update hold set status = 'READY', ready_at = :readyAt, pickup_by = :pickupBy,
                            version = version + 1
                        where id = :id and status = 'IN_TRANSIT'""")
                .param("id", holdId).param("readyAt", readyAt).param("pickupBy", pickupBy).update() == 1;
    }

    /** Puts a hold whose copy was taken by someone else (a checkout past the hold, by override) back in the queue. */
    boolean untrap(long holdId) {
        return jdbc.sql("""
                        update hold set status = 'WAITING', trapped_item_id = null, ready_at = null, pickup_by = null,
                            version = version + 1
                        where id = :id""")
                .param("id", holdId).update() == 1;
    }

    /** A ready hold left uncollected, or cancelled with its copy set aside: the copy waits to be pulled. */
    boolean expireTrapped(long holdId) {
        return jdbc.sql("""
                        update hold set status = 'EXPIRED', version = version + 1
                        where id = :id and status in ('READY', 'IN_TRANSIT')""")
                .param("id", holdId).update() == 1;
    }

    boolean suspend(long holdId, LocalDate until) {
        return jdbc.sql("""
                        update hold set suspended_until = :until, version = version + 1
                        where id = :id and status = 'WAITING'""")
                .param("id", holdId).param("until", until).update() == 1;
    }

    boolean delete(long holdId) {
        return jdbc.sql("delete from hold where id = :id").param("id", holdId).update() == 1;
    }

    /** The patron's waiting hold a loan of this copy fills: on the copy, else on its title (the oldest). */
    Optional<HoldView> waitingFilledBy(long patronId, long recordId, long itemId) {
        return jdbc.sql(SELECT + """
                         where patron_id = :patron and record_id = :record and status = 'WAITING'
                           and (item_id is null or item_id = :item)
                         order by case when item_id is null then 1 else 0 end, placed_at, id limit 1""")
                .param("patron", patronId).param("record", recordId).param("item", itemId)
                .query(HoldStore::hold).optional();
    }

    boolean patronHolds(long patronId, long recordId) {
        return jdbc.sql("select count(*) from hold where patron_id = :patron and record_id = :record")
                .param("patron", patronId).param("record", recordId).query(Integer.class).single() > 0;
    }

    /** Whether someone other than {@code patronId} waits for this title (or this copy), not suspended. */
    boolean othersWaiting(long patronId, long recordId, long itemId, LocalDate day) {
        return jdbc.sql("""
                        select count(*) from hold where record_id = :record and patron_id <> :patron
                          and status = 'WAITING' and (item_id is null or item_id = :item)
                          and (suspended_until is null or suspended_until <= :day)
                          and (needed_from is null or needed_from <= :day)""")
                .param("record", recordId).param("patron", patronId).param("item", itemId).param("day", day)
                .query(Integer.class).single() > 0;
    }

    /** The hold shelf of a school: ready holds and the expired ones whose copies are to be pulled. */
    List<HoldView> shelf(long schoolId) {
        return jdbc.sql(SELECT + """
                         where pickup_school_id = :school and status in ('READY', 'EXPIRED')
                         order by status, pickup_by, id""")
                .param("school", schoolId).query(HoldStore::hold).list();
    }

    /** Waiting holds (not suspended) for pickup at any school, oldest first: the pull list's candidates. */
    List<HoldView> waiting(LocalDate day, int limit) {
        return jdbc.sql(SELECT + """
                         where status = 'WAITING' and (suspended_until is null or suspended_until <= :day)
                           and (needed_from is null or needed_from <= :day)""" + QUEUE_ORDER + " limit :limit")
                .param("day", day).param("limit", limit).query(HoldStore::hold).list();
    }

    List<HoldView> readyPast(LocalDate day) {
        return jdbc.sql(SELECT + " where status = 'READY' and pickup_by < :day order by id").param("day", day)
                .query(HoldStore::hold).list();
    }

    /** Waiting holds past their end (not needed after, or a reservation's last day). */
    List<HoldView> waitingPast(LocalDate day) {
        return jdbc.sql(SELECT + """
                         where status = 'WAITING' and (expires_on < :day or needed_until < :day) order by id""")
                .param("day", day).query(HoldStore::hold).list();
    }

    int moveToPatron(long fromPatronId, long toPatronId) {
        return jdbc.sql("update hold set patron_id = :to where patron_id = :from")
                .param("from", fromPatronId).param("to", toPatronId).update();
    }

    private static HoldView hold(ResultSet row, int n) throws SQLException {
        return new HoldView(row.getLong("id"), row.getLong("patron_id"), row.getLong("record_id"),
                (Long) row.getObject("item_id", Long.class), row.getLong("pickup_school_id"), row.getString("status"),
                row.getInt("priority"), row.getObject("placed_at", OffsetDateTime.class), row.getString("placed_by"),
                row.getObject("suspended_until", LocalDate.class), row.getObject("needed_from", LocalDate.class),
                row.getObject("needed_until", LocalDate.class), row.getObject("expires_on", LocalDate.class),
                (Long) row.getObject("trapped_item_id", Long.class), row.getObject("ready_at", OffsetDateTime.class),
                row.getObject("pickup_by", LocalDate.class), row.getLong("version"));
    }
}
