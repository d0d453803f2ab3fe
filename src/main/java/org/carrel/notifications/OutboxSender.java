package org.carrel.notifications;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

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
 *
 * <p>Retries: a temporary failure (a 4xx answer, the server unreachable) puts the message back in the queue after
 * 1, 2, 4 ... minutes (at most 4 hours) until {@code carrel.notifications.max-attempts} (10) tries; a 5xx answer or
 * an invalid address fails it at once. Failed messages are listed for staff. While the server cannot be reached at
 * all, no message is charged a try: the scheduled passes wait longer each time (1, 2, 4 ... minutes, at most 30),
 * the outbox page shows the problem, and staff may send at once.
 *
 * <p>At most one message per SMTP connection can be caught by a crash; a pass uses up to
 * {@code carrel.notifications.connections} (4).
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
    private final int connections;
    private ExecutorService workers;
    private volatile ServerProblem serverProblem;
    private volatile int failedPasses;
    private volatile Instant nextPassAt;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    OutboxSender(OutboxStore store, MailDelivery mail, Clock clock,
                 @Value("${carrel.notifications.max-attempts:10}") int maxAttempts,
                 @Value("${carrel.notifications.connections:4}") int connections) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.connections = Math.max(1, connections);
    }

    @Scheduled(fixedDelayString = "${carrel.notifications.send-every:PT30S}",
            initialDelayString = "${carrel.notifications.send-every:PT30S}")
    void onSchedule() {
        if (mail.configured() && (nextPassAt == null || !clock.instant().isBefore(nextPassAt))) {
            sendDue();
        }
    }

    /**
     * Sends every message whose time has come; one pass at a time in this process, on up to
     * {@code carrel.notifications.connections} SMTP connections at once (each message's claim and its mark are
     * commits of their own, so parallel connections keep a database that syncs each commit to disk busy).
     */
    synchronized Counts sendDue() {
        int uncertain = store.markUncertain(clock.instant().minus(STUCK));
        if (uncertain > 0) {
            log.warn("Outbox: {} message(s) were being sent when a sender stopped; marked uncertain, not resent",
                    uncertain);
        }
        if (!mail.configured()) {
            return new Counts(0, 0, 0, uncertain, "SMTP is not configured (spring.mail.host)");
        }
        Pass pass = new Pass();
        List<Long> due = store.due(clock.instant(), BATCH);
        while (!due.isEmpty() && pass.problem == null) {
            Queue<Long> queue = new ConcurrentLinkedQueue<>(due);
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i < Math.min(connections, due.size()); i++) {
                others.add(workers().submit(() -> drain(queue, pass)));
            }
            drain(queue, pass);
            for (Future<?> other : others) {
                finish(other);
            }
            due = pass.problem == null ? store.due(clock.instant(), BATCH) : List.of();
        }
        if (pass.problem != null) {
            unreachable(pass.problem);
        } else {
            serverProblem = null;
            failedPasses = 0;
            nextPassAt = null;
        }
        return counts(pass.sent.get(), pass.retried.get(), pass.failed.get(), uncertain, pass.problem);
    }

    /** What a pass has done so far; {@code problem} stops it (the mail server is out of reach). */
    private static final class Pass {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile String problem;
    }

    /** One SMTP connection sends messages from the queue until it is empty or the pass stops. */
    private void drain(Queue<Long> queue, Pass pass) {
        try (MailDelivery.Connection smtp = mail.open()) {
            Long id;
            while (pass.problem == null && (id = queue.poll()) != null) {
                Optional<OutboxStore.Outgoing> claimed = store.claim(id, node, clock.instant());
                if (claimed.isEmpty()) {
                    continue; // another node has it
                }
                int attempts = claimed.get().attempts();
                MailDelivery.Failure failure = smtp.send(claimed.get());
                if (failure == null) {
                    store.sent(id, clock.instant());
                    pass.sent.incrementAndGet();
                } else if (failure.permanent() || attempts >= maxAttempts) {
                    store.failed(id, failure.reason() + (failure.permanent() ? ""
                            : " (gave up after " + attempts + " tries)"));
                    pass.failed.incrementAndGet();
                } else {
                    store.retry(id, clock.instant().plus(wait(attempts)), failure.reason());
                    pass.retried.incrementAndGet();
                    if (failure.serverDown()) {
                        pass.problem = failure.reason();
                    }
                }
            }
        } catch (MailDelivery.DeliveryException e) {
            pass.problem = e.getMessage();
        }
    }

    private static void finish(Future<?> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            AtomicInteger n = new AtomicInteger();
            workers = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "outbox-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    @PreDestroy
    void stopWorkers() {
        if (workers != null) {
            workers.shutdown();
        }
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
}
