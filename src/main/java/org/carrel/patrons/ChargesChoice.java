package org.carrel.patrons;

/**
 * What the year-end rollover does with unpaid charges of students who leave: keep them, or clear them. Message key
 * {@code patrons.rollover.charges.NAME}. Recorded with the rollover; nothing acts on it until circulation exists.
 */
public enum ChargesChoice {
    KEEP, CLEAR;

    public String messageKey() {
        return "patrons.rollover.charges." + name();
    }

    /** The choice named by a form value; null when it names none. */
    public static ChargesChoice parse(String text) {
        for (ChargesChoice choice : values()) {
            if (choice.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return choice;
            }
        }
        return null;
    }
}
