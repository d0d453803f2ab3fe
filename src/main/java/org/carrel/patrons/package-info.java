/**
 * Patrons: students, teachers and staff, guardians and community borrowers; their home school, barcode (from the
 * school's range when none is given), status, blocks, guardians, homerooms and reading-history choice. The facade
 * is {@link org.carrel.patrons.Patrons}; every full read of a patron and every change writes an audit entry.
 * {@link org.carrel.patrons.PatronPins} keeps self-check PINs (hashes in {@code patron_pin}), set by staff and
 * checked by {@code sip2}.
 *
 * <p>{@link org.carrel.patrons.LibraryCards} prints library cards (credit-card size, ten a sheet, vector Code 128 or
 * Code 39 bars drawn with OpenPDF and ZXing, with the catalogue's label font, boxes, symbologies and bars from the
 * {@code catalog.labels} named interface). {@link org.carrel.patrons.Rollover} is the year-end rollover:
 * previewed, then applied once per school year (table {@code patron_rollover}); it asks
 * {@link org.carrel.patrons.PatronObligations} (implemented by {@code circulation}) for copies out and charges.
 *
 * <p>{@link org.carrel.patrons.RosterImport} imports OneRoster 1.1/1.2 packages and plain CSV rosters (command
 * {@code import-roster}, page {@code /staff/patrons/roster}): a preview first, then one transaction.
 *
 * <p>{@link org.carrel.patrons.Patrons#merge} merges a duplicate into the patron kept and publishes
 * {@link org.carrel.patrons.PatronsMerged} in its transaction, before the duplicate is deleted: circulation must
 * move its loans, holds and charges there. {@link org.carrel.patrons.PatronRecords} exports everything Carrel holds
 * about a patron (every {@link org.carrel.patrons.PatronDataSource} bean contributes; patrons is the first) and
 * erases a patron's personal data (column {@code erased_at}), publishing {@link org.carrel.patrons.PatronErased};
 * the append-only audit log is not rewritten. A patron who signs in links to an {@code accounts} account.
 *
 * <p>Calls {@code district} (schools, school years and terms), {@code accounts} (audit, permissions, accounts
 * by user name), {@code catalog}'s {@code labels} interface (drawing cards) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrons")
package org.carrel.patrons;
