package org.carrel.accounts;

/**
 * What a signed-in person or an API token may do. Every HTTP endpoint names the permissions that reach it with
 * {@link Allowed} (or is marked {@link PublicEndpoint}); roles grant permissions in {@link Role}.
 */
public enum Permission {
    /** The staff area: dashboard and district pages to read. */
    STAFF_AREA,
    /** Read the district, its schools, locations and calendars. */
    DISTRICT_VIEW,
    /** Edit the district, its settings, and add or edit any school. */
    DISTRICT_EDIT,
    /** Edit locations and calendars of the schools one is scoped to. */
    SCHOOL_EDIT,
    /** Create and edit sign-in accounts and their roles. */
    ACCOUNTS_MANAGE,
    /** Create and revoke API tokens. */
    API_TOKENS_MANAGE,
    /** Read the audit log. */
    AUDIT_VIEW,
    /** Manage SIP2 terminal accounts and see the SIP2 server's connections and errors. */
    SIP2_MANAGE,
    /** The notices outbox (print, resend), notice runs and their preview, a patron's delivery log. */
    NOTICES_MANAGE,
    /** The district's notice settings and the wording of notices. */
    NOTICE_SETTINGS_EDIT,
    /** Follow subjects, Dewey ranges, grades and keywords for new-arrival digests (one's own). */
    NEW_ARRIVAL_ALERTS,
    /** Read operational metrics (/actuator/prometheus). */
    METRICS_VIEW,
    /** Staff catalogue pages: records, the tagged MARC view, copies with their status and notes. */
    CATALOG_VIEW,
    /** Catalogue: create, edit and delete records and copies of one's schools, change status, print labels. */
    CATALOG_EDIT,
    /** Import and export MARC files (whole-catalogue changes). */
    CATALOG_IMPORT,
    /** Find patrons by name, barcode or student number and see what the desk needs: name, barcode, school, status. */
    PATRON_LOOKUP,
    /** A patron's page with personal data (grade, contact, notes, guardians) at one's schools; every view audited. */
    PATRON_VIEW,
    /** Add and edit patrons of one's schools, change their status, place and lift blocks, link guardians. */
    PATRON_EDIT,
    /** Import rosters (OneRoster, CSV) and run the year-end rollover: changes to patrons across the district. */
    ROSTER_MANAGE,
    /** Export everything Carrel holds about a patron, and erase one (a student's records on request). */
    PATRON_RECORDS,
    /** The circulation desk by barcode: check out, check in, renew, count in-library use (volunteers too). */
    CIRCULATION_DESK,
    /** A patron's loans, holds and charges with their titles, and the overdue lists (every view audited). */
    LOANS_VIEW,
    /** Go past an overridable refusal at the desk (blocked, limit, not for loan...), with a reason that is audited. */
    CIRCULATION_OVERRIDE,
    /** Place, cancel and suspend holds for patrons; the hold shelf, pull list and transits of one's schools. */
    HOLDS_MANAGE,
    /** Add charges, take payments and waive charges of one's schools' patrons. */
    CHARGES_MANAGE,
    /** Forgive charges in bulk (a grade, a graduating class). */
    CHARGES_FORGIVE,
    /** Edit the loan rules of one's schools (district-wide rules and circulation settings need DISTRICT_EDIT). */
    LOAN_RULES_EDIT,
    /** In the catalogue: one's own loans, holds and reading history; place and cancel one's own holds. */
    OWN_BORROWING,
    /** One's own account: change one's password. */
    OWN_ACCOUNT
}
