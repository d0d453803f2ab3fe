package org.carrel.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carrel.accounts.PublicEndpoint;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.RecordView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.search.Search;
import org.carrel.search.SearchHit;
import org.carrel.search.SearchResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public catalogue: the home page with picture shelves, new arrivals and popular titles; search results with
 * facets; a title's permanent page with its copies school by school; type-ahead; and the reader's choices of school
 * and simple mode, kept in cookies ({@link Preferences}). No sign-in needed; signed-in people see the same.
 */
@Controller
@PublicEndpoint
class OpacPages {

    static final String HOME = "/catalog";
    static final String SEARCH = "/catalog/search";
    static final String RECORDS = "/catalog/records/";
    static final int PAGE_SIZE = 20;
    static final int SHELF_SIZE = 8;
    static final int SUGGESTIONS = 8;
    /** Schools listed under a result before "and N more schools". */
    static final int SCHOOLS_PER_HIT = 4;

    private final Search search;
    private final Catalog catalog;
    private final District district;
    private final MessageSource messages;

    OpacPages(Search search, Catalog catalog, District district, MessageSource messages) {
        this.search = search;
        this.catalog = catalog;
        this.district = district;
        this.messages = messages;
    }

    @GetMapping(HOME)
    ModelAndView home(@RequestParam(required = false) String simple, HttpServletRequest request,
                      HttpServletResponse response, Locale locale) {
        List<SchoolView> schools = district.schools();
        Preferences prefs = Preferences.read(request, response, schools, simple);
        Labels labels = labels(locale, schools);
        ModelAndView view = opacView("search/home", prefs, schools, HOME);
        view.addObject("shelves", List.of(Shelf.values()));
        view.addObject("newArrivals", hits(search.newArrivals(prefs.schoolId(), SHELF_SIZE), labels, prefs, 1));
        view.addObject("popular", hits(search.popular(prefs.schoolId(), SHELF_SIZE), labels, prefs, 1));
        return view;
    }

    @GetMapping(SEARCH)
    ModelAndView results(@RequestParam(required = false) String simple, HttpServletRequest request,
                         HttpServletResponse response, Locale locale) {
        List<SchoolView> schools = district.schools();
        Preferences prefs = Preferences.read(request, response, schools, simple);
        SearchParams params = SearchParams.of(request.getParameterMap());
        Labels labels = labels(locale, schools);
        ModelAndView view = opacView("search/results", prefs, schools, params.atPage(params.page()).href(SEARCH));
        SearchResult result = params.isEmpty() ? null : search.search(params.request(PAGE_SIZE, false));
        Results.addTo(view, params, result, labels, SEARCH, prefs.simple());
        view.addObject("hits", result == null ? List.of()
                : hits(result.hits(), labels, prefs, prefs.simple() ? 1 : SCHOOLS_PER_HIT));
        return view;
    }

    @GetMapping(RECORDS + "{id}")
    ModelAndView record(@PathVariable String id, @RequestParam(required = false) String simple,
                        HttpServletRequest request, HttpServletResponse response, Locale locale) {
        List<SchoolView> schools = district.schools();
        Preferences prefs = Preferences.read(request, response, schools, simple);
        Optional<RecordView> record = id.matches("\\d{1,18}") ? catalog.record(Long.parseLong(id)) : Optional.empty();
        if (record.isEmpty()) {
            ModelAndView missing = opacView("search/missing", prefs, schools, request.getRequestURI());
            missing.setStatus(HttpStatus.NOT_FOUND);
            return missing;
        }
        ModelAndView view = opacView("search/record", prefs, schools, RECORDS + id);
        view.addObject("record", record.get());
        view.addObject("holdings", Holdings.of(record.get().items(), schools, district, prefs.schoolId()));
        String language = record.get().description().language();
        view.addObject("lang", Labels.languageTag(language));
        view.addObject("languageName", language == null ? null : labels(locale, schools).language(language));
        return view;
    }

    /** Type-ahead: {@code <option>} elements for the search box's {@code <datalist>}. */
    @GetMapping(HOME + "/suggest")
    ModelAndView suggest(@RequestParam(defaultValue = "") String q) {
        String prefix = SearchParams.cut(q.strip(), 100);
        return new ModelAndView("search/suggestions",
                Map.of("suggestions", prefix.isEmpty() ? List.of() : search.suggest(prefix, SUGGESTIONS)));
    }

    /** Remembers the reader's school (none when blank or unknown) and goes back to the page the form was on. */
    @PostMapping(HOME + "/my-school")
    ModelAndView mySchool(@RequestParam(defaultValue = "") String school, @RequestParam(defaultValue = "") String back,
                          HttpServletRequest request, HttpServletResponse response) {
        Optional<SchoolView> chosen = Preferences.find(district.schools(), school.strip());
        Preferences.remember(request, response, Preferences.SCHOOL_COOKIE,
                chosen.map(s -> String.valueOf(s.id())).orElse(null));
        RedirectView redirect = new RedirectView(safeBack(back), true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    /** Only a page of the catalogue itself: never another site ({@code //evil}) and never a header split. */
    static String safeBack(String back) {
        boolean catalogPage = back.equals(HOME) || back.startsWith(HOME + "/") || back.startsWith(HOME + "?");
        boolean plain = !back.contains("//") && !back.contains("\\") && back.chars().noneMatch(c -> c < 0x20);
        return catalogPage && plain && !back.startsWith(HOME + "/my-school") ? back : HOME;
    }

    private ModelAndView opacView(String name, Preferences prefs, List<SchoolView> schools, String here) {
        ModelAndView view = new ModelAndView(name);
        view.addObject("mySchool", prefs.school());
        view.addObject("simple", prefs.simple());
        view.addObject("schools", schools);
        view.addObject("here", here);
        view.addObject("simpleHref", here + (here.contains("?") ? "&" : "?") + "simple=" + (prefs.simple() ? 0 : 1));
        return view;
    }

    private Labels labels(Locale locale, List<SchoolView> schools) {
        Map<Long, String> names = new LinkedHashMap<>();
        schools.forEach(s -> names.put(s.id(), s.name()));
        return new Labels(messages, locale, names);
    }

    private static List<HitView> hits(List<SearchHit> hits, Labels labels, Preferences prefs, int schools) {
        List<HitView> views = new ArrayList<>(hits.size());
        hits.forEach(hit -> views.add(HitView.of(hit, RECORDS + hit.id(), labels, prefs.schoolId(), schools)));
        return views;
    }
}
