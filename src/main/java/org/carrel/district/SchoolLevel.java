package org.carrel.district;

/** What kind of school it is; message key {@code district.level.NAME}. */
public enum SchoolLevel {
    ELEMENTARY, MIDDLE, HIGH, OTHER;

    public String messageKey() {
        return "district.level." + name();
    }
}
