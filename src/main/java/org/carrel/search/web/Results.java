package org.carrel.search.web;

import java.util.ArrayList;
import java.util.List;

import org.carrel.search.SearchResult;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a results page (public or staff) shows besides the hits: the words searched (shortened for headings), notes
 * on what was left out of the search, "did you mean", the facets, the paging links and the link that clears the
 * filters. {@code result} is null when nothing was asked.
 */
final class Results {

    /** Longest echo of the query in a heading or a sentence; the search box keeps all of it. */
    static final int ECHO = 80;

    private Results() {
    }

    static void addTo(ModelAndView view, SearchParams params, SearchResult result, Labels labels, String path,
                      boolean simple) {
        view.addObject("query", params.query());
        view.addObject("field", params.field());
        view.addObject("availableAt", params.first("available", null));
        view.addObject("pageNumber", params.page());
        view.addObject("echo", echo(params.query()));
        view.addObject("notices", notices(params, labels));
        view.addObject("result", result);
        view.addObject("facets", result == null ? List.of()
                : FacetGroup.of(result.facets(), params, labels, path, simple));
        view.addObject("didYouMean", result == null || result.didYouMean() == null ? null
                : params.withQuery(result.didYouMean()).href(path));
        view.addObject("didYouMeanText", result == null || result.didYouMean() == null ? null
                : echo(result.didYouMean()));
        view.addObject("showingResultsFor", result == null || result.showingResultsFor() == null ? null
                : echo(result.showingResultsFor()));
        view.addObject("previous", result == null || params.page() <= 1 ? null
                : params.atPage(params.page() - 1).href(path));
        view.addObject("next", result == null || !result.hasNext() ? null
                : params.atPage(params.page() + 1).href(path));
        view.addObject("clearFilters", params.hasFilters() ? params.withoutFilters().href(path) : null);
    }

    static String echo(String text) {
        String cut = SearchParams.cut(text, ECHO);
        return cut.length() < text.length() ? cut + "\u2026" : cut;
    }

    private static List<String> notices(SearchParams params, Labels labels) {
        List<String> notices = new ArrayList<>();
        if (params.shortened()) {
            notices.add(labels.t("search.notice.shortened", SearchParams.MAX_QUERY));
        }
        params.ignored().forEach(ignored -> notices.add(labels.t("search.notice.ignored", ignored.value(),
                labels.t("search.param." + ignored.param()))));
        return notices;
    }
}
