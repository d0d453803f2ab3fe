package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.store.LockObtainFailedException;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index current: catalogue events (after their transaction commits) queue the record's id; one thread
 * re-reads queued records from the catalogue in batches, at most every {@link #GATHER_MILLIS} (every
 * {@link #SHELF_GATHER_MILLIS} while only copies went out or came back), and writes them to the index, which makes
 * them searchable within a second. At start it rebuilds an index that needs it; at stop it finishes the queue and
 * closes the index cleanly. In admin-command processes the index stays closed and a change only marks it stale.
 */
@Component
class IndexFeeder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    private static final int BATCH = 1000;
    /**
     * The least time between two writes to the index. Each write ends with a refresh of the searchable view and of
     * the suggestions, which costs far more than a record: at a busy desk (hundreds of checkouts a second, each
     * changing its title's availability) the changes of a quarter second are written together.
     */
    static final long GATHER_MILLIS = 250;
    /**
     * The least time between two writes while only copies' statuses changed (checkouts and returns, which the desk
     * makes hundreds a second): each write flushes a new segment, and at every quarter second the writes took a
     * third of a core at 500 checkouts and check-ins a second. A title going out is still searchable as such within
     * a second.
     */
    static final long SHELF_GATHER_MILLIS = 500;

    private final Catalog catalog;
    private final SearchSettings settings;
    private final Path folder;
    /** Records to re-index, suggestions included. */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    /** Records where only a copy's status changed within the collection (a checkout, a return): its availability. */
    private final Set<Long> shelfChanges = ConcurrentHashMap.newKeySet();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final Object signal = new Object();
    private volatile SearchIndex index;
    private volatile Thread worker;
    private volatile boolean running;
    private volatile boolean markedStale;

    IndexFeeder(Catalog catalog, SearchSettings settings, @Value("${carrel.data-dir}") String dataDir) {
        this.catalog = catalog;
        this.settings = settings;
        this.folder = settings.dir().equals(SearchSettings.MEMORY) ? null
                : settings.dir().isEmpty() ? Path.of(dataDir, "search") : Path.of(settings.dir());
    }

    /** The index folder, or null when the index is kept in memory. */
    Path folder() {
        return folder;
    }

    SearchIndex index() {
        SearchIndex open = index;
        if (open == null) {
            throw new IllegalStateException("the search index is not open in this process");
        }
        return open;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.RecordCreated event) {
        changed(event.recordId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.RecordChanged event) {
        changed(event.recordId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.RecordDeleted event) {
        changed(event.recordId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.ItemAdded event) {
        changed(event.recordId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.ItemChanged event) {
        if (event.status().inCollection()) {
            changed(event.recordId(), shelfChanges);
        } else {
            changed(event.recordId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.ItemDeleted event) {
        changed(event.recordId());
    }

    private void changed(long recordId) {
        changed(recordId, pending);
    }

    private void changed(long recordId, Set<Long> queue) {
        if (!settings.followCatalog()) {
            markStale();
            return;
        }
        queue.add(recordId);
        requested.incrementAndGet();
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Waits until every change queued before the call is searchable. */
    boolean awaitCurrent(Duration timeout) throws InterruptedException {
        long target = requested.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (index == null || index.needsRebuild() || applied.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    @Override
    public void start() {
        if (!settings.followCatalog()) {
            return;
        }
        try {
            index = SearchIndex.open(folder);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw new IllegalStateException("the search index in " + folder
                        + " is in use by another Carrel process; stop it first", e);
            }
            throw e;
        }
        running = true;
        worker = new Thread(this::work, "carrel-search-index");
        worker.setDaemon(true);
        worker.start();
    }

    private void work() {
        if (index.needsRebuild()) {
            rebuild();
        }
        long lastWrite = System.nanoTime() - GATHER_MILLIS * 1_000_000;
        while (running || queued()) {
            try {
                gather(lastWrite);
                long target = requested.get();
                if (queued()) {
                    lastWrite = System.nanoTime();
                    drain();
                }
                applied.set(Math.max(applied.get(), target));
                synchronized (signal) {
                    signal.notifyAll();
                    if (running && !queued() && requested.get() == target) {
                        signal.wait(1000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not update the search index; retrying in a second", e);
                pause();
            }
        }
    }

    /**
     * Lets changes gather until {@link #GATHER_MILLIS} after the last write, or {@link #SHELF_GATHER_MILLIS} while
     * only copies' statuses are queued (at once when stopping).
     */
    private void gather(long lastWrite) throws InterruptedException {
        synchronized (signal) {
            while (running) {
                long gathering = pending.isEmpty() ? SHELF_GATHER_MILLIS : GATHER_MILLIS;
                long left = lastWrite + gathering * 1_000_000 - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private boolean queued() {
        return !pending.isEmpty() || !shelfChanges.isEmpty();
    }

    /**
     * Writes the queued records a batch at a time. Suggestions are updated only for records changed otherwise than by
     * a copy's status (their weight, the copies in the collection, stays the same when a copy goes out or comes back).
     */
    private void drain() {
        while (queued()) {
            List<Long> ids = take(pending, BATCH);
            Set<Long> whole = Set.copyOf(ids);
            take(shelfChanges, BATCH - ids.size()).stream().filter(id -> !whole.contains(id)).forEach(ids::add);
            try {
                index.apply(ids, catalog.records(ids), whole);
            } catch (RuntimeException e) {
                pending.addAll(whole);
                ids.stream().filter(id -> !whole.contains(id)).forEach(shelfChanges::add);
                throw e;
            }
        }
    }

    private static List<Long> take(Set<Long> queue, int most) {
        List<Long> ids = new ArrayList<>(most);
        Iterator<Long> queued = queue.iterator();
        while (queued.hasNext() && ids.size() < most) {
            ids.add(queued.next());
            queued.remove();
        }
        return ids;
    }

    /** Rebuilds the index from the catalogue (at start when needed, or on request). */
    ReindexReport rebuild() {
        log.info("Building the search index from the catalogue");
        ReindexReport report = index().rebuild(catalog::recordsAfter);
        log.info("Search index built: {} records, {} copies in {} s", report.records(), report.items(),
                report.took().toMillis() / 1000.0);
        return report;
    }

    private void markStale() {
        if (markedStale || folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(SearchIndex.STALE_MARKER), "the catalogue changed while the index was closed\n");
            markedStale = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SearchIndex open = index;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                log.warn("Could not close the search index cleanly; it will be rebuilt at the next start", e);
            }
            index = null;
        }
    }

    /** Starts before the web server and stops after it, so no request finds the index closed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
