package org.carrel.web;

import java.util.List;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;

/** The main navigation: each link shows only to those whose role grants its permission. */
final class Navigation {

    private static final List<NavLink> LINKS = List.of(
            new NavLink("/staff", "nav.dashboard", Permission.STAFF_AREA),
            new NavLink("/staff/district", "nav.district", Permission.DISTRICT_VIEW),
            new NavLink("/staff/schools", "nav.schools", Permission.DISTRICT_VIEW),
            new NavLink("/staff/search", "search.nav.staff", Permission.CATALOG_VIEW),
            new NavLink("/staff/catalog", "catalog.nav.records", Permission.CATALOG_VIEW),
            new NavLink("/staff/catalog/shelf", "catalog.nav.shelfList", Permission.CATALOG_VIEW),
            new NavLink("/staff/catalog/labels", "catalog.nav.labels", Permission.CATALOG_EDIT),
            new NavLink("/staff/catalog/imports", "catalog.nav.importMarc", Permission.CATALOG_IMPORT),
            new NavLink("/staff/catalog/export", "catalog.nav.exportMarc", Permission.CATALOG_IMPORT),
            new NavLink("/staff/patrons", "patrons.nav.find", Permission.PATRON_LOOKUP),
            new NavLink("/staff/circulation/desk", "circulation.nav.desk", Permission.CIRCULATION_DESK),
            new NavLink("/staff/circulation/holds", "circulation.nav.holds", Permission.HOLDS_MANAGE),
            new NavLink("/staff/circulation/overdues", "circulation.nav.overdues", Permission.LOANS_VIEW),
            new NavLink("/staff/circulation/rules", "circulation.nav.rules", Permission.LOAN_RULES_EDIT),
            new NavLink("/staff/notices", "nav.notices", Permission.NOTICES_MANAGE),
            new NavLink("/catalog/my-library", "circulation.nav.myLibrary", Permission.OWN_BORROWING),
            new NavLink("/account/new-arrivals", "notices.nav.newArrivals", Permission.NEW_ARRIVAL_ALERTS),
            new NavLink("/staff/accounts", "nav.accounts", Permission.ACCOUNTS_MANAGE),
            new NavLink("/staff/api-tokens", "nav.apiTokens", Permission.API_TOKENS_MANAGE),
            new NavLink("/staff/sip2", "nav.sip2", Permission.SIP2_MANAGE),
            new NavLink("/staff/audit", "nav.audit", Permission.AUDIT_VIEW),
            new NavLink("/account", "nav.myAccount", Permission.OWN_ACCOUNT));

    private static final List<NavLink> PUBLIC = List.of(new NavLink("/catalog", "nav.catalog", null));

    private Navigation() {
    }

    static List<NavLink> linksFor(SignedInUser user) {
        if (user == null) {
            return PUBLIC;
        }
        return java.util.stream.Stream.concat(PUBLIC.stream(),
                LINKS.stream().filter(link -> user.has(link.permission()))).toList();
    }
}
