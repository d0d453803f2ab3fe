/**
 * Pages of circulation. Holds for staff ({@code /staff/circulation/holds}): a school's hold shelf, pull list and
 * transits, printable; a title's queue with cancel, suspend and a form to place a hold for a patron. Self-service in
 * the public catalogue for signed-in students and teachers ({@code /catalog/my-library}): their own loans (renew),
 * holds (cancel), reading history if kept and charges; placing a hold (a teacher's reservation) from a title's page.
 * Calls the {@code circulation} facades, {@code patrons} (who the signed-in person borrows as), {@code catalog}
 * (titles, copies) and {@code district} (schools), and {@code accounts} to audit staff views of who waits for what.
 */
package org.carrel.circulation.web;
