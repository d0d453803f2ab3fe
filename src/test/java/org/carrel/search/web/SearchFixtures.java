package org.carrel.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrel.search.SearchHit;
import org.carrel.search.SearchResult;

/** Search answers to hand to a stand-in {@code Search}. */
final class SearchFixtures {

    private SearchFixtures() {
    }

    static SearchResult nothing() {
        return new SearchResult(0, List.of(), Map.of(), null, null, null, 1, 20);
    }

    /** A public hit: a book by White, E. B. with (school, available, copies) triples. */
    static SearchHit hit(long id, String title, long... holdings) {
        List<SearchHit.Availability> availability = new ArrayList<>();
        for (int i = 0; i + 2 < holdings.length; i += 3) {
            availability.add(new SearchHit.Availability(holdings[i], (int) holdings[i + 2], (int) holdings[i + 1]));
        }
        return new SearchHit(id, title, null, List.of("White, E. B."), List.of(), 1952, "FIC WHI", "BOOK",
                availability, List.of());
    }
}
