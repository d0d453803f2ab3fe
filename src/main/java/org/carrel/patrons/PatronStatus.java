package org.carrel.patrons;

/** Whether a patron may borrow; only {@link #ACTIVE} patrons may. Message key {@code patrons.status.NAME}. */
public enum PatronStatus {
    ACTIVE, INACTIVE, GRADUATED, TRANSFERRED;

    public String messageKey() {
        return "patrons.status." + name();
    }
}
