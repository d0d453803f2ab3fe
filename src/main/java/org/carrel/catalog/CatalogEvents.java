package org.carrel.catalog;

/**
 * What the catalogue tells other modules, published after each change in the transaction that made it (search
 * re-indexes the record, notifications look for new arrivals). Facts only: listeners ask {@link Catalog} for the rest.
 */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** A record was catalogued, by hand, from the simple form or by a MARC import. */
    public record RecordCreated(long recordId) {
    }

    /** A record's MARC changed (editor, overlay or merge on import). */
    public record RecordChanged(long recordId) {
    }

    /** A record left the catalogue (its copies are gone or withdrawn). */
    public record RecordDeleted(long recordId) {
    }

    /** A copy was added to a record at a school. */
    public record ItemAdded(long itemId, long recordId, long schoolId) {
    }

    /** A copy's details or status changed. */
    public record ItemChanged(long itemId, long recordId, long schoolId, ItemStatus status) {
    }

    /** A copy was deleted (never one on loan or withdrawn). */
    public record ItemDeleted(long itemId, long recordId, long schoolId) {
    }
}
