package org.carrel.sip2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key (a terminal login from an address, a patron's PIN) within a sliding window: after {@code most} of
 * them the key is shut until the oldest has left the window. Keys with no recent failure are dropped once there are
 * more than {@link #KEYS}, so guessing with made-up keys cannot grow it without end.
 */
final class FailureWindow<K> {

    static final int KEYS = 10_000;

    private final int most;
    private final Duration window;
    private final Clock clock;
    private final Map<K, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailureWindow(int most, Duration window, Clock clock) {
        this.most = most;
        this.window = window;
        this.clock = clock;
    }

    /** Whether the key has had {@code most} failures within the window. */
    boolean shut(K key) {
        Instant since = clock.instant().minus(window);
        if (failures.size() > KEYS) {
            failures.values().removeIf(f -> f.isEmpty() || f.peekLast().isBefore(since));
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
                recent.pollFirst();
            }
            return recent.size() >= most;
        }
    }

    void failed(K key) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
        }
    }
}
