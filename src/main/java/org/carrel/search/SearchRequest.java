package org.carrel.search;

/**
 * One search. A blank query with filters lists what the filters match (newest first); a blank query without
 * filters matches nothing.
 *
 * @param query  what the person typed; any text is accepted (hostile or malformed queries are searched as words)
 * @param field  where to look
 * @param filters what narrows the result
 * @param page   1-based page number
 * @param size   hits per page, 1 to 100
 * @param staff  whether staff-only fields (barcodes, item status and notes) are searched and copies listed per hit
 */
public record SearchRequest(String query, SearchField field, SearchFilters filters, int page, int size,
                            boolean staff) {

    public static final int MAX_SIZE = 100;

    public SearchRequest {
        query = query == null ? "" : query;
        field = field == null ? SearchField.KEYWORD : field;
        filters = filters == null ? SearchFilters.NONE : filters;
        page = Math.max(1, page);
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** A public keyword search, first page of 20. */
    public static SearchRequest keyword(String query) {
        return new SearchRequest(query, SearchField.KEYWORD, SearchFilters.NONE, 1, 20, false);
    }
}
