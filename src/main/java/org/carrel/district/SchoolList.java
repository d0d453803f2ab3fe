package org.carrel.district;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The list of schools as last read, for the callers that need it on every request (the catalogue's search API and
 * pages): a handful of rows that change a few times a year. A change made through this process is seen at once (the
 * copy is dropped when the change is made and again when its transaction ends); a change made by another node is
 * seen within {@code maxAge}. A transaction that writes always reads the table itself, so it sees its own changes.
 */
final class SchoolList {

    private record Copy(List<SchoolView> schools, long changes, long readAt) {
    }

    private final long maxAgeNanos;
    private final AtomicLong changes = new AtomicLong();
    private volatile Copy copy;

    SchoolList(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The schools, from the copy while it is current, else from {@code read}. */
    List<SchoolView> get(Supplier<List<SchoolView>> read) {
        if (writing()) {
            return read.get();
        }
        Copy last = copy;
        long now = System.nanoTime();
        long seen = changes.get();
        if (last != null && last.changes() == seen && now - last.readAt() < maxAgeNanos) {
            return last.schools();
        }
        List<SchoolView> schools = List.copyOf(read.get());
        copy = new Copy(schools, seen, now);
        return schools;
    }

    /** A school was added or changed in the current transaction. */
    void changed() {
        changes.incrementAndGet();
        copy = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    copy = null;
                }
            });
        }
    }

    private static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
