package org.carrel.catalog;

/**
 * Where a copy is in its life. Message key: {@code catalog.itemStatus.NAME}. Circulation moves items between the
 * first four; staff set the others with a reason.
 */
public enum ItemStatus {
    AVAILABLE, CHECKED_OUT, IN_TRANSIT, ON_HOLD_SHELF, MISSING, LOST, DAMAGED, IN_REPAIR, WITHDRAWN, ON_ORDER;

    /** Whether the copy still counts as part of the collection (withdrawn copies are kept only for statistics). */
    public boolean inCollection() {
        return this != WITHDRAWN;
    }
}
