/**
 * Pages of circulation (the JSON API lives beside them in {@code CirculationApi}).
 * <ul>
 * <li>The desk ({@code /staff/circulation/desk}, {@code DeskPages}): one scan box for check-out, check-in, renewal
 * and in-library use, answered in place with htmx; the patron panel shows loans only to staff who may see them
 * (audited); overrides for staff allowed to give them; a printable receipt and class-set checkout.</li>
 * <li>Holds for staff ({@code /staff/circulation/holds}): a school's hold shelf, pull list and transits; a title's
 * queue with cancel, suspend and a form to place a hold for a patron.</li>
 * <li>Overdues and charges ({@code /staff/circulation/overdues}, {@code /staff/circulation/patrons/{id}},
 * {@code /staff/circulation/charges/forgive}): overdue lists and the homeroom teachers' PDF, a patron's loans,
 * holds and charges, bulk forgiveness, running the daily jobs now.</li>
 * <li>Loan rules ({@code /staff/circulation/rules}): the matrix, its editor, recommended rules per school level,
 * the district's circulation settings, and the preview of a loan's due date.</li>
 * <li>Self-service in the public catalogue for signed-in students and teachers ({@code /catalog/my-library}): their
 * own loans (renew), holds (cancel), reading history if kept and charges; placing a hold (a teacher's reservation)
 * from a title's page.</li>
 * </ul>
 * Calls the {@code circulation} facades, {@code patrons} (who the signed-in person borrows as), {@code catalog}
 * (titles, copies), {@code district} (schools) and {@code accounts} (scope, audit of staff views).
 */
package org.carrel.circulation.web;
