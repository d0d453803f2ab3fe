package org.carrel.district;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read on nearly every request yet changed a few times a year (the list of schools, the district settings,
 * a school's calendar), kept in memory by key. A change made through this process is seen at once: every copy is
 * dropped when the change is made and again when its transaction ends, and a copy read while a change was under way
 * is not kept. A change made by another node is seen within {@code maxAge}. The transaction that makes a change reads
 * the tables itself until it ends, so it sees its own change.
 */
final class ReadMostly<K, V> {

    private static final Object ONLY = new Object();

    private record Copy<V>(V value, long changes, long readAt) {
    }

    private final long maxAgeNanos;
    private final AtomicLong changes = new AtomicLong();
    private final Map<Object, Copy<V>> copies = new ConcurrentHashMap<>();

    ReadMostly(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The value of {@code key}, from the copy while it is current, else from {@code read} (which must not be null). */
    V get(K key, Function<? super K, ? extends V> read) {
        return copyOf(key, () -> read.apply(key));
    }

    /** For a single value: the copy while it is current, else {@code read}. */
    V get(Supplier<? extends V> read) {
        return copyOf(ONLY, read);
    }

    private V copyOf(Object key, Supplier<? extends V> read) {
        if (changingHere()) {
            return read.get();
        }
        Copy<V> last = copies.get(key);
        long now = System.nanoTime();
        long seen = changes.get();
        if (last != null && last.changes() == seen && now - last.readAt() < maxAgeNanos) {
            return last.value();
        }
        V value = read.get();
        copies.put(key, new Copy<>(value, seen, now));
        return value;
    }

    /** A value was changed in the current transaction (or, outside one, just now). */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReadMostly.this);
                    forget();
                }
            });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        copies.clear();
    }

    /** Whether the current transaction changed a value of this kind. */
    private boolean changingHere() {
        return TransactionSynchronizationManager.hasResource(this);
    }
}
