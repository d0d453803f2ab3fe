package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        QueryFactory.Ranking query = QueryFactory.ranking(user, request.field(), request.staff());
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
                    QueryFactory.Ranking corrected = QueryFactory.ranking(UserQuery.parse(didYouMean), request.field(),
                            request.staff());
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

    /**
     * Every match counted for the total and the facets without scoring, then the best {@code wanted} ranked in a
     * second pass, which lets Lucene skip the matches that cannot make the page. When a phrase must match, reading
     * positions costs more than scoring, and counting reads every match anyway: then one pass counts and ranks.
     */
    private Outcome run(FacetedSearcher searcher, QueryFactory.Ranking query, SearchRequest request)
            throws IOException {
        // The core finds what the full query finds; its boosts only rank.
        Query filtered = QueryFactory.filtered(query == null ? null : query.core(), request.filters());
        int wanted = (int) Math.min(MAX_HITS, (long) request.page() * request.size());
        FacetColumns.Counting facets = new FacetColumns.Counting(searcher.facets);
        Sort sort = sortOf(query == null ? null : query.core(), request.field());
        FacetColumns.Tally tally;
        ScoreDoc[] top;
        if (sort != null) {
            tally = searcher.search(filtered, facets);
            top = searcher.search(filtered, new TopFieldCollectorManager(sort, wanted, null, wanted, false)).scoreDocs;
        } else if (query.phrases()) {
            Object[] both = searcher.search(QueryFactory.filtered(query.full(), request.filters()),
                    new MultiCollectorManager(facets, new PopularTopDocs(wanted)));
            tally = (FacetColumns.Tally) both[0];
            top = (ScoreDoc[]) both[1];
        } else {
            tally = searcher.search(filtered, facets);
            top = searcher.search(QueryFactory.filtered(query.full(), request.filters()), new PopularTopDocs(wanted));
        }
        int offset = (request.page() - 1) * request.size();
        return new Outcome(tally.hits(), hits(searcher, top, offset, request.size(), request.staff()),
                facets.top(tally, FACET_VALUES));
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

    /** A searcher with the facet columns of its reader, read once per refresh rather than per query. */
    static final class FacetedSearcher extends IndexSearcher {
        final FacetColumns.View facets;

        FacetedSearcher(IndexReader reader, FacetColumns columns) throws IOException {
            super(reader);
            setSimilarity(WeightedText.SIMILARITY);
            this.facets = columns.view(reader);
        }
    }

    /** Searchers sharing one set of facet columns, so a refresh reads only the segments that are new. */
    private static final class FacetedSearchers extends SearcherFactory {
        private final FacetColumns columns = new FacetColumns();

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new FacetedSearcher(reader, columns);
        }
    }
}
