package org.carrel.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail outbox: every message Carrel sends is first a row here, written in the transaction that decided to
 * send it (a notice run marks the notices it covers in the same transaction), then handed to SMTP by
 * {@link OutboxSender}. Without SMTP the messages wait here and staff print them.
 *
 * <p>Privacy: a message's text names titles, so it is cleared {@code carrel.notifications.keep-bodies} (30 days)
 * after it was sent or printed; the delivery log keeps who, what kind, when and to which address. Every staff view
 * of a patron's messages is audited. Erasing a patron deletes the messages about and to them ({@code PatronChanges}).
 */
@Service
public class Outbox {

    /** How many messages a list shows at most. */
    public static final int LIST_LIMIT = 500;

    private final OutboxStore store;
    private final OutboxSender sender;
    private final MailDelivery mail;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration keepBodies;

    Outbox(OutboxStore store, OutboxSender sender, MailDelivery mail, AuditLog audit, Clock clock,
           @Value("${carrel.notifications.keep-bodies:P30D}") Duration keepBodies) {
        this.store = store;
        this.sender = sender;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.keepBodies = keepBodies;
    }

    /** Queues a message in the caller's transaction. */
    @Transactional
    public long enqueue(NewMessage message, String by) {
        return store.insert(message, clock.instant(), by);
    }

    /** Whether SMTP is configured; without it messages wait here to be printed. */
    public boolean smtpConfigured() {
        return mail.configured();
    }

    /** Sends what is due now (after fixing the SMTP settings, say); what the pass did. */
    public SendResult sendNow() {
        OutboxSender.Counts counts = sender.sendDue();
        return new SendResult(counts.sent(), counts.retried(), counts.failed(), counts.uncertain(),
                counts.serverProblem());
    }

    /** When the mail server last could not be reached, and why; empty once a pass got through. */
    public Optional<ServerProblem> serverProblem() {
        OutboxSender.ServerProblem problem = sender.serverProblem();
        return problem == null ? Optional.empty() : Optional.of(new ServerProblem(problem.at(), problem.reason()));
    }

    /** The mail server could not be reached at {@code at}. */
    public record ServerProblem(java.time.Instant at, String reason) {
    }

    /** What a sending pass did; {@code problem} says why it stopped early (null if it did not). */
    public record SendResult(int sent, int toTryAgain, int failed, int uncertain, String problem) {
    }

    /** Messages waiting (queued, failed, uncertain), newest first, in these schools (null: all). */
    @Transactional(readOnly = true)
    public List<OutboxEntry> waiting(Collection<Long> schoolIds) {
        return store.withStatus(EnumSet.of(OutboxStatus.QUEUED, OutboxStatus.SENDING, OutboxStatus.FAILED,
                OutboxStatus.UNCERTAIN), schoolIds, LIST_LIMIT);
    }

    /** Messages sent or printed, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> done(Collection<Long> schoolIds) {
        return store.withStatus(EnumSet.of(OutboxStatus.SENT, OutboxStatus.PRINTED), schoolIds, LIST_LIMIT);
    }

    /** The delivery log of a patron (messages about them and to them), audited as a view of their record. */
    @Transactional
    public List<OutboxEntry> deliveryLog(long patronId, String actor) {
        audit.record(actor, "notifications.log.viewed", "patron", patronId, null);
        return store.forPatron(patronId, LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public Optional<OutboxEntry> find(long id) {
        return store.find(id);
    }

    /** A failed or uncertain message goes again; false if it is neither. */
    @Transactional
    public boolean resend(long id, String actor) {
        boolean done = store.requeue(id, clock.instant());
        if (done) {
            audit.record(actor, "notifications.message.resent", "notice_message", id, null);
        }
        return done;
    }

    /** Staff printed these messages: they leave the queue. */
    @Transactional
    public int printed(Collection<Long> ids, String actor) {
        int done = store.printed(ids, clock.instant());
        audit.record(actor, "notifications.message.printed", "notice_message", null, done + " message(s)");
        return done;
    }


    @Scheduled(cron = "${carrel.notifications.cron.clear-bodies:0 15 3 * * *}")
    @Transactional
    public int clearOldBodies() {
        return store.clearBodies(clock.instant().minus(keepBodies));
    }
}
