package org.carrel.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.carrel.catalog.marc.CallNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of copies. Shelf order is {@code call_number_sort}, the key {@link CallNumbers} computes. */
@Repository
class ItemStore {

    private static final String SELECT = """
            select i.id, i.record_id, r.title, i.barcode, i.school_id, i.location_id, i.call_number as own_call_number,
                   coalesce(i.call_number, r.call_number) as call_number, i.item_type, i.status, i.status_reason,
                   i.status_changed_at, i.copy_number, i.price, i.replacement_cost, i.acquired_on, i.funding_source,
                   i.item_condition, i.notes, i.version
            from item i join bib_record r on r.id = i.record_id
            """;

    /** How one record's copies are listed: by school, then barcode. */
    private static final java.util.Comparator<ItemView> SHELF_ORDER = java.util.Comparator
            .comparingLong(ItemView::schoolId).thenComparing(ItemView::barcode);

    private static final String INSERT = """
            insert into item (record_id, barcode, school_id, location_id, call_number, call_number_sort, item_type,
                              status, status_changed_at, copy_number, price, replacement_cost, acquired_on,
                              funding_source, item_condition, notes, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ItemStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(long recordId, ItemValues item, String recordCallNumber, OffsetDateTime now) {
        return insertAll(List.of(recordId), List.of(item), java.util.Collections.singletonList(recordCallNumber), now)
                .get(0);
    }

    /**
     * Inserts copies in one batch and returns their ids in order; {@code recordCallNumbers} holds each copy's record
     * call number. The ids are read back by barcode rather than returned by the inserts, because PostgreSQL's driver
     * sends a batch as multi-row inserts only when it need not return keys (measured: a 100,000-record import
     * 5 s faster); the barcode is unique, and the transaction sees its own rows.
     */
    List<Long> insertAll(List<Long> recordIds, List<ItemValues> items, List<String> recordCallNumbers,
                         OffsetDateTime now) {
        List<Integer> rows = IntStream.range(0, items.size()).boxed().toList();
        BatchInsert.run(batch, INSERT, rows, (row, i) -> {
            ItemValues item = items.get(i);
            String shelved = item.callNumber() != null ? item.callNumber() : recordCallNumbers.get(i);
            row.id(recordIds.get(i)).text(item.barcode()).id(item.schoolId()).id(item.locationId())
                    .text(item.callNumber()).text(CallNumbers.sortKey(shelved)).text(item.itemType().name())
                    .text(item.status().name()).time(now).number(item.copyNumber()).money(item.price())
                    .money(item.replacementCost()).date(item.acquiredOn()).text(item.fundingSource())
                    .text(item.condition()).text(item.notes()).time(now);
        });
        List<String> barcodes = items.stream().map(ItemValues::barcode).toList();
        Map<String, Long> ids = idsByBarcode(barcodes);
        return barcodes.stream().map(ids::get).toList();
    }

    private Map<String, Long> idsByBarcode(List<String> barcodes) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < barcodes.size(); from += 500) {
            jdbc.sql("select id, barcode from item where barcode in (:barcodes)")
                    .param("barcodes", barcodes.subList(from, Math.min(barcodes.size(), from + 500)))
                    .query((RowCallbackHandler) row -> ids.put(row.getString("barcode"), row.getLong("id")));
        }
        return ids;
    }

    boolean update(long id, long version, ItemValues item, String recordCallNumber) {
        String shelved = item.callNumber() != null ? item.callNumber() : recordCallNumber;
        return jdbc.sql("""
                        update item set barcode = :barcode, school_id = :school, location_id = :location,
                               call_number = :callNumber, call_number_sort = :callNumberSort, item_type = :itemType,
                               copy_number = :copyNumber, price = :price, replacement_cost = :replacementCost,
                               acquired_on = :acquiredOn, funding_source = :fundingSource, item_condition = :condition,
                               notes = :notes, version = version + 1
                        where id = :id and version = :version""")
                .param("barcode", item.barcode()).param("school", item.schoolId()).param("location", item.locationId())
                .param("callNumber", item.callNumber()).param("callNumberSort", CallNumbers.sortKey(shelved))
                .param("itemType", item.itemType().name()).param("copyNumber", item.copyNumber())
                .param("price", item.price()).param("replacementCost", item.replacementCost())
                .param("acquiredOn", item.acquiredOn()).param("fundingSource", item.fundingSource())
                .param("condition", item.condition()).param("notes", item.notes())
                .param("id", id).param("version", version)
                .update() == 1;
    }

    boolean changeStatus(long id, long version, ItemStatus status, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                        update item set status = :status, status_reason = :reason, status_changed_at = :now,
                               version = version + 1
                        where id = :id and version = :version""")
                .param("status", status.name()).param("reason", reason).param("now", now)
                .param("id", id).param("version", version).update() == 1;
    }

    /** Locks the copy's row until the transaction ends; its id, or empty without such a copy. */
    Optional<Long> lock(String barcode) {
        return jdbc.sql("select id from item where barcode = :barcode for update").param("barcode", barcode)
                .query(Long.class).optional();
    }

    Optional<Long> lock(long id) {
        return jdbc.sql("select id from item where id = :id for update").param("id", id).query(Long.class).optional();
    }

    /** Circulation's status change: no version check (the row is locked), the reason cleared. */
    void circulate(long id, ItemStatus status, String reason, OffsetDateTime now) {
        jdbc.sql("""
                        update item set status = :status, status_reason = :reason, status_changed_at = :now,
                               version = version + 1
                        where id = :id""")
                .param("status", status.name()).param("reason", reason).param("now", now).param("id", id).update();
    }

    /** Copies that show their record's call number follow it when the record's call number changes. */
    void followRecordCallNumber(long recordId, String recordCallNumber) {
        jdbc.sql("update item set call_number_sort = :sort where record_id = :record and call_number is null")
                .param("sort", CallNumbers.sortKey(recordCallNumber)).param("record", recordId).update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from item where id = :id").param("id", id).update() == 1;
    }

    void deleteOfRecord(long recordId) {
        jdbc.sql("delete from item where record_id = :record").param("record", recordId).update();
    }

    Optional<ItemView> find(long id) {
        return jdbc.sql(SELECT + "where i.id = :id").param("id", id)
                .query(ItemStore::item).optional();
    }

    Optional<ItemView> byBarcode(String barcode) {
        return jdbc.sql(SELECT + "where i.barcode = :barcode").param("barcode", barcode)
                .query(ItemStore::item).optional();
    }

    List<ItemView> ofRecord(long recordId) {
        return jdbc.sql(SELECT + "where i.record_id = :record order by i.school_id, i.barcode")
                .param("record", recordId).query(ItemStore::item).list();
    }

    /** The copies of many records in one query, by record id (each record's copies by school and barcode). */
    Map<Long, List<ItemView>> ofRecords(Collection<Long> recordIds) {
        Map<Long, List<ItemView>> copies = new HashMap<>();
        if (!recordIds.isEmpty()) {
            jdbc.sql(SELECT + "where i.record_id in (:records) order by i.school_id, i.barcode")
                    .param("records", recordIds).query(ItemStore::item).list()
                    .forEach(item -> copies.computeIfAbsent(item.recordId(), id -> new ArrayList<>()).add(item));
        }
        return copies;
    }

    /**
     * The copies of the records with ids from {@code first} to {@code last}, by record id: a range scan of the
     * record index, much cheaper than a long IN list when the ids are a page of consecutive records.
     */
    Map<Long, List<ItemView>> ofRecordRange(long first, long last) {
        Map<Long, List<ItemView>> copies = new HashMap<>();
        jdbc.sql(SELECT + "where i.record_id between :first and :last")
                .param("first", first).param("last", last).query(ItemStore::item).list()
                .forEach(item -> copies.computeIfAbsent(item.recordId(), id -> new ArrayList<>()).add(item));
        copies.values().forEach(list -> list.sort(SHELF_ORDER));
        return copies;
    }

    /** A school's copies in shelf order, optionally of one location. */
    List<ItemView> shelfList(long schoolId, Long locationId, int offset, int limit) {
        return jdbc.sql(SELECT + """
                        where i.school_id = :school and (:location = -1 or i.location_id = :location)
                        order by i.call_number_sort, i.barcode offset :offset rows fetch next :limit rows only""")
                .param("school", schoolId).param("location", locationId == null ? -1L : locationId)
                .param("offset", offset).param("limit", limit).query(ItemStore::item).list();
    }

    /**
     * Copies added from {@code from} (inclusive) to {@code to} (exclusive), at the school (all when null), newest
     * first; withdrawn and lost copies and deleted records left out.
     */
    List<NewCopy> added(Long schoolId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql("""
                        select i.id, i.record_id, i.school_id, coalesce(i.call_number, r.call_number) as call_number,
                               i.created_at
                        from item i join bib_record r on r.id = i.record_id
                        where i.created_at >= :from and i.created_at < :to and i.status not in ('WITHDRAWN', 'LOST')
                          and r.deleted_at is null and (:school = -1 or i.school_id = :school)
                        order by i.created_at desc, i.id desc fetch first :limit rows only""")
                .param("from", from).param("to", to).param("school", schoolId == null ? -1L : schoolId)
                .param("limit", limit)
                .query((row, n) -> new NewCopy(row.getLong("id"), row.getLong("record_id"), row.getLong("school_id"),
                        row.getString("call_number"), row.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** Which of these barcodes are already taken (by a copy other than {@code exceptId}, if given). */
    Set<String> taken(Collection<String> barcodes) {
        Set<String> taken = new HashSet<>();
        List<String> all = List.copyOf(barcodes);
        for (int from = 0; from < all.size(); from += 500) {
            taken.addAll(jdbc.sql("select barcode from item where barcode in (:barcodes)")
                    .param("barcodes", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(String.class).list());
        }
        return taken;
    }

    boolean barcodeTaken(String barcode, Long exceptId) {
        return jdbc.sql("select count(*) from item where barcode = :barcode and id <> :except")
                .param("barcode", barcode).param("except", exceptId == null ? -1L : exceptId)
                .query(Integer.class).single() > 0;
    }

    private static ItemView item(ResultSet row, int n) throws SQLException {
        return new ItemView(row.getLong("id"), row.getLong("record_id"), row.getString("title"), row.getString("barcode"),
                row.getLong("school_id"), row.getObject("location_id", Long.class),
                row.getString("call_number"), row.getString("own_call_number"), ItemType.valueOf(row.getString("item_type")),
                ItemStatus.valueOf(row.getString("status")), row.getString("status_reason"),
                row.getObject("status_changed_at", OffsetDateTime.class), row.getObject("copy_number", Integer.class),
                row.getBigDecimal("price"), row.getBigDecimal("replacement_cost"),
                row.getObject("acquired_on", LocalDate.class), row.getString("funding_source"),
                row.getString("item_condition"), row.getString("notes"), row.getLong("version"));
    }
}
