package org.carrel.search.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.search.GradeBand;
import org.carrel.search.SearchField;
import org.carrel.search.SearchFilters;
import org.carrel.search.SearchRequest;
import org.springframework.util.MultiValueMap;

/**
 * A search as the address spells it: {@code q}, {@code field}, {@code page}, {@code size} and the filters
 * {@code school}, {@code available} (a school code or id), {@code format}, {@code gradeBand}, {@code lexileMin},
 * {@code lexileMax}, {@code guidedFrom}, {@code guidedTo}, {@code subject}, {@code language}, {@code yearFrom},
 * {@code yearTo}, {@code dewey}. Any text is a valid query; a parameter that cannot be read is reported by name.
 */
record SearchParameters(SearchRequest request, List<String> problems) {

    static final int DEFAULT_SIZE = 20;

    static SearchParameters parse(MultiValueMap<String, String> params, District district, boolean staff) {
        List<String> problems = new ArrayList<>();
        Function<String, Optional<String>> schoolId = value -> schoolId(district, value);
        SearchField field = field(first(params, "field"), problems);
        Set<String> schools = schools(params, "school", schoolId, problems);
        Set<String> available = schools(params, "available", schoolId, problems);
        SearchFilters filters = new SearchFilters(schools, available.isEmpty() ? null : available.iterator().next(),
                upper(params, "format"), bands(params, problems), number(params, "lexileMin", 0, 2000, problems),
                number(params, "lexileMax", 0, 2000, problems), letter(params, "guidedFrom", problems),
                letter(params, "guidedTo", problems), Set.copyOf(all(params, "subject")),
                all(params, "language").stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                number(params, "yearFrom", 0, 9999, problems), number(params, "yearTo", 0, 9999, problems),
                Set.copyOf(all(params, "dewey")));
        Integer page = number(params, "page", 1, 10_000, problems);
        Integer size = number(params, "size", 1, SearchRequest.MAX_SIZE, problems);
        return new SearchParameters(new SearchRequest(first(params, "q"), field, filters, page == null ? 1 : page,
                size == null ? DEFAULT_SIZE : size, staff), List.copyOf(problems));
    }

    /** A school by code, or by id as the facets report it. */
    static Optional<String> schoolId(District district, String value) {
        Optional<SchoolView> byCode = district.school(value.strip());
        if (byCode.isPresent()) {
            return byCode.map(school -> Long.toString(school.id()));
        }
        try {
            return district.school(Long.parseLong(value.strip())).map(school -> Long.toString(school.id()));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }

    private static SearchField field(String value, List<String> problems) {
        if (value.isBlank()) {
            return SearchField.KEYWORD;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("CALLNUMBER")) {
            name = "CALL_NUMBER";
        }
        for (SearchField field : SearchField.values()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        problems.add("field: '" + clip(value) + "' is not one of keyword, title, author, subject, series, isbn, "
                + "callnumber");
        return SearchField.KEYWORD;
    }

    private static Set<String> schools(MultiValueMap<String, String> params, String name,
                                       Function<String, Optional<String>> schoolId, List<String> problems) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : all(params, name)) {
            schoolId.apply(value).ifPresentOrElse(ids::add,
                    () -> problems.add(name + ": the district has no school '" + clip(value) + "'"));
        }
        return ids;
    }

    private static Set<String> bands(MultiValueMap<String, String> params, List<String> problems) {
        Set<String> bands = new LinkedHashSet<>();
        for (String value : all(params, "gradeBand")) {
            try {
                bands.add(GradeBand.valueOf(value.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException unknown) {
                problems.add("gradeBand: '" + clip(value) + "' is not one of PRE_K, K_2, GRADES_3_5, GRADES_6_8, "
                        + "GRADES_9_12, ADULT");
            }
        }
        return bands;
    }

    private static Set<String> upper(MultiValueMap<String, String> params, String name) {
        return all(params, name).stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Integer number(MultiValueMap<String, String> params, String name, int min, int max,
                                  List<String> problems) {
        String value = first(params, name).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(name + ": '" + clip(value) + "' is not a whole number from " + min + " to " + max);
        return null;
    }

    private static String letter(MultiValueMap<String, String> params, String name, List<String> problems) {
        String value = first(params, name).strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("[A-Z]\\+?")) {
            return value;
        }
        problems.add(name + ": '" + clip(value) + "' is not a guided reading level A to Z");
        return null;
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static List<String> all(MultiValueMap<String, String> params, String name) {
        return params.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String clip(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** For tests and pages: the parameters of a plain map. */
    static SearchParameters parse(Map<String, List<String>> params, District district, boolean staff) {
        return parse(new org.springframework.util.LinkedMultiValueMap<>(params), district, staff);
    }
}
