/**
 * The district: its settings (name, time zone, default language, the smallest group analytics may show, who may opt
 * in to reading histories), its schools with grade spans, their library locations, and school calendars (school
 * years, terms, closed days).
 *
 * <p>Publishes the {@link org.carrel.district.District} facade and its records; implements the accounts module's
 * {@link org.carrel.accounts.SchoolDirectory}; serves the staff pages under {@code /staff/district} and
 * {@code /staff/schools} and the JSON API {@code /api/v1/schools}; seeds the demo district (order 100).
 *
 * <p>Calls {@code accounts} (permissions, the signed-in user, the audit log) and {@code shared}; never {@code web}.
 * Later modules ask it whether a school is closed on a day and when the school year ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "District")
package org.carrel.district;
