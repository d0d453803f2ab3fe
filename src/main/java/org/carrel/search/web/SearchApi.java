package org.carrel.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.carrel.accounts.Permission;
import org.carrel.accounts.PublicEndpoint;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.search.FacetCount;
import org.carrel.search.Facets;
import org.carrel.search.Search;
import org.carrel.search.SearchHit;
import org.carrel.search.SearchResult;
import org.carrel.search.Suggestion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: the public catalogue search as JSON, ranked as the pages rank, with facets (schools by
 * code) and spelling help. Callers with CATALOG_VIEW (session or API token) also get each hit's copies.
 * {@code GET /api/v1/search/suggestions?q=}: type-ahead. A parameter that cannot be read is a 400 problem naming it.
 */
@RestController
class SearchApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HitJson(long id, String title, String subtitle, List<String> authors, List<String> isbns, Integer year,
                   String callNumber, String format, List<AvailabilityJson> availability, List<ItemJson> items) {
    }

    record AvailabilityJson(String school, int copies, int available) {
    }

    record ItemJson(String barcode, String school, String status, String callNumber) {
    }

    record ResultJson(long total, int page, int size, List<HitJson> hits, Map<String, List<FacetCount>> facets,
                      String didYouMean, String showingResultsFor) {
    }

    private final Search search;
    private final District district;

    SearchApi(Search search, District district) {
        this.search = search;
        this.district = district;
    }

    @GetMapping("/api/v1/search")
    @PublicEndpoint
    ResponseEntity<?> search(@AuthenticationPrincipal SignedInUser user,
                             @RequestParam MultiValueMap<String, String> params) {
        boolean staff = user != null && user.has(Permission.CATALOG_VIEW);
        SearchParameters parsed = SearchParameters.parse(params, district, staff);
        if (!parsed.problems().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    String.join("; ", parsed.problems()));
            problem.setTitle("Search parameters that cannot be read");
            return ResponseEntity.badRequest().body(problem);
        }
        SearchResult result = search.search(parsed.request());
        Map<Long, String> codes = schoolCodes();
        List<HitJson> hits = result.hits().stream().map(hit -> json(hit, codes, staff)).toList();
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>(result.facets());
        for (String dim : List.of(Facets.SCHOOL, Facets.AVAILABLE)) {
            facets.computeIfPresent(dim, (key, values) -> values.stream()
                    .map(v -> new FacetCount(codes.getOrDefault(Long.parseLong(v.value()), v.value()), v.count()))
                    .toList());
        }
        return ResponseEntity.ok(new ResultJson(result.total(), result.page(), result.size(), hits, facets,
                result.didYouMean(), result.showingResultsFor()));
    }

    @GetMapping("/api/v1/search/suggestions")
    @PublicEndpoint
    List<Suggestion> suggestions(@RequestParam(defaultValue = "") String q,
                                 @RequestParam(defaultValue = "8") int limit) {
        return search.suggest(q, Math.max(1, Math.min(limit, 20)));
    }

    private Map<Long, String> schoolCodes() {
        Map<Long, String> codes = new LinkedHashMap<>();
        for (SchoolView school : district.schools()) {
            codes.put(school.id(), school.code());
        }
        return codes;
    }

    private static HitJson json(SearchHit hit, Map<Long, String> codes, boolean staff) {
        List<AvailabilityJson> availability = hit.availability().stream()
                .map(a -> new AvailabilityJson(codes.getOrDefault(a.schoolId(), Long.toString(a.schoolId())),
                        a.copies(), a.available()))
                .toList();
        List<ItemJson> items = staff ? hit.items().stream()
                .map(i -> new ItemJson(i.barcode(), codes.getOrDefault(i.schoolId(), Long.toString(i.schoolId())),
                        i.status(), i.callNumber()))
                .toList() : null;
        return new HitJson(hit.id(), hit.title(), hit.subtitle(), hit.authors(), hit.isbns(), hit.year(),
                hit.callNumber(), hit.format(), availability, items);
    }
}
