package org.carrel.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.CatalogEvents.ItemAdded;
import org.carrel.catalog.CatalogEvents.ItemChanged;
import org.carrel.catalog.CatalogEvents.ItemDeleted;
import org.carrel.district.District;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The copies (items) of the catalogue's records: add, edit, change status, delete, and find them by id, barcode or
 * shelf order. Changes return a {@link CatalogResult}, write an audit entry {@code catalog.item.<act>} and publish a
 * {@link CatalogEvents} event in the same transaction. Callers check that the actor may act for the copy's school;
 * this class checks everything about the copy itself: barcode unique in the district, location of the copy's school,
 * no delete or hand-set status while the copy circulates, withdrawn copies kept for statistics.
 */
@Service
public class Copies {

    private final RecordStore records;
    private final ItemStore items;
    private final District district;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Copies(RecordStore records, ItemStore items, District district, AuditLog audit, ApplicationEventPublisher events,
           Clock clock) {
        this.records = records;
        this.items = items;
        this.district = district;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ItemView> item(long id) {
        return items.find(id);
    }

    /** A barcode as Carrel stores it: stripped and upper-cased (Code 39 has no lower case; scanners disagree). */
    public static String normaliseBarcode(String barcode) {
        return ItemRules.normaliseBarcode(barcode);
    }

    /** The copy with this barcode, as a scanner sends it (case and surrounding spaces ignored). */
    @Transactional(readOnly = true)
    public Optional<ItemView> itemByBarcode(String barcode) {
        return items.byBarcode(ItemRules.normaliseBarcode(barcode));
    }

    /** The copies of a record, by school and barcode. */
    @Transactional(readOnly = true)
    public List<ItemView> copiesOf(long recordId) {
        return items.ofRecord(recordId);
    }

    /**
     * For circulation: the copy with this barcode, its row locked until the caller's transaction ends, so that
     * checkouts, check-ins and hold trapping of one copy happen one after the other on every node.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ItemView> lockForCirculation(String barcode) {
        return items.lock(ItemRules.normaliseBarcode(barcode)).flatMap(items::find);
    }

    /** For circulation: {@link #lockForCirculation(String)} by id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ItemView> lockForCirculation(long itemId) {
        return items.lock(itemId).flatMap(items::find);
    }

    /**
     * For circulation, on a copy it locked: moves it to {@code status} (checked out, in transit, on the hold shelf,
     * back on the shelf, lost or missing) with an optional reason, and publishes {@link ItemChanged} so the search
     * index shows the copy's availability. Circulation audits its own acts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void circulated(ItemView item, ItemStatus status, String reason) {
        items.circulate(item.id(), status, reason, now());
        events.publishEvent(new ItemChanged(item.id(), item.recordId(), item.schoolId(), status));
    }

    /** A school's copies in shelf order (optionally of one location), a page at a time. */
    @Transactional(readOnly = true)
    public List<ItemView> shelfList(long schoolId, Long locationId, int offset, int limit) {
        return items.shelfList(schoolId, locationId, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * The copies added to the collection from {@code from} (inclusive) to {@code to} (exclusive) at the school (all
     * schools when null), newest first, at most {@code limit} (up to 10,000): what the new-arrival lists show.
     * Withdrawn and lost copies, and copies of deleted records, are left out.
     */
    @Transactional(readOnly = true)
    public List<NewCopy> added(Long schoolId, Instant from, Instant to, int limit) {
        return items.added(schoolId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC),
                Math.max(1, Math.min(limit, 10_000)));
    }

    @Transactional
    public CatalogResult addItem(long recordId, ItemForm form, String actor) {
        Optional<RecordStore.StoredRecord> record = records.find(recordId);
        if (record.isEmpty()) {
            return new CatalogResult.Refused("catalog.record.notFound");
        }
        ItemRules.Checked checked = ItemRules.check(form);
        Optional<CatalogResult> invalid = refuseInvalid(checked, null);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        ItemValues item = checked.values();
        String recordCallNumber = record.get().callNumber();
        Optional<Long> id = unlessTaken(() -> items.insert(recordId, item, recordCallNumber, now()));
        if (id.isEmpty()) {
            return duplicateBarcode();
        }
        audit.record(actor, "catalog.item.added", "item", id.get(), item.barcode() + " on record " + recordId);
        events.publishEvent(new ItemAdded(id.get(), recordId, item.schoolId()));
        return new CatalogResult.Saved(id.get());
    }

    /** Edits a copy's details (not its status) if nobody changed it since {@code form.version()}. */
    @Transactional
    public CatalogResult updateItem(long itemId, ItemForm form, String actor) {
        Optional<ItemView> existing = items.find(itemId);
        if (existing.isEmpty()) {
            return new CatalogResult.Refused("catalog.item.notFound");
        }
        ItemRules.Checked checked = ItemRules.check(form);
        Optional<CatalogResult> invalid = refuseInvalid(checked, itemId);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (existing.get().inCirculation() && existing.get().schoolId() != checked.values().schoolId()) {
            return CatalogResult.invalid("school", "catalog.item.school.inCirculation");
        }
        ItemValues item = checked.values();
        String recordCallNumber = records.find(existing.get().recordId()).map(RecordStore.StoredRecord::callNumber)
                .orElse(null);
        long version = version(form.version());
        Optional<Boolean> updated = unlessTaken(() -> items.update(itemId, version, item, recordCallNumber));
        if (updated.isEmpty()) {
            return duplicateBarcode();
        }
        if (!updated.get()) {
            return CatalogResult.stale();
        }
        audit.record(actor, "catalog.item.updated", "item", itemId, item.barcode());
        events.publishEvent(new ItemChanged(itemId, existing.get().recordId(), item.schoolId(),
                existing.get().status()));
        return new CatalogResult.Saved(itemId);
    }

    /**
     * Sets a copy's status by hand (missing, damaged, withdrawn...) with the reason staff give. Copies out in
     * circulation change only through circulation; withdrawing needs a reason.
     */
    @Transactional
    public CatalogResult changeStatus(long itemId, long version, ItemStatus status, String reason, String actor) {
        Optional<ItemView> item = items.find(itemId);
        if (item.isEmpty()) {
            return new CatalogResult.Refused("catalog.item.notFound");
        }
        if (item.get().inCirculation()) {
            return new CatalogResult.Refused("catalog.item.status.inCirculation");
        }
        if (status == ItemStatus.CHECKED_OUT || status == ItemStatus.IN_TRANSIT || status == ItemStatus.ON_HOLD_SHELF) {
            return CatalogResult.invalid("status", "catalog.item.status.circulationOnly");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return CatalogResult.invalid("reason", "form.required");
        }
        if (why.length() > 500) {
            return CatalogResult.invalid("reason", "form.tooLong");
        }
        if (!items.changeStatus(itemId, version, status, why, now())) {
            return CatalogResult.stale();
        }
        audit.record(actor, "catalog.item.status", "item", itemId,
                item.get().barcode() + ": " + item.get().status() + " -> " + status + " (" + why + ")");
        events.publishEvent(new ItemChanged(itemId, item.get().recordId(), item.get().schoolId(), status));
        return new CatalogResult.Saved(itemId);
    }

    /** Deletes a copy entered by mistake; never one in circulation, and never a withdrawn one (kept for statistics). */
    @Transactional
    public CatalogResult deleteItem(long itemId, String actor) {
        Optional<ItemView> item = items.find(itemId);
        if (item.isEmpty()) {
            return new CatalogResult.Refused("catalog.item.notFound");
        }
        if (item.get().inCirculation()) {
            return new CatalogResult.Refused("catalog.item.delete.inCirculation");
        }
        if (item.get().status() == ItemStatus.WITHDRAWN) {
            return new CatalogResult.Refused("catalog.item.delete.withdrawn");
        }
        items.delete(itemId);
        audit.record(actor, "catalog.item.deleted", "item", itemId, item.get().barcode());
        events.publishEvent(new ItemDeleted(itemId, item.get().recordId(), item.get().schoolId()));
        return new CatalogResult.Saved(itemId);
    }

    private Optional<CatalogResult> refuseInvalid(ItemRules.Checked checked, Long itemId) {
        if (!checked.valid()) {
            return Optional.of(new CatalogResult.Invalid(checked.errors()));
        }
        ItemValues item = checked.values();
        if (district.school(item.schoolId()).isEmpty()) {
            return Optional.of(CatalogResult.invalid("school", "form.choice.invalid"));
        }
        if (item.locationId() != null && district.location(item.schoolId(), item.locationId()).isEmpty()) {
            return Optional.of(CatalogResult.invalid("location", "catalog.item.location.otherSchool"));
        }
        if (items.barcodeTaken(item.barcode(), itemId)) {
            return Optional.of(duplicateBarcode());
        }
        return Optional.empty();
    }

    private static CatalogResult duplicateBarcode() {
        return new CatalogResult.Duplicate(org.carrel.shared.FormErrors.of("barcode", "catalog.item.barcode.taken"));
    }

    /** Runs a write that a concurrent change may make a duplicate; empty (and the transaction rolled back) if so. */
    private static <T> Optional<T> unlessTaken(java.util.function.Supplier<T> write) {
        try {
            return Optional.of(write.get());
        } catch (DuplicateKeyException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Optional.empty();
        }
    }

    private static long version(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
