/**
 * Patrons: students, teachers and staff, guardians and community borrowers; their home school, barcode (from the
 * school's range when none is given), status, blocks, guardians, homerooms and reading-history choice. The facade
 * is {@link org.carrel.patrons.Patrons}; every full read of a patron and every change writes an audit entry.
 *
 * <p>{@link org.carrel.patrons.LibraryCards} prints library cards (credit-card size, ten a sheet, vector Code 128 or
 * Code 39 bars drawn with OpenPDF and ZXing, like the catalogue's labels but with their own small drawing code, as
 * the label classes are internal to {@code catalog}). {@link org.carrel.patrons.Rollover} is the year-end rollover:
 * previewed, then applied once per school year (table {@code patron_rollover}); it cannot check loans and charges
 * until {@code circulation} exists.
 *
 * <p>{@link org.carrel.patrons.RosterImport} imports OneRoster 1.1/1.2 packages and plain CSV rosters (command
 * {@code import-roster}, page {@code /staff/patrons/roster}): a preview first, then one transaction.
 *
 * <p>Calls {@code district} (schools, school years and terms), {@code accounts} (audit, permissions) and
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrons")
package org.carrel.patrons;
