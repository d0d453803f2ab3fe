/**
 * The catalogue: bibliographic records, whose MARC 21 is kept losslessly (ISO 2709, UTF-8 NFC) beside the columns
 * Carrel reads from it, and their copies (items) with barcode, school, location, call number, type and status.
 *
 * <p>Publishes the facades {@link org.carrel.catalog.Catalog} (records), {@link org.carrel.catalog.Copies} (items),
 * {@link org.carrel.catalog.MarcImports} and {@link org.carrel.catalog.MarcExport}, their records, and the events in
 * {@link org.carrel.catalog.CatalogEvents}. Sub-packages are internal: {@code marc} (what is read from a record:
 * {@code Description}, ISBNs, call-number sort keys, the simple-form record builder), {@code importing} (reading MARC
 * files record by record, holdings fields to copies), {@code labels} (spine and barcode label PDFs, the print queue, the shelf list), {@code demo}
 * (the demo titles) and {@code web} (staff pages). Commands: {@code import-marc}, {@code export-marc}.
 *
 * <p>Calls {@code district} (schools, locations, today's date), {@code accounts} (permissions, audit log) and
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.carrel.catalog;
