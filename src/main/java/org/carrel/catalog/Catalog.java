package org.carrel.catalog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.CatalogEvents.RecordChanged;
import org.carrel.catalog.CatalogEvents.RecordCreated;
import org.carrel.catalog.CatalogEvents.RecordDeleted;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.catalog.marc.Description;
import org.carrel.catalog.marc.RecordBuilder;
import org.carrel.district.District;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's bibliographic records, their MARC kept losslessly; their copies are {@link Copies}. Changes return
 * a {@link CatalogResult}, write an audit entry named {@code catalog.record.<act>} and publish a
 * {@link CatalogEvents} event in the same transaction. {@code actor} is the user name of whoever acts.
 */
@Service
public class Catalog {

    private final RecordStore records;
    private final ItemStore items;
    private final District district;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Catalog(RecordStore records, ItemStore items, District district, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.items = items;
        this.district = district;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // Records

    @Transactional(readOnly = true)
    public Optional<RecordView> record(long id) {
        return records.find(id).map(stored -> {
            Record marc = StoredMarc.read(stored.marc());
            return new RecordView(id, Description.of(marc), marc, items.ofRecord(id), stored.createdAt(),
                    stored.updatedAt(), stored.version());
        });
    }

    /**
     * Live records with an id above {@code afterId}, in id order, at most {@code limit} (up to 2,000), with their
     * copies: how the search index reads the whole catalogue.
     */
    @Transactional(readOnly = true)
    public List<RecordView> recordsAfter(long afterId, int limit) {
        List<RecordStore.StoredRecord> page = records.after(afterId, Math.max(1, Math.min(limit, 2000)));
        return page.isEmpty() ? List.of() : views(page, items.ofRecordRange(page.get(0).id(),
                page.get(page.size() - 1).id()));
    }

    /** The live records among {@code ids} (up to 2,000), with their copies; deleted and unknown ids are absent. */
    @Transactional(readOnly = true)
    public List<RecordView> records(Collection<Long> ids) {
        if (ids.size() > 2000) {
            throw new IllegalArgumentException("at most 2000 ids at once");
        }
        List<RecordStore.StoredRecord> found = records.findAll(ids);
        return views(found, items.ofRecords(found.stream().map(RecordStore.StoredRecord::id).toList()));
    }

    private static List<RecordView> views(List<RecordStore.StoredRecord> stored, Map<Long, List<ItemView>> copies) {
        return stored.stream().map(row -> {
            Record marc = StoredMarc.read(row.marc());
            return new RecordView(row.id(), Description.of(marc), marc, copies.getOrDefault(row.id(), List.of()),
                    row.createdAt(), row.updatedAt(), row.version());
        }).toList();
    }

    /** Live records whose title contains {@code text} (every record when blank), by title without its article. */
    @Transactional(readOnly = true)
    public List<RecordSummary> records(String text, int offset, int limit) {
        return records.byTitle(text == null ? "" : text.strip(), Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    @Transactional(readOnly = true)
    public int countRecords(String text) {
        return records.countByTitle(text == null ? "" : text.strip());
    }

    @Transactional(readOnly = true)
    public List<RecordSummary> newest(int limit) {
        return records.newest(Math.max(1, Math.min(limit, 500)));
    }

    /** Catalogues a title from the simple form (original cataloguing), writing its MARC. */
    @Transactional
    public CatalogResult catalogue(BasicDescription description, String actor) {
        if (description.title() == null || description.title().isBlank()) {
            return CatalogResult.invalid("title", "form.required");
        }
        return createRecord(RecordBuilder.build(description, district.today()), actor);
    }

    /** Adds a record as given (after the MARC editor or a copy-cataloguing source has checked it). */
    @Transactional
    public CatalogResult createRecord(Record marc, String actor) {
        Optional<CatalogResult> invalid = refuseWithoutTitle(marc);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        RecordValues values = RecordValues.of(marc);
        long id = records.insert(values, now());
        audit.record(actor, "catalog.record.created", "record", id, values.title());
        events.publishEvent(new RecordCreated(id));
        return new CatalogResult.Saved(id);
    }

    /** Replaces a record's MARC if nobody changed it since {@code version}. */
    @Transactional
    public CatalogResult updateRecord(long id, long version, Record marc, String actor) {
        Optional<CatalogResult> invalid = refuseWithoutTitle(marc);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (records.find(id).isEmpty()) {
            return new CatalogResult.Refused("catalog.record.notFound");
        }
        RecordValues values = RecordValues.of(marc);
        if (!records.update(id, version, values, now())) {
            return CatalogResult.stale();
        }
        items.followRecordCallNumber(id, values.description().callNumber());
        audit.record(actor, "catalog.record.updated", "record", id, values.title());
        events.publishEvent(new RecordChanged(id));
        return new CatalogResult.Saved(id);
    }

    /**
     * Deletes a record whose copies are all gone or withdrawn. With withdrawn copies the record is only hidden, so
     * statistics keep the title; a record with other copies is refused (delete or withdraw them first).
     */
    @Transactional
    public CatalogResult deleteRecord(long id, String actor) {
        Optional<RecordView> record = record(id);
        if (record.isEmpty()) {
            return new CatalogResult.Refused("catalog.record.notFound");
        }
        long kept = record.get().items().stream().filter(item -> item.status() != ItemStatus.WITHDRAWN).count();
        if (kept > 0) {
            return new CatalogResult.Refused("catalog.record.delete.hasItems", kept);
        }
        if (record.get().items().isEmpty()) {
            records.delete(id);
        } else {
            records.softDelete(id, now());
        }
        audit.record(actor, "catalog.record.deleted", "record", id, record.get().description().title());
        events.publishEvent(new RecordDeleted(id));
        return new CatalogResult.Saved(id);
    }

    private static Optional<CatalogResult> refuseWithoutTitle(Record marc) {
        DataField title = (DataField) marc.getVariableField("245");
        if (title == null || title.getSubfield('a') == null || title.getSubfield('a').getData().isBlank()) {
            return Optional.of(CatalogResult.invalid("marc", "catalog.record.title.required"));
        }
        return Optional.empty();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
