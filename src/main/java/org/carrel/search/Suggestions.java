package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.carrel.catalog.RecordView;
import org.carrel.catalog.marc.Description;

/**
 * Type-ahead: titles, authors and subjects that contain every typed word, the last one possibly unfinished, the
 * most held first (a title weighs its copies, an author or subject the records that have it). Kept in a small index
 * of its own beside the main one. A title, author or subject that leaves the catalogue stays suggested until the next
 * rebuild; searching it then simply finds nothing.
 */
final class Suggestions implements AutoCloseable {

    private static final int MIN_PREFIX_CHARS = 2;
    private static final int MAX_LENGTH = 120;

    private final Directory directory;
    private final AnalyzingInfixSuggester suggester;
    /** During a rebuild: titles seen (by hash), and authors and subjects with their record counts. */
    private final LongSet titlesSeen = new LongSet();
    private final Map<String, LongAdder> authors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> subjects = new ConcurrentHashMap<>();
    private volatile boolean changed;

    Suggestions(Directory directory) throws IOException {
        this.directory = directory;
        this.suggester = new AnalyzingInfixSuggester(directory, Analyzers.PLAIN, Analyzers.PLAIN, MIN_PREFIX_CHARS,
                false, true, false, false);
    }

    List<Suggestion> lookup(String prefix, int limit) {
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.length() < MIN_PREFIX_CHARS || limit < 1) {
            return List.of();
        }
        typed = typed.length() > MAX_LENGTH ? typed.substring(0, MAX_LENGTH) : typed;
        try {
            if (suggester.getCount() == 0) {
                return List.of();
            }
            List<Suggestion> found = new ArrayList<>();
            for (Lookup.LookupResult result : suggester.lookup(typed, Math.min(limit, 50), true, false)) {
                found.add(new Suggestion(result.key.toString(), kind(result.payload)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException notBuiltYet) {
            return List.of();
        }
    }

    /** Empties the suggestions before a rebuild feeds them through {@link #collect}. */
    void startRebuild() throws IOException {
        titlesSeen.clear();
        authors.clear();
        subjects.clear();
        suggester.build(new NoEntries());
        changed = true;
    }

    /** One record of a rebuild; safe to call from several threads. */
    void collect(RecordView record) throws IOException {
        Description d = record.description();
        String title = clip(d.title());
        if (title != null && titlesSeen.add(LongSet.hash(Analyzers.exact(title)))) {
            suggester.add(new BytesRef(title), null, copies(record), payload(Suggestion.Kind.TITLE));
        }
        d.authors().forEach(author -> count(authors, clip(author)));
        d.subjects().forEach(subject -> count(subjects, clip(RecordDocuments.mainHeading(subject))));
    }

    void finishRebuild() throws IOException {
        for (Map.Entry<String, LongAdder> author : authors.entrySet()) {
            suggester.add(new BytesRef(author.getKey()), null, author.getValue().sum(), payload(Suggestion.Kind.AUTHOR));
        }
        for (Map.Entry<String, LongAdder> subject : subjects.entrySet()) {
            suggester.add(new BytesRef(subject.getKey()), null, subject.getValue().sum(),
                    payload(Suggestion.Kind.SUBJECT));
        }
        titlesSeen.clear();
        authors.clear();
        subjects.clear();
        suggester.refresh();
    }

    /** Changed records: their title, authors and subjects, weighed by what the refreshed main index now holds. */
    void update(List<RecordView> records, SearchEngine engine) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        changed = true;
        engine.withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            for (RecordView record : records) {
                update(record, reader);
            }
            return null;
        });
        suggester.refresh();
    }

    private void update(RecordView record, IndexReader reader) throws IOException {
        Description d = record.description();
        String title = clip(d.title());
        if (title != null) {
            suggester.update(new BytesRef(title), null, copies(record), payload(Suggestion.Kind.TITLE));
        }
        for (String author : d.authors()) {
            String text = clip(author);
            if (text != null) {
                long weight = reader.docFreq(new Term(IndexFields.AUTHOR_EXACT, Analyzers.exact(author)));
                suggester.update(new BytesRef(text), null, Math.max(1, weight), payload(Suggestion.Kind.AUTHOR));
            }
        }
        for (String subject : d.subjects()) {
            String text = clip(RecordDocuments.mainHeading(subject));
            if (text != null) {
                long weight = reader.docFreq(DrillDownQuery.term(
                        RecordDocuments.FACETS.getDimConfig(Facets.SUBJECT).indexFieldName, Facets.SUBJECT, text));
                suggester.update(new BytesRef(text), null, Math.max(1, weight), payload(Suggestion.Kind.SUBJECT));
            }
        }
    }

    /** Makes the suggestions durable; a suggester opened on disk and never changed has nothing to commit. */
    void commit() throws IOException {
        if (changed) {
            suggester.commit();
            changed = false;
        }
    }

    long sizeBytes() throws IOException {
        long size = 0;
        for (String file : directory.listAll()) {
            size += directory.fileLength(file);
        }
        return size;
    }

    @Override
    public void close() throws IOException {
        suggester.close();
        directory.close();
    }

    private static long copies(RecordView record) {
        return 1 + SchoolCopies.total(SchoolCopies.of(record.items()));
    }

    private static void count(Map<String, LongAdder> counts, String text) {
        if (text != null) {
            counts.computeIfAbsent(text, key -> new LongAdder()).increment();
        }
    }

    private static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > MAX_LENGTH ? stripped.substring(0, MAX_LENGTH) : stripped;
    }

    private static BytesRef payload(Suggestion.Kind kind) {
        return new BytesRef(kind.name());
    }

    private static Suggestion.Kind kind(BytesRef payload) {
        return payload == null ? Suggestion.Kind.TITLE : Suggestion.Kind.valueOf(payload.utf8ToString());
    }

    /** Feeds {@link AnalyzingInfixSuggester#build} nothing: how the suggester is emptied. */
    private static final class NoEntries implements InputIterator {
        @Override
        public BytesRef next() {
            return null;
        }

        @Override
        public long weight() {
            return 0;
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
