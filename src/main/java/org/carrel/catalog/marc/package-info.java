/**
 * Reading and writing catalog records: {@link org.carrel.catalog.marc.Description} takes the fields Carrel shows and
 * indexes out of a MARC 21 bibliographic record, {@link org.carrel.catalog.marc.Isbn} makes ISBN-10 and ISBN-13 one
 * identifier, {@link org.carrel.catalog.marc.CallNumbers} turns a school call number into a key that sorts in shelf
 * order, and {@link org.carrel.catalog.marc.RecordBuilder} writes the MARC of the simple cataloguing form.
 *
 * <p>Pure Java over marc4j: no Spring, no database, so the import can run it for every record. Named interface
 * {@code marc}: other modules (search) read a record through {@code Description}, which the catalogue's views carry.
 */
@org.springframework.modulith.NamedInterface("marc")
package org.carrel.catalog.marc;
