package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.carrel.catalog.Copies;

/**
 * Runs searches on the index: the query, its filters, exact facet counts, spelling help and the page of hits, all on
 * one point-in-time view of the index. Thread-safe; searches never wait for writes.
 */
final class SearchEngine implements AutoCloseable {

    /** Values listed per facet; schools and grade bands are few, subjects many. */
    private static final int FACET_VALUES = 30;
    /** Hits collected at most, so a deep page of a broad search stays cheap. */
    private static final int MAX_HITS = 1000;

    private final SearcherManager searchers;
    private final Directory directory;
    private final boolean ownsDirectory;

    private SearchEngine(SearcherManager searchers, Directory directory, boolean ownsDirectory) {
        this.searchers = searchers;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
    }

    /** Searches on an index while {@code writer} changes it; {@link #refresh()} makes its changes visible. */
    static SearchEngine over(IndexWriter writer) throws IOException {
        return new SearchEngine(new SearcherManager(writer, new FacetedSearchers()), writer.getDirectory(), false);
    }

    /** Searches a built index read-only (the index folder is {@code <data folder>/search/index}). */
    static SearchEngine open(Path searchDir) throws IOException {
        Directory directory = FSDirectory.open(searchDir.resolve(SearchIndex.INDEX_FOLDER));
        return new SearchEngine(new SearcherManager(directory, new FacetedSearchers()), directory, true);
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    SearchResult search(SearchRequest request) {
        UserQuery user = UserQuery.parse(request.query());
        Query query = QueryFactory.query(user, request.field(), request.staff());
        if (query == null && request.filters().isEmpty()) {
            return new SearchResult(0, List.of(), Map.of(), null, null, null, request.page(), request.size());
        }
        return withSearcher(searcher -> {
            Outcome outcome = run(searcher, query, request);
            String didYouMean = null;
            String showing = null;
            if (query != null && request.field() != SearchField.ISBN && request.field() != SearchField.CALL_NUMBER) {
                didYouMean = Spelling.correct(searcher.getIndexReader(), user, outcome.total() == 0);
                if (didYouMean != null && outcome.total() == 0) {
                    Query corrected = QueryFactory.query(UserQuery.parse(didYouMean), request.field(), request.staff());
                    Outcome retry = run(searcher, corrected, request);
                    if (retry.total() > 0) {
                        outcome = retry;
                        showing = didYouMean;
                    }
                }
            }
            SearchResult.BarcodeMatch barcode = request.staff() ? barcode(searcher, user) : null;
            return new SearchResult(outcome.total(), outcome.hits(), outcome.facets(), didYouMean, showing, barcode,
                    request.page(), request.size());
        });
    }

    /** Records matching {@code filters} (all when empty), ordered by {@code sort}. */
    List<SearchHit> list(SearchFilters filters, Sort sort, int limit) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(QueryFactory.filtered(null, filters), Math.max(1, limit), sort);
            return hits(searcher, top.scoreDocs, 0, limit, false);
        });
    }

    private record Outcome(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
    }

    private Outcome run(FacetedSearcher searcher, Query query, SearchRequest request) throws IOException {
        Query filtered = QueryFactory.filtered(query, request.filters());
        int wanted = (int) Math.min(MAX_HITS, (long) request.page() * request.size());
        Sort sort = sortOf(query, request.field());
        FacetsCollectorManager facetsManager = new FacetsCollectorManager();
        MultiCollectorManager both = new MultiCollectorManager(sort == null
                ? new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE, false)
                : new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE, false), facetsManager);
        Object[] results = searcher.search(filtered, both);
        TopDocs top = (TopDocs) results[0];
        FacetsCollector facets = (FacetsCollector) results[1];
        int offset = (request.page() - 1) * request.size();
        return new Outcome(top.totalHits.value, hits(searcher, top.scoreDocs, offset, request.size(), request.staff()),
                facets(searcher.state, facets));
    }

    /** Relevance for text queries; shelf order for a call-number browse; newest first when only filtering. */
    private static Sort sortOf(Query query, SearchField field) {
        if (query == null) {
            return new Sort(new SortField(IndexFields.CREATED, SortField.Type.LONG, true));
        }
        if (field == SearchField.CALL_NUMBER) {
            return new Sort(new SortField(IndexFields.CALL_NUMBER_SORT, SortField.Type.STRING));
        }
        return null;
    }

    private static Map<String, List<FacetCount>> facets(SortedSetDocValuesReaderState state, FacetsCollector hits)
            throws IOException {
        if (state == null) {
            return Map.of();
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, hits);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : Facets.ALL) {
            List<FacetCount> values = new ArrayList<>();
            FacetResult result = topChildren(counts, dim);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new FacetCount(value.label, value.value.longValue()));
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }

    private static FacetResult topChildren(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
        try {
            return counts.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException noSuchDimension) {
            return null;
        }
    }

    private static List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] docs, int offset, int size, boolean staff)
            throws IOException {
        List<SearchHit> hits = new ArrayList<>(Math.max(0, Math.min(size, docs.length - offset)));
        for (int i = offset; i < docs.length && i < offset + size; i++) {
            hits.add(HitCodec.decode(display(searcher, docs[i].doc), staff));
        }
        return hits;
    }

    /** The packed display of a document, read from its segment's binary doc values. */
    private static BytesRef display(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), IndexFields.HIT);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no display value");
        }
        return values.binaryValue();
    }

    /** The copy whose barcode is exactly the query, for the staff search's jump to it. */
    private static SearchResult.BarcodeMatch barcode(IndexSearcher searcher, UserQuery user) throws IOException {
        if (user.clauses().size() != 1 || user.clauses().get(0).phrase()) {
            return null;
        }
        String barcode = Copies.normaliseBarcode(user.clauses().get(0).text());
        if (barcode.isEmpty()) {
            return null;
        }
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.BARCODE, barcode)), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        SearchHit hit = HitCodec.decode(display(searcher, top.scoreDocs[0].doc), true);
        for (SearchHit.ItemHit item : hit.items()) {
            if (Copies.normaliseBarcode(item.barcode()).equals(barcode)) {
                return new SearchResult.BarcodeMatch(item.itemId(), hit.id());
            }
        }
        return null;
    }

    int numDocs() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Something done with an acquired searcher, which is released afterwards. */
    interface SearcherWork<T> {
        T apply(FacetedSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        try {
            FacetedSearcher searcher = (FacetedSearcher) searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (ownsDirectory) {
            directory.close();
        }
    }

    /** A searcher with the facet state of its reader, built once per refresh rather than per query. */
    static final class FacetedSearcher extends IndexSearcher {
        final SortedSetDocValuesReaderState state;

        FacetedSearcher(IndexReader reader) throws IOException {
            super(reader);
            this.state = facetState(reader);
        }

        private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
            try {
                return reader.numDocs() == 0 ? null
                        : new DefaultSortedSetDocValuesReaderState(reader, RecordDocuments.FACETS);
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
        }
    }

    private static final class FacetedSearchers extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new FacetedSearcher(reader);
        }
    }
}
