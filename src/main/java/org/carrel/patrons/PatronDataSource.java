package org.carrel.patrons;

/**
 * A module's part of a patron's data export ({@link PatronRecords#export}): everything that module holds about one
 * patron. A module that keeps rows about patrons implements this as a Spring bean; the export collects every bean
 * of this type, the patrons module's own first. Called inside the export's read-only transaction.
 */
public interface PatronDataSource {

    /** The name of this part of the export, e.g. {@code patrons} or {@code circulation}; unique among sources. */
    String name();

    /**
     * Everything this module holds about the patron, as values Jackson writes as JSON (records, maps, lists, text,
     * numbers, booleans); an empty map when it holds nothing.
     */
    Object about(long patronId);
}
