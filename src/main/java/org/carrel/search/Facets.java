package org.carrel.search;

import java.util.List;

/** The facet dimensions a search reports, by the names used in {@link SearchResult#facets()} and the API. */
public final class Facets {

    public static final String SCHOOL = "school";
    /** School ids with a copy on the shelf now. */
    public static final String AVAILABLE = "available";
    public static final String FORMAT = "format";
    public static final String GRADE_BAND = "gradeBand";
    /** Lexile bands of 200 named by their lower bound ("0" is BR-199, "200" is 200-399, ...). */
    public static final String LEXILE = "lexile";
    /** Guided reading letters. */
    public static final String GUIDED = "guided";
    public static final String SUBJECT = "subject";
    public static final String LANGUAGE = "language";
    /** Publication decades named by their first year ("2010"). */
    public static final String DECADE = "decade";
    /** Dewey hundreds ("500"). */
    public static final String DEWEY = "dewey";

    public static final List<String> ALL = List.of(SCHOOL, AVAILABLE, FORMAT, GRADE_BAND, LEXILE, GUIDED, SUBJECT,
            LANGUAGE, DECADE, DEWEY);

    private Facets() {
    }
}
