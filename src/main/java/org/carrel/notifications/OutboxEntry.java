package org.carrel.notifications;

import java.time.Instant;

/** A message in the outbox as staff see it; {@code body} is null once cleared after sending. */
public record OutboxEntry(long id, NoticeKind kind, Long patronId, Long schoolId, Long recipientId,
                          String recipientName, String recipientEmail, String language, String subject, String body,
                          int itemCount, OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError,
                          Instant createdAt, String createdBy, Instant sentAt) {

    /** Whether it waits for a printer rather than SMTP. */
    public boolean noAddress() {
        return recipientEmail == null;
    }
}
