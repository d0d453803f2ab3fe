package org.carrel.circulation;

/** Where a copy goes after check-in. Message key {@code circulation.routing.NAME}. */
public enum Routing {
    /** Back on the shelf of this school. */
    SHELF,
    /** On this school's hold shelf for a patron. */
    HOLD_SHELF,
    /** Into the delivery to another school (a hold's pickup school, or the copy's home). */
    TRANSIT
}
