package org.carrel.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrel.search.SearchField;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

    private static SearchParams of(String... pairs) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] old = map.getOrDefault(pairs[i], new String[0]);
            String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = pairs[i + 1];
            map.put(pairs[i], grown);
        }
        return SearchParams.of(map);
    }

    @Test
    void valuesTheSearchCannotUseAreLeftOutAndNamed() {
        SearchParams params = of("q", " owls ", "lexileMin", "abc", "yearFrom", "1990", "guidedFrom", "7",
                "dewey", "5", "dewey", "500", "field", "NOPE", "language", "SPA", "page", "-3");
        assertThat(params.query()).isEqualTo("owls");
        assertThat(params.field()).isEqualTo(SearchField.KEYWORD);
        assertThat(params.filters().lexileMin()).isNull();
        assertThat(params.filters().yearFrom()).isEqualTo(1990);
        assertThat(params.filters().guidedFrom()).isNull();
        assertThat(params.filters().deweyClasses()).containsExactly("500");
        assertThat(params.filters().languages()).containsExactly("spa");
        assertThat(params.page()).isEqualTo(1);
        assertThat(params.ignored()).extracting(SearchParams.Ignored::param)
                .containsExactly("field", "lexileMin", "guidedFrom", "dewey");
    }

    @Test
    void aFacetLinkAddsItsValueAndTheSameLinkOnAnAppliedValueTakesItOut() {
        SearchParams params = of("q", "cats & dogs", "page", "3");
        SearchParams withBook = params.toggle("format", "BOOK");
        assertThat(withBook.href("/catalog/search")).isEqualTo("/catalog/search?q=cats+%26+dogs&format=BOOK");
        assertThat(withBook.toggle("format", "BOOK").href("/catalog/search")).isEqualTo("/catalog/search?q=cats+%26+dogs");
        assertThat(params.href("/catalog/search")).isEqualTo("/catalog/search?q=cats+%26+dogs&page=3");
    }

    @Test
    void aRangeFacetSetsBothBoundsAndClearsThemWhenExactlyThatRangeIsSet() {
        SearchParams params = of("q", "moon");
        SearchParams decade = params.toggleRange("yearFrom", "yearTo", "2010", "2019");
        assertThat(decade.filters().yearFrom()).isEqualTo(2010);
        assertThat(decade.filters().yearTo()).isEqualTo(2019);
        assertThat(decade.hasRange("yearFrom", "yearTo", "2010", "2019")).isTrue();
        assertThat(decade.toggleRange("yearFrom", "yearTo", "2010", "2019").href("/s")).isEqualTo("/s?q=moon");
    }

    @Test
    void aSingleValuedFilterIsReplacedNotAdded() {
        SearchParams params = of("available", "1").toggle("available", "2");
        assertThat(params.all("available")).containsExactly("2");
    }

    @Test
    void aLongQueryIsCutWithoutSplittingACharacter() {
        String owls = "\uD83E\uDD89".repeat(400);
        SearchParams params = of("q", owls);
        assertThat(params.shortened()).isTrue();
        assertThat(params.query().codePointCount(0, params.query().length())).isEqualTo(SearchParams.MAX_QUERY);
        assertThat(Character.isHighSurrogate(params.query().charAt(params.query().length() - 1))).isFalse();
    }

    @Test
    void nothingAskedIsAnEmptySearch() {
        assertThat(of("field", "TITLE").isEmpty()).isTrue();
        assertThat(of("q", "   ").isEmpty()).isTrue();
        assertThat(of("dewey", "900").isEmpty()).isFalse();
    }

    @Test
    void onlyCatalogPagesAreGoneBackTo() {
        assertThat(OpacPages.safeBack("/catalog/search?q=owls")).isEqualTo("/catalog/search?q=owls");
        assertThat(OpacPages.safeBack("//evil.example/catalog")).isEqualTo("/catalog");
        assertThat(OpacPages.safeBack("https://evil.example")).isEqualTo("/catalog");
        assertThat(OpacPages.safeBack("/catalogue")).isEqualTo("/catalog");
        assertThat(OpacPages.safeBack("/catalog/x\r\nSet-Cookie: a=b")).isEqualTo("/catalog");
    }
}
