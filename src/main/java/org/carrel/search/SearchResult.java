package org.carrel.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total      exact number of matching records
 * @param hits       the requested page, best first
 * @param facets     dimension name ({@link Facets}) to its values with exact counts, largest first
 * @param didYouMean a corrected query when the words look misspelled, else null
 * @param showingResultsFor the corrected query whose hits are shown because the query as typed found nothing, else
 *                   null
 * @param barcode    for staff, the copy whose barcode is exactly the query, else null
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets,
                           String didYouMean, String showingResultsFor, BarcodeMatch barcode, int page, int size) {

    public boolean hasNext() {
        return (long) page * size < total;
    }

    /** A copy found by its barcode. */
    public record BarcodeMatch(long itemId, long recordId) {
    }
}
