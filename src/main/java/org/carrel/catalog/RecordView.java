package org.carrel.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import org.carrel.catalog.marc.Description;
import org.marc4j.marc.Record;

/** A record with what Carrel reads from it, its MARC and its copies (all schools). */
public record RecordView(long id, Description description, Record marc, List<ItemView> items,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
