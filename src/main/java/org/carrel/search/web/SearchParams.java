package org.carrel.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.carrel.catalog.marc.Format;
import org.carrel.search.GradeBand;
import org.carrel.search.SearchField;
import org.carrel.search.SearchFilters;
import org.carrel.search.SearchRequest;

/**
 * The search a page was asked for, cleaned: what the address said, with every value the search could not use left
 * out and named in {@link #ignored()} (a page never fails on a hand-edited address). It also writes the addresses of
 * the same search with one filter added or removed, or another page, so facet links and paging share one source.
 */
final class SearchParams {

    /** Longest query kept: longer text is no search anybody means, and every link of the page repeats it. */
    static final int MAX_QUERY = 300;
    static final int MAX_VALUE = 200;
    static final int MAX_VALUES = 20;

    /** The parameters, in the order links write them. */
    static final List<String> NAMES = List.of("q", "field", "school", "available", "format", "gradeBand",
            "lexileMin", "lexileMax", "guidedFrom", "guidedTo", "subject", "language", "yearFrom", "yearTo", "dewey");
    private static final Set<String> SINGLE = Set.of("q", "field", "available", "lexileMin", "lexileMax",
            "guidedFrom", "guidedTo", "yearFrom", "yearTo");

    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern DEWEY = Pattern.compile("\\d00");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{3}");
    private static final Pattern LETTER = Pattern.compile("[A-Z]\\+?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,4}");

    /** A value left out of the search: the parameter it came in and the value, shortened for display. */
    record Ignored(String param, String value) {
    }

    private final Map<String, List<String>> values;
    private final int page;
    private final List<Ignored> ignored;
    private final boolean shortened;

    private SearchParams(Map<String, List<String>> values, int page, List<Ignored> ignored, boolean shortened) {
        this.values = values;
        this.page = page;
        this.ignored = ignored;
        this.shortened = shortened;
    }

    /** Cleans the parameters of a request ({@code ServletRequest.getParameterMap()}). */
    static SearchParams of(Map<String, String[]> request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Ignored> ignored = new ArrayList<>();
        boolean shortened = false;
        for (String name : NAMES) {
            String[] given = request.get(name);
            if (given == null) {
                continue;
            }
            Set<String> kept = new LinkedHashSet<>();
            for (String raw : given) {
                String value = raw == null ? "" : raw.strip();
                if (value.isEmpty() || kept.size() >= (SINGLE.contains(name) ? 1 : MAX_VALUES)) {
                    continue;
                }
                if (name.equals("q") && value.codePointCount(0, value.length()) > MAX_QUERY) {
                    value = cut(value, MAX_QUERY);
                    shortened = true;
                }
                String clean = clean(name, value);
                if (clean == null) {
                    ignored.add(new Ignored(name, cut(value, 40)));
                } else {
                    kept.add(clean);
                }
            }
            if (!kept.isEmpty()) {
                values.put(name, List.copyOf(kept));
            }
        }
        return new SearchParams(values, pageOf(request.get("page")), List.copyOf(ignored), shortened);
    }

    /** The value as the search takes it, or null when it cannot be used. */
    private static String clean(String name, String value) {
        switch (name) {
            case "q":
                return value;
            case "field":
                return enumName(SearchField.class, value);
            case "school":
            case "available":
                return ID.matcher(value).matches() ? value : null;
            case "format":
                return enumName(Format.class, value);
            case "gradeBand":
                return enumName(GradeBand.class, value);
            case "lexileMin":
            case "lexileMax":
            case "yearFrom":
            case "yearTo":
                return WHOLE_NUMBER.matcher(value).matches() ? String.valueOf(Integer.parseInt(value)) : null;
            case "guidedFrom":
            case "guidedTo":
                String letter = value.toUpperCase(Locale.ROOT);
                return LETTER.matcher(letter).matches() ? letter : null;
            case "language":
                String code = value.toLowerCase(Locale.ROOT);
                return LANGUAGE.matcher(code).matches() ? code : null;
            case "dewey":
                return DEWEY.matcher(value).matches() ? value : null;
            default:
                return value.length() > MAX_VALUE ? cut(value, MAX_VALUE) : value;
        }
    }

    private static <E extends Enum<E>> String enumName(Class<E> type, String value) {
        String name = value.toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return name;
            }
        }
        return null;
    }

    private static int pageOf(String[] given) {
        if (given == null || given.length == 0 || given[0] == null || !given[0].strip().matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(given[0].strip()));
    }

    /** The first {@code max} characters of {@code text}, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }

    String query() {
        return first("q", "");
    }

    SearchField field() {
        return SearchField.valueOf(first("field", SearchField.KEYWORD.name()));
    }

    int page() {
        return page;
    }

    List<Ignored> ignored() {
        return ignored;
    }

    /** Whether the query was longer than {@link #MAX_QUERY} and was cut. */
    boolean shortened() {
        return shortened;
    }

    /** Whether there is nothing to search: no words and no filter. */
    boolean isEmpty() {
        return query().isEmpty() && filters().isEmpty();
    }

    boolean hasFilters() {
        return !filters().isEmpty();
    }

    String first(String name, String otherwise) {
        List<String> given = values.get(name);
        return given == null ? otherwise : given.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name, String value) {
        return all(name).contains(value);
    }

    SearchFilters filters() {
        return new SearchFilters(Set.copyOf(all("school")), first("available", null), Set.copyOf(all("format")),
                Set.copyOf(all("gradeBand")), number("lexileMin"), number("lexileMax"), first("guidedFrom", null),
                first("guidedTo", null), Set.copyOf(all("subject")), Set.copyOf(all("language")), number("yearFrom"),
                number("yearTo"), Set.copyOf(all("dewey")));
    }

    SearchRequest request(int size, boolean staff) {
        return new SearchRequest(query(), field(), filters(), page, size, staff);
    }

    private Integer number(String name) {
        String value = first(name, null);
        return value == null ? null : Integer.valueOf(value);
    }

    /** The same search with {@code value} added to the parameter, or taken out when it is there; first page. */
    SearchParams toggle(String name, String value) {
        Map<String, List<String>> next = copy();
        List<String> list = new ArrayList<>(all(name));
        if (!list.remove(value)) {
            if (SINGLE.contains(name)) {
                list.clear();
            }
            list.add(value);
        }
        put(next, name, list);
        return new SearchParams(next, 1, List.of(), false);
    }

    /** The same search with a range (two bounds) set, or cleared when exactly that range is set; first page. */
    SearchParams toggleRange(String fromName, String toName, String from, String to) {
        Map<String, List<String>> next = copy();
        boolean set = hasRange(fromName, toName, from, to);
        put(next, fromName, set ? List.of() : List.of(from));
        put(next, toName, set ? List.of() : List.of(to));
        return new SearchParams(next, 1, List.of(), false);
    }

    boolean hasRange(String fromName, String toName, String from, String to) {
        return from.equals(first(fromName, null)) && to.equals(first(toName, null));
    }

    /** The same search with other words (a suggested spelling); filters kept, first page. */
    SearchParams withQuery(String query) {
        Map<String, List<String>> next = copy();
        put(next, "q", List.of(query));
        return new SearchParams(next, 1, List.of(), false);
    }

    /** The same words and field without any filter. */
    SearchParams withoutFilters() {
        Map<String, List<String>> next = new LinkedHashMap<>();
        put(next, "q", all("q"));
        put(next, "field", all("field"));
        return new SearchParams(next, 1, List.of(), false);
    }

    SearchParams atPage(int number) {
        return new SearchParams(values, Math.max(1, number), List.of(), false);
    }

    /** {@code path} with this search as its query string (the default field and the first page left out). */
    String href(String path) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, list) -> list.forEach(value -> {
            if (!(name.equals("field") && value.equals(SearchField.KEYWORD.name()))) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }));
        if (page > 1) {
            query.append(query.length() == 0 ? "?" : "&").append("page=").append(page);
        }
        return path + query;
    }

    private Map<String, List<String>> copy() {
        return new LinkedHashMap<>(values);
    }

    /** Puts the values back in {@link #NAMES} order, so that equal searches write equal links. */
    private static void put(Map<String, List<String>> map, String name, List<String> list) {
        map.remove(name);
        if (!list.isEmpty()) {
            map.put(name, List.copyOf(list));
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        NAMES.forEach(n -> {
            if (map.containsKey(n)) {
                ordered.put(n, map.get(n));
            }
        });
        map.clear();
        map.putAll(ordered);
    }
}
