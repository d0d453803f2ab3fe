package org.carrel.search;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Searching the catalogue: keyword and field searches with facets, spelling help and type-ahead, the new arrivals and
 * popular shelves of the public catalogue, and rebuilding the index. The index follows the catalogue's events and
 * is at most a second behind it.
 */
@Service
public class Search {

    /** Runs a search; never fails on what was typed. */
    public SearchResult search(SearchRequest request) {
        throw new UnsupportedOperationException("engine not yet written");
    }

    /** Titles, authors and subjects that complete {@code prefix} (the last word may be partial), best first. */
    public List<Suggestion> suggest(String prefix, int limit) {
        throw new UnsupportedOperationException("engine not yet written");
    }

    /** The newest titles with a copy in the collection at the school (any school when null). */
    public List<SearchHit> newArrivals(String schoolId, int limit) {
        throw new UnsupportedOperationException("engine not yet written");
    }

    /** The titles most in demand at the school (any school when null): for now, the ones with most copies. */
    public List<SearchHit> popular(String schoolId, int limit) {
        throw new UnsupportedOperationException("engine not yet written");
    }

    /** Rebuilds the index from the catalogue. */
    public ReindexReport reindex() {
        throw new UnsupportedOperationException("engine not yet written");
    }

    /** Waits until every catalogue change made before the call is searchable; false when {@code timeout} passed. */
    public boolean awaitCurrent(Duration timeout) {
        throw new UnsupportedOperationException("engine not yet written");
    }
}
