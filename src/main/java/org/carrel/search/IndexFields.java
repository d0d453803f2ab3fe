package org.carrel.search;

/**
 * The index's field names. Text fields hold words analyzed by {@link Analyzers} ({@link RecordDocuments} analyzes
 * each text once, see {@link TextValue}); the others are exact terms, points or doc values. Changing what any field
 * holds means raising {@link #SCHEMA_VERSION}, which rebuilds indexes written by the older schema at the next start.
 */
final class IndexFields {

    static final int SCHEMA_VERSION = 5;

    static final String ID = "id";
    // searched text
    /** The words of the fields below, weighted, for keyword searches; built by {@link WeightedText}. */
    static final String TEXT = "text";
    static final String TITLE = "title";
    /** Each two neighbouring words of the title as one term ("fox day"): the title-phrase boost without positions. */
    static final String TITLE_PAIRS = "title_pairs";
    static final String AUTHOR = "author";
    static final String SUBJECT = "subject";
    static final String SERIES = "series";
    static final String SUMMARY = "summary";
    static final String NOTES = "notes";
    static final String CALL_NUMBER_TEXT = "callno";
    static final String SPANISH = "text_es";
    /** The unstemmed words of titles, authors, subjects and series, without frequencies: "Did you mean". */
    static final String SPELL = "spell";
    static final String ITEM_NOTES = "item_notes";
    // exact terms
    static final String ISBN = "isbn";
    static final String BARCODE = "barcode";
    static final String TITLE_EXACT = "title_exact";
    static final String AUTHOR_EXACT = "author_exact";
    static final String CALL_NUMBER_SORT = "callno_sort";
    // numbers
    static final String YEAR = "year";
    static final String LEXILE = "lexile";
    static final String GUIDED = "guided";
    static final String CREATED = "created";
    /** Copies held; the index is sorted on it, most first (see {@code SearchIndex}). */
    static final String COPIES = "copies";
    /** The hit's display, packed by {@link HitCodec} in a binary doc value. */
    static final String HIT = "hit";

    private IndexFields() {
    }
}
