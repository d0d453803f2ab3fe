package org.carrel.search;

import java.util.Set;

/**
 * What narrows a search, each combined with AND; values within one set combine with OR. Empty sets and null bounds
 * mean "no filter". Values are the ones {@link FacetCount#value()} reports for the same dimension.
 *
 * @param schools     school ids (as text) holding a copy in the collection
 * @param availableAt school id with a copy on the shelf now, or null
 * @param formats     {@code Format} names (BOOK, EBOOK, ...)
 * @param gradeBands  {@link GradeBand} names
 * @param lexileMin   lowest Lexile measure, inclusive (BR counts as 0)
 * @param lexileMax   highest Lexile measure, inclusive
 * @param guidedFrom  lowest guided reading level, a letter A-Z, inclusive
 * @param guidedTo    highest guided reading level, inclusive
 * @param subjects    main subject headings (the part before the first " -- ") or genres
 * @param languages   MARC language codes
 * @param yearFrom    earliest publication year, inclusive
 * @param yearTo      latest publication year, inclusive
 * @param deweyClasses Dewey hundreds as three digits ("500")
 */
public record SearchFilters(Set<String> schools, String availableAt, Set<String> formats, Set<String> gradeBands,
                            Integer lexileMin, Integer lexileMax, String guidedFrom, String guidedTo,
                            Set<String> subjects, Set<String> languages, Integer yearFrom, Integer yearTo,
                            Set<String> deweyClasses) {

    public static final SearchFilters NONE = new SearchFilters(Set.of(), null, Set.of(), Set.of(), null, null, null,
            null, Set.of(), Set.of(), null, null, Set.of());

    public SearchFilters {
        schools = schools == null ? Set.of() : Set.copyOf(schools);
        formats = formats == null ? Set.of() : Set.copyOf(formats);
        gradeBands = gradeBands == null ? Set.of() : Set.copyOf(gradeBands);
        subjects = subjects == null ? Set.of() : Set.copyOf(subjects);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        deweyClasses = deweyClasses == null ? Set.of() : Set.copyOf(deweyClasses);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
