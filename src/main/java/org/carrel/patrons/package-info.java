/**
 * Patrons: students, teachers and staff, guardians and community borrowers; their home school, barcode (from the
 * school's range when none is given), status, blocks, guardians, homerooms and reading-history choice. The facade
 * is {@link org.carrel.patrons.Patrons}; every full read of a patron and every change writes an audit entry.
 *
 * <p>Calls {@code district} (schools), {@code accounts} (audit, permissions) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patrons")
package org.carrel.patrons;
