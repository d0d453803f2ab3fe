package org.carrel.accounts;

import static org.carrel.accounts.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a school library program. A role grants a fixed set of permissions; staff roles are scoped to one
 * or more schools, a district admin acts in all of them.
 */
public enum Role {
    DISTRICT_ADMIN(EnumSet.allOf(Permission.class)),
    LIBRARIAN(EnumSet.of(STAFF_AREA, DISTRICT_VIEW, SCHOOL_EDIT, CATALOG_VIEW, CATALOG_EDIT, CATALOG_IMPORT,
            PATRON_LOOKUP, PATRON_VIEW, PATRON_EDIT, CIRCULATION_DESK, LOANS_VIEW, CIRCULATION_OVERRIDE, HOLDS_MANAGE,
            CHARGES_MANAGE, CHARGES_FORGIVE, LOAN_RULES_EDIT, NOTICES_MANAGE, NEW_ARRIVAL_ALERTS, OWN_ACCOUNT)),
    PARAPROFESSIONAL(EnumSet.of(STAFF_AREA, DISTRICT_VIEW, CATALOG_VIEW, CATALOG_EDIT, PATRON_LOOKUP, PATRON_VIEW,
            PATRON_EDIT, CIRCULATION_DESK, LOANS_VIEW, HOLDS_MANAGE, CHARGES_MANAGE, OWN_ACCOUNT)),
    /** Works by barcode only: sees a patron's name and barcode, never what others borrow. */
    VOLUNTEER(EnumSet.of(STAFF_AREA, CATALOG_VIEW, PATRON_LOOKUP, CIRCULATION_DESK, OWN_ACCOUNT)),
    TEACHER(EnumSet.of(OWN_BORROWING, NEW_ARRIVAL_ALERTS, OWN_ACCOUNT)),
    STUDENT(EnumSet.of(OWN_BORROWING, OWN_ACCOUNT)),
    /** A principal or other school administrator: read-only reports. */
    ADMINISTRATOR(EnumSet.of(STAFF_AREA, DISTRICT_VIEW, CATALOG_VIEW, PATRON_LOOKUP, PATRON_VIEW, OWN_ACCOUNT));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** Message key of the role's name, e.g. {@code accounts.role.DISTRICT_ADMIN}. */
    public String messageKey() {
        return "accounts.role." + name();
    }

    /** Parses a role as typed on a command line: {@code librarian}, {@code district-admin}, {@code DISTRICT_ADMIN}. */
    public static Role parse(String text) {
        String name = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; one of: " + java.util.Arrays.stream(values())
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .collect(java.util.stream.Collectors.joining(", ")));
    }
}
