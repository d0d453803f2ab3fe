package org.carrel.search;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.springframework.stereotype.Service;

/**
 * Searching the catalogue: keyword and field searches with facets, spelling help and type-ahead, the new arrivals and
 * popular shelves of the public catalogue, and rebuilding the index. The index follows the catalogue's events and
 * is at most a second behind it.
 */
@Service
public class Search {

    private static final int MAX_LIST = 100;

    private final IndexFeeder feeder;

    Search(IndexFeeder feeder) {
        this.feeder = feeder;
    }

    /** Runs a search; never fails on what was typed. */
    public SearchResult search(SearchRequest request) {
        return feeder.index().engine().search(request);
    }

    /** Titles, authors and subjects that complete {@code prefix} (the last word may be partial), most held first. */
    public List<Suggestion> suggest(String prefix, int limit) {
        return feeder.index().suggestions().lookup(prefix, Math.min(limit, 50));
    }

    /** The newest titles with a copy in the collection at the school (any school when null). */
    public List<SearchHit> newArrivals(String schoolId, int limit) {
        return feeder.index().engine().list(atSchool(schoolId),
                new Sort(new SortField(IndexFields.CREATED, SortField.Type.LONG, true)), Math.min(limit, MAX_LIST));
    }

    /**
     * The titles most in demand at the school (any school when null). Until circulation counts loans, demand is
     * read as the number of copies the district holds, newest first among equals.
     */
    public List<SearchHit> popular(String schoolId, int limit) {
        return feeder.index().engine().list(atSchool(schoolId),
                new Sort(new SortField(IndexFields.COPIES, SortField.Type.LONG, true),
                        new SortField(IndexFields.CREATED, SortField.Type.LONG, true)), Math.min(limit, MAX_LIST));
    }

    /** Rebuilds the index from the catalogue. */
    public ReindexReport reindex() {
        return feeder.rebuild();
    }

    /** Waits until every catalogue change made before the call is searchable; false when {@code timeout} passed. */
    public boolean awaitCurrent(Duration timeout) {
        try {
            return feeder.awaitCurrent(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static SearchFilters atSchool(String schoolId) {
        return schoolId == null || schoolId.isBlank() ? SearchFilters.NONE
                : new SearchFilters(Set.of(schoolId), null, null, null, null, null, null, null, null, null, null,
                        null, null);
    }
}
