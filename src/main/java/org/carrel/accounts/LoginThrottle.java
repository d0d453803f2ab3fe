package org.carrel.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user name and per client address in a sliding window. Kept in memory: on several nodes
 * each node throttles on its own, which multiplies the allowance by the number of nodes but still stops guessing.
 */
@Component
class LoginThrottle {

    private final AccountsSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    /** Past this many keys, names and addresses whose failures have all expired are dropped. */
    static final int SWEEP_ABOVE = 10_000;

    LoginThrottle(AccountsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    boolean refuses(String username, String address) {
        return recent(byAccount, username) >= settings.maxFailuresPerAccount()
                || recent(byAddress, address) >= settings.maxFailuresPerAddress();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        add(byAccount, username, now);
        add(byAddress, address, now);
    }

    void succeeded(String username) {
        byAccount.remove(username);
    }

    private int recent(Map<String, Deque<Instant>> failures, String key) {
        if (key == null) {
            return 0;
        }
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            return times.size();
        }
    }

    private void add(Map<String, Deque<Instant>> failures, String key, Instant now) {
        if (key == null) {
            return;
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(now);
        }
        if (failures.size() > SWEEP_ABOVE) {
            sweep(failures);
        }
    }

    /** Guessing with many made-up user names must not grow the map without end. */
    private void sweep(Map<String, Deque<Instant>> failures) {
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue());
                return entry.getValue().isEmpty();
            }
        });
    }

    int trackedNames() {
        return byAccount.size();
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(settings.failureWindow());
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }
}
