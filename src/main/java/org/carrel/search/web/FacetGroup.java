package org.carrel.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrel.search.FacetCount;
import org.carrel.search.Facets;

/**
 * One facet of the sidebar: its heading and its values, each a link that adds its filter to the search or takes it
 * out again. Public ({@code search/facets.jte}); only for the templates.
 *
 * @param name    the dimension ({@link Facets})
 * @param options the values with their counts, largest first
 */
public record FacetGroup(String name, List<Option> options) {

    /** A value of a facet: its label, how many records have it, the link that toggles it, whether it is applied. */
    public record Option(String label, long count, String href, boolean selected) {
    }

    /** The public catalogue's facets in sidebar order; the simple mode keeps the three a young reader uses. */
    static final List<String> ORDER = List.of(Facets.AVAILABLE, Facets.FORMAT, Facets.GRADE_BAND, Facets.SCHOOL,
            Facets.SUBJECT, Facets.DEWEY, Facets.LEXILE, Facets.GUIDED, Facets.LANGUAGE, Facets.DECADE);
    static final List<String> SIMPLE = List.of(Facets.AVAILABLE, Facets.FORMAT, Facets.GRADE_BAND);
    private static final int MAX_OPTIONS = 12;

    public String messageKey() {
        return "search.facet." + name;
    }

    /** The groups to show for a result, empty dimensions left out. */
    static List<FacetGroup> of(Map<String, List<FacetCount>> facets, SearchParams params, Labels labels,
                               String path, boolean simple) {
        List<FacetGroup> groups = new ArrayList<>();
        for (String name : simple ? SIMPLE : ORDER) {
            List<FacetCount> counts = facets == null ? null : facets.get(name);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            List<Option> options = counts.stream().filter(count -> readable(name, count.value())).limit(MAX_OPTIONS)
                    .map(count -> option(name, count, params, labels, path)).toList();
            groups.add(new FacetGroup(name, options));
        }
        return groups;
    }

    /** Numeric dimensions are read as numbers; a value that is none is left out rather than failing the page. */
    private static boolean readable(String name, String value) {
        boolean numeric = name.equals(Facets.LEXILE) || name.equals(Facets.DECADE) || name.equals(Facets.SCHOOL)
                || name.equals(Facets.AVAILABLE);
        return value != null && !value.isEmpty() && (!numeric || value.matches("\\d{1,9}"));
    }

    private static Option option(String name, FacetCount count, SearchParams params, Labels labels, String path) {
        String value = count.value();
        String label = labels.facetValue(name, value);
        switch (name) {
            case "lexile":
                String high = String.valueOf(Integer.parseInt(value) + 199);
                return new Option(label, count.count(),
                        params.toggleRange("lexileMin", "lexileMax", value, high).href(path),
                        params.hasRange("lexileMin", "lexileMax", value, high));
            case "guided":
                return new Option(label, count.count(),
                        params.toggleRange("guidedFrom", "guidedTo", value, value).href(path),
                        params.hasRange("guidedFrom", "guidedTo", value, value));
            case "decade":
                String last = String.valueOf(Integer.parseInt(value) + 9);
                return new Option(label, count.count(),
                        params.toggleRange("yearFrom", "yearTo", value, last).href(path),
                        params.hasRange("yearFrom", "yearTo", value, last));
            default:
                // The other dimensions are named as their search parameters and report values as filters take them.
                return new Option(label, count.count(), params.toggle(name, value).href(path), params.has(name, value));
        }
    }
}
