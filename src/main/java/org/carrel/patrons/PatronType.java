package org.carrel.patrons;

/** Who a patron is to the library; message key {@code patrons.type.NAME}. */
public enum PatronType {
    STUDENT, TEACHER, STAFF, GUARDIAN, COMMUNITY;

    public String messageKey() {
        return "patrons.type." + name();
    }
}
