/**
 * Circulation: loan rules, checkout, check-in and renewal, class sets and in-library use, holds and reservations
 * with transits between schools, overdues, lost copies and charges.
 *
 * <p>Facades: {@link org.carrel.circulation.Circulation} (the desk and the daily work on loans),
 * {@link org.carrel.circulation.Holds}, {@link org.carrel.circulation.Charges},
 * {@link org.carrel.circulation.LoanRules} and {@link org.carrel.circulation.LoanImport} (open loans and holds
 * brought over from another library system). Refusals are values ({@link org.carrel.circulation.Refusal}, one stable
 * code each); events are in {@link org.carrel.circulation.CirculationEvents}.
 *
 * <p>Privacy by design: a {@code loan} row lives only while the copy is out. A return deletes it and leaves an
 * anonymous {@code loan_statistic} row (school, patron type, grade, copy, dates), a {@code reading_history} row only
 * for a patron who opted in, and a count in {@code patron_engagement} (no titles). Finished holds are deleted; a
 * settled charge loses its patron. Every staff view of a patron's loans or charges is audited.
 *
 * <p>Correctness under load: every act on a copy first locks the copy's row through
 * {@link org.carrel.catalog.Copies#lockForCirculation}, so acts on one copy run one after the other on every node;
 * the schema keeps one open loan per copy, one hold per copy set aside and one copy per hold.
 *
 * <p>The daily work ({@link org.carrel.circulation.CirculationJobs}: overdue reports hourly, lost copies and holds
 * at night, on cron properties) is idempotent, so every node may run it. Staff pages are in {@code circulation.web}.
 *
 * <p>Calls {@code catalog} (copies, their status), {@code patrons} (borrowers; implements
 * {@link org.carrel.patrons.PatronObligations} and {@link org.carrel.patrons.PatronDataSource}, follows merges and
 * erasures), {@code district} (calendars, time zone), {@code accounts} (audit) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Circulation")
package org.carrel.circulation;
