package org.carrel.search;

/** Where a query looks. Message key: {@code search.field.NAME}. */
public enum SearchField {
    /** Title, authors, subjects, genres, series, summary, notes, ISBNs and call number; staff also barcodes. */
    KEYWORD,
    TITLE,
    AUTHOR,
    /** Subjects and genres. */
    SUBJECT,
    SERIES,
    /** An ISBN in either form, with or without hyphens. */
    ISBN,
    /** Call numbers from the one typed onwards, in shelf order (a browse, not a match). */
    CALL_NUMBER
}
