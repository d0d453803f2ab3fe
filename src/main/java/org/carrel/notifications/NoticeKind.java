package org.carrel.notifications;

import java.util.Locale;

/**
 * The kinds of message Carrel sends. Each has a template per language ({@link NoticeTemplates}); the circulation
 * kinds are sections of one letter per recipient and day ({@link #LETTER} wraps them).
 */
public enum NoticeKind {
    COURTESY, OVERDUE_FIRST, OVERDUE_SECOND, LOST, HOLD_READY, HOLD_EXPIRING, CHARGE,
    /** The wrapper of a day's circulation notices to one recipient. */
    LETTER,
    /** A homeroom teacher's daily list of their students' overdue items. */
    HOMEROOM_DIGEST,
    /** A teacher's weekly list of new titles matching their subscriptions. */
    NEW_ARRIVALS,
    /** A librarian's hand-picked "new in the library" message to a school's teachers. */
    ANNOUNCEMENT;

    /** Message key of the kind's name, e.g. {@code notices.kind.OVERDUE_FIRST}. */
    public String messageKey() {
        return "notices.kind." + name();
    }

    /** The kind as written in the API: {@code overdue-first}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
