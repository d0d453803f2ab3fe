package org.carrel.notifications;

/** Where a message is: see the {@code notice_message} table's comment. */
public enum OutboxStatus {
    QUEUED, SENDING, SENT, FAILED, UNCERTAIN, PRINTED;

    public String messageKey() {
        return "notices.status." + name();
    }
}
