package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.carrel.catalog.RecordView;

/**
 * The index on disk (or in memory) and every write to it: changed records, a full rebuild, commits. Each commit
 * records the schema version and whether the writer was closed cleanly; an index from an older schema, or one left
 * by a process that stopped without closing it, is rebuilt from the catalogue at the next start. So the index is
 * committed as unclean when opened and then only after a rebuild and at close: changed records become searchable by
 * a refresh of the writer's view, without the cost of a commit (which would buy nothing, as a crash means a rebuild).
 * Writes are serialised; searches go on meanwhile on the last refreshed view.
 */
final class SearchIndex implements AutoCloseable {

    static final String INDEX_FOLDER = "index";
    static final String SUGGEST_FOLDER = "suggest";
    /** Left by admin commands that changed the catalogue without the index open. */
    static final String STALE_MARKER = "stale";
    private static final String SCHEMA = "carrel.schema";
    private static final String CLEAN = "carrel.clean";
    private static final int PAGE = 1000;

    /** Reads the catalogue a page at a time, from an id onwards. */
    interface CatalogPages {
        List<RecordView> after(long afterId, int limit);
    }

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearchEngine engine;
    private final Suggestions suggestions;
    private final ReentrantLock writing = new ReentrantLock();
    /** Whether the index holds the whole catalogue (false until a needed rebuild is done). */
    private volatile boolean complete;

    private SearchIndex(Path folder, Directory directory, Directory suggestDirectory) throws IOException {
        this.folder = folder;
        this.directory = directory;
        Map<String, String> lastCommit = DirectoryReader.indexExists(directory)
                ? DirectoryReader.listCommits(directory).get(DirectoryReader.listCommits(directory).size() - 1)
                        .getUserData()
                : Map.of();
        boolean stale = folder != null && Files.exists(folder.resolve(STALE_MARKER));
        boolean olderSchema = !String.valueOf(IndexFields.SCHEMA_VERSION).equals(lastCommit.get(SCHEMA));
        boolean needsRebuild = stale || olderSchema || !"true".equals(lastCommit.get(CLEAN));
        // Sorted with the most held titles first: among equally relevant matches the popular ones come first, so a
        // search finds the best page early and skips the rest. An index of an older schema is started afresh, as
        // its sort may differ, and rebuilt.
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.ENGLISH)
                .setOpenMode(olderSchema ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND)
                .setSimilarity(WeightedText.SIMILARITY)
                .setIndexSort(new Sort(new SortField(IndexFields.COPIES, SortField.Type.LONG, true)))
                .setRAMBufferSizeMB(48)
                .setMergePolicy(mergePolicy());
        this.writer = new IndexWriter(directory, config);
        this.engine = SearchEngine.over(writer);
        this.suggestions = new Suggestions(suggestDirectory);
        this.complete = !needsRebuild;
        commit(false);
    }

    /**
     * Lucene's tiered policy, letting deleted documents make up half an index rather than a fifth before their segment
     * is merged away. Every checkout and return re-indexes its title (its availability changes), so in a small
     * catalogue at a busy desk a fifth of the documents are replaced within seconds, and the default rewrote the
     * whole index that often.
     */
    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setDeletesPctAllowed(50);
        return policy;
    }

    /** Opens (creating when missing) the index under {@code folder}, or in memory when {@code folder} is null. */
    static SearchIndex open(Path folder) {
        try {
            if (folder == null) {
                return new SearchIndex(null, new ByteBuffersDirectory(), new ByteBuffersDirectory());
            }
            Files.createDirectories(folder);
            return new SearchIndex(folder, FSDirectory.open(folder.resolve(INDEX_FOLDER)),
                    FSDirectory.open(folder.resolve(SUGGEST_FOLDER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the index is missing, from an older schema, or was not closed cleanly, and not yet rebuilt. */
    boolean needsRebuild() {
        return !complete;
    }

    SearchEngine engine() {
        return engine;
    }

    Suggestions suggestions() {
        return suggestions;
    }

    /**
     * Replaces the documents of {@code records} and removes those of the other {@code ids}; then they are searchable.
     * The suggestions follow the records in {@code suggesting}.
     */
    void apply(Collection<Long> ids, List<RecordView> records, Set<Long> suggesting) {
        writing.lock();
        try {
            Set<Long> gone = new HashSet<>(ids);
            for (RecordView record : records) {
                writer.updateDocument(new Term(IndexFields.ID, Long.toString(record.id())), RecordDocuments.of(record));
                gone.remove(record.id());
            }
            for (Long id : gone) {
                writer.deleteDocuments(new Term(IndexFields.ID, Long.toString(id)));
            }
            engine.refresh();
            suggestions.update(records.stream().filter(r -> suggesting.contains(r.id())).toList(), engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /**
     * Rebuilds the whole index from the catalogue: reading pages on this thread while two others turn them into
     * documents. Searches see the old index until the new one is committed.
     */
    ReindexReport rebuild(CatalogPages catalog) {
        long started = System.nanoTime();
        writing.lock();
        ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "carrel-reindex");
            thread.setDaemon(true);
            return thread;
        });
        try {
            writer.deleteAll();
            suggestions.startRebuild();
            BlockingQueue<List<RecordView>> pages = new ArrayBlockingQueue<>(4);
            List<RecordView> end = List.of();
            List<Future<long[]>> counts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                counts.add(workers.submit(() -> addAll(pages, end)));
            }
            long last = 0;
            List<RecordView> page;
            do {
                page = catalog.after(last, PAGE);
                if (!page.isEmpty()) {
                    pages.put(page);
                    last = page.get(page.size() - 1).id();
                }
            } while (page.size() == PAGE);
            pages.put(end);
            pages.put(end);
            long records = 0;
            long items = 0;
            for (Future<long[]> count : counts) {
                long[] done = count.get();
                records += done[0];
                items += done[1];
            }
            suggestions.finishRebuild();
            complete = true;
            commit(false);
            engine.refresh();
            if (folder != null) {
                Files.deleteIfExists(folder.resolve(STALE_MARKER));
            }
            return new ReindexReport(records, items, Duration.ofNanos(System.nanoTime() - started), sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("rebuild failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdownNow();
            writing.unlock();
        }
    }

    private long[] addAll(BlockingQueue<List<RecordView>> pages, List<RecordView> end) throws Exception {
        long records = 0;
        long items = 0;
        for (List<RecordView> page = pages.take(); page != end; page = pages.take()) {
            for (RecordView record : page) {
                writer.addDocument(RecordDocuments.of(record));
                suggestions.collect(record);
                items += record.items().size();
            }
            records += page.size();
        }
        return new long[] {records, items};
    }

    long sizeBytes() throws IOException {
        long size = 0;
        for (String file : directory.listAll()) {
            size += directory.fileLength(file);
        }
        return size + suggestions.sizeBytes();
    }

    /** Marks the commit clean only when closing a complete index, so a crash or half-done rebuild is redone. */
    private void commit(boolean closing) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA, String.valueOf(IndexFields.SCHEMA_VERSION),
                CLEAN, String.valueOf(closing && complete)).entrySet());
        writer.commit();
        suggestions.commit();
    }

    /** Commits as cleanly closed, so the next start uses the index as it is. */
    @Override
    public void close() throws IOException {
        writing.lock();
        try {
            commit(true);
            engine.close();
            suggestions.close();
            writer.close();
            directory.close();
        } finally {
            writing.unlock();
        }
    }
}
