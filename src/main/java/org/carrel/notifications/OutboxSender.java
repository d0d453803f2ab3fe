package org.carrel.notifications;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands queued messages to SMTP, every {@code carrel.notifications.send-every} (30 s) and on demand.
 *
 * <p>Never twice: a message is claimed (QUEUED to SENDING, a committed conditional update, so of two nodes only one
 * gets it) before SMTP sees it, and marked SENT right after the server took it. If the process dies in between, the
 * message stays SENDING; after {@link #STUCK} it becomes UNCERTAIN and is never sent again unless staff choose to.
 * At most one message per sender can be caught so.
 *
 * <p>Retries: a temporary failure (a 4xx answer, the server unreachable) puts the message back in the queue after
 * 1, 2, 4 ... minutes (at most 4 hours) until {@code carrel.notifications.max-attempts} (10) tries; a 5xx answer or
 * an invalid address fails it at once. Failed messages are listed for staff. While the server cannot be reached at
 * all, no message is charged a try: the scheduled passes wait longer each time (1, 2, 4 ... minutes, at most 30),
 * the outbox page shows the problem, and staff may send at once.
 */
@Component
class OutboxSender {

    /** How long a claimed message may stay SENDING before it counts as caught by a crash. */
    static final Duration STUCK = Duration.ofMinutes(5);
    private static final Duration LONGEST_WAIT = Duration.ofHours(4);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** What one pass did. */
    record Counts(int sent, int retried, int failed, int uncertain, String serverProblem) {
    }

    private final OutboxStore store;
    private final MailDelivery mail;
    private final Clock clock;
    private final int maxAttempts;
    private volatile ServerProblem serverProblem;
    private volatile int failedPasses;
    private volatile Instant nextPassAt;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    OutboxSender(OutboxStore store, MailDelivery mail, Clock clock,
                 @Value("${carrel.notifications.max-attempts:10}") int maxAttempts) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${carrel.notifications.send-every:PT30S}",
            initialDelayString = "${carrel.notifications.send-every:PT30S}")
    void onSchedule() {
        if (mail.configured() && (nextPassAt == null || !clock.instant().isBefore(nextPassAt))) {
            sendDue();
        }
    }

    /** Sends every message whose time has come; one pass at a time in this process. */
    synchronized Counts sendDue() {
        int uncertain = store.markUncertain(clock.instant().minus(STUCK));
        if (uncertain > 0) {
            log.warn("Outbox: {} message(s) were being sent when a sender stopped; marked uncertain, not resent",
                    uncertain);
        }
        int sent = 0;
        int retried = 0;
        int failed = 0;
        if (!mail.configured()) {
            return new Counts(0, 0, 0, uncertain, "SMTP is not configured (spring.mail.host)");
        }
        List<Long> due = store.due(clock.instant(), BATCH);
        while (!due.isEmpty()) {
            try (MailDelivery.Connection smtp = mail.open()) {
                for (long id : due) {
                    Optional<OutboxStore.Outgoing> claimed = store.claim(id, node, clock.instant());
                    if (claimed.isEmpty()) {
                        continue; // another node has it
                    }
                    MailDelivery.Failure failure = smtp.send(claimed.get());
                    if (failure == null) {
                        store.sent(id, clock.instant());
                        sent++;
                    } else if (failure.permanent() || claimed.get().attempts() >= maxAttempts) {
                        store.failed(id, failure.reason() + (failure.permanent() ? ""
                                : " (gave up after " + claimed.get().attempts() + " tries)"));
                        failed++;
                    } else {
                        store.retry(id, clock.instant().plus(wait(claimed.get().attempts())), failure.reason());
                        retried++;
                        if (failure.serverDown()) {
                            unreachable(failure.reason());
                            return counts(sent, retried, failed, uncertain, failure.reason());
                        }
                    }
                }
            } catch (MailDelivery.DeliveryException e) {
                unreachable(e.getMessage());
                return counts(sent, retried, failed, uncertain, e.getMessage());
            }
            due = store.due(clock.instant(), BATCH);
        }
        serverProblem = null;
        failedPasses = 0;
        nextPassAt = null;
        return counts(sent, retried, failed, uncertain, null);
    }

    /** The mail server could not be reached: the scheduled passes wait 1, 2, 4 ... minutes (at most 30). */
    private void unreachable(String problem) {
        failedPasses++;
        nextPassAt = clock.instant().plus(Duration.ofMinutes(Math.min(1L << Math.min(failedPasses - 1, 5), 30)));
        serverProblem = new ServerProblem(clock.instant(), problem);
        log.warn("Outbox: {}; the next scheduled try at {}", problem, nextPassAt);
    }

    /** The last time the mail server could not be reached, and why; null once a pass got through. */
    ServerProblem serverProblem() {
        return serverProblem;
    }

    /** Why the mail server was out of reach, and when. */
    record ServerProblem(Instant at, String reason) {
    }

    private Counts counts(int sent, int retried, int failed, int uncertain, String problem) {
        if (sent + retried + failed > 0) {
            log.info("Outbox: {} sent, {} to try again, {} failed", sent, retried, failed);
        }
        return new Counts(sent, retried, failed, uncertain, problem);
    }

    /** The wait before try {@code attempts + 1}: 1, 2, 4 ... minutes, at most four hours. */
    static Duration wait(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    String node() {
        return node;
    }

    Instant now() {
        return clock.instant();
    }
}
