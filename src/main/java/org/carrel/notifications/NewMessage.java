package org.carrel.notifications;

/**
 * A message to queue: about {@code patronId} (may be null), to {@code recipientId} (a patron, may be null for an
 * address typed by staff) at {@code recipientEmail} (null: no address, so staff print it), in {@code language}.
 */
public record NewMessage(NoticeKind kind, Long patronId, Long schoolId, Long recipientId, String recipientName,
                         String recipientEmail, String language, String subject, String body, int itemCount) {
}
