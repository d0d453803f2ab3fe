package org.carrel.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.search.FacetCount;
import org.carrel.search.Search;
import org.carrel.search.SearchRequest;
import org.carrel.search.SearchResult;
import org.carrel.search.Suggestion;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The public catalogue's search pages over a stand-in {@link Search}: what they show and what they ask. */
@CarrelTest
class OpacPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    District district;
    @MockitoBean
    Search search;

    long oak;
    long pine;

    @BeforeEach
    void twoSchools() {
        oak = TestData.schoolWithFiction(district, "OPOAK");
        pine = TestData.schoolWithFiction(district, "OPPINE");
        given(search.search(any())).willReturn(SearchFixtures.nothing());
    }

    private SearchResult charlotte(String didYouMean, String showingResultsFor) {
        return new SearchResult(1, List.of(SearchFixtures.hit(41, "Charlotte's web", oak, 2, 3, pine, 0, 1)),
                Map.of("format", List.of(new FacetCount("BOOK", 1)),
                        "school", List.of(new FacetCount(String.valueOf(oak), 1), new FacetCount(String.valueOf(pine), 1)),
                        "subject", List.of(new FacetCount("Pigs", 1)),
                        "decade", List.of(new FacetCount("1950", 1))),
                didYouMean, showingResultsFor, null, 1, 20);
    }

    private SearchRequest asked() {
        ArgumentCaptor<SearchRequest> request = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search, org.mockito.Mockito.atLeastOnce()).search(request.capture());
        return request.getValue();
    }

    @Test
    void resultsShowHitsWithAvailabilityFacetsWithSchoolNamesAndDidYouMean() throws Exception {
        given(search.search(any())).willReturn(charlotte("charlotte", null));
        mvc.perform(get("/catalog/search").param("q", "charlote"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/catalog/records/41\""),
                        containsString(">Charlotte's web</a>"),
                        containsString("2 of 3 on the shelf at OPOAK School"),
                        containsString("0 of 1 on the shelf at OPPINE School"),
                        containsString("Did you mean"),
                        containsString("href=\"/catalog/search?q=charlotte\""),
                        containsString("href=\"/catalog/search?q=charlote&amp;format=BOOK\""),
                        containsString("href=\"/catalog/search?q=charlote&amp;school=" + oak + "\""),
                        containsString("href=\"/catalog/search?q=charlote&amp;yearFrom=1950&amp;yearTo=1959\""),
                        containsString("1950s"),
                        containsString("One title found"))))
                .andExpect(content().string(containsString(">OPOAK School</span> <span class=\"facet-count\">(1)")));
        SearchRequest request = asked();
        assertThat(request.query()).isEqualTo("charlote");
        assertThat(request.staff()).isFalse();
        assertThat(request.page()).isEqualTo(1);
    }

    @Test
    void anAppliedFacetIsSentAsAFilterAndItsLinkTakesItOut() throws Exception {
        given(search.search(any())).willReturn(charlotte(null, null));
        mvc.perform(get("/catalog/search").param("q", "web").param("format", "BOOK").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Remove filter:")))
                .andExpect(content().string(containsString("href=\"/catalog/search?q=web\"")))
                .andExpect(content().string(containsString("href=\"/catalog/search?q=web\" class=\"facets-clear\"")));
        SearchRequest request = asked();
        assertThat(request.filters().formats()).containsExactly("BOOK");
        assertThat(request.page()).isEqualTo(2);
    }

    @Test
    void showsWhichCorrectedWordsItSearchedWhenTheTypedOnesFoundNothing() throws Exception {
        given(search.search(any())).willReturn(charlotte(null, "charlotte"));
        mvc.perform(get("/catalog/search").param("q", "charlottte"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing results for \u201ccharlotte\u201d.")))
                .andExpect(content().string(containsString("Nothing was found for \u201ccharlottte\u201d.")));
    }

    @Test
    void hostileQueriesGiveAnOrdinaryPageAndLongOnesAreCut() throws Exception {
        for (String hostile : List.of("*", "\"unbalanced", "((title:", "<script>alert(1)</script>", "AND OR NOT",
                "a".repeat(5000), "\\", "%00")) {
            mvc.perform(get("/catalog/search").param("q", hostile))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("<script>alert"))))
                    .andExpect(content().string(not(containsString("a".repeat(301)))));
        }
        assertThat(asked().query()).isEqualTo("%00");
        mvc.perform(get("/catalog/search").param("q", "b".repeat(5000)))
                .andExpect(content().string(containsString("only its first 300 characters were used")));
        assertThat(asked().query()).hasSize(SearchParams.MAX_QUERY);
    }

    @Test
    void invalidNumbersInFiltersAreLeftOutWithAMessageNotAnError() throws Exception {
        mvc.perform(get("/catalog/search").param("q", "owls").param("lexileMin", "abc").param("yearTo", "20x5")
                        .param("page", "many").param("school", "oak").param("guidedFrom", "\"AA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\u201cabc\u201d is not a valid lowest Lexile measure")))
                .andExpect(content().string(containsString("\u201c20x5\u201d is not a valid last year")))
                .andExpect(content().string(containsString("\u201coak\u201d is not a valid school")));
        SearchRequest request = asked();
        assertThat(request.filters().lexileMin()).isNull();
        assertThat(request.filters().yearTo()).isNull();
        assertThat(request.filters().schools()).isEmpty();
        assertThat(request.page()).isEqualTo(1);
    }

    @Test
    void anEmptySearchAsksNothingAndPointsToTheShelves() throws Exception {
        mvc.perform(get("/catalog/search"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Type a word or two")));
        verify(search, never()).search(any());
    }

    @Test
    void theHomePageOffersPictureShelvesNewArrivalsPopularTitlesAndTheSearchBox() throws Exception {
        given(search.newArrivals(any(), anyInt())).willReturn(List.of(SearchFixtures.hit(7, "Dragons love tacos", oak, 1, 1)));
        given(search.popular(any(), anyInt())).willReturn(List.of(SearchFixtures.hit(8, "Dog Man", pine, 0, 4)));
        mvc.perform(get("/catalog"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/catalog/search?q=dinosaurs&amp;field=SUBJECT\""),
                        containsString("href=\"/catalog/search?dewey=900\""),
                        containsString("href=\"/catalog/search?language=spa\""),
                        containsString("New arrivals"), containsString("Dragons love tacos"),
                        containsString("Popular now"), containsString("Dog Man"),
                        containsString("id=\"search-q\""), containsString("list=\"search-suggestions\""),
                        containsString("hx-trigger=\"keyup changed delay:200ms\""))));
        verify(search).newArrivals(null, OpacPages.SHELF_SIZE);
        verify(search).popular(null, OpacPages.SHELF_SIZE);
    }

    @Test
    void thePublicPagesAreTheSameForSomeoneSignedIn() throws Exception {
        mvc.perform(get("/catalog").with(Users.as(Role.STUDENT, oak))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Browse the shelves")));
        mvc.perform(get("/catalog/search").param("q", "x").with(Users.as(Role.TEACHER, oak))).andExpect(status().isOk());
    }

    @Test
    void mySchoolIsRememberedInACookieAndSetsTheDefaults() throws Exception {
        mvc.perform(post("/catalog/my-school").with(csrf()).param("school", String.valueOf(oak))
                        .param("back", "/catalog/search?q=owls"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/catalog/search?q=owls"))
                .andExpect(header().string("Set-Cookie", allOf(containsString("carrel_school=" + oak),
                        containsString("Max-Age=31536000"), containsString("SameSite=Lax"),
                        containsString("HttpOnly"))));
        Cookie mine = new Cookie("carrel_school", String.valueOf(oak));

        given(search.newArrivals(any(), anyInt())).willReturn(List.of());
        mvc.perform(get("/catalog").cookie(mine))
                .andExpect(content().string(containsString("New at OPOAK School")))
                .andExpect(content().string(containsString("<option value=\"" + oak + "\" selected>")));
        verify(search).newArrivals(String.valueOf(oak), OpacPages.SHELF_SIZE);

        given(search.search(any())).willReturn(new SearchResult(1,
                List.of(SearchFixtures.hit(41, "Charlotte's web", pine, 1, 1, oak, 1, 2)), Map.of(), null, null, null,
                1, 20));
        String page = mvc.perform(get("/catalog/search").param("q", "web").param("available", String.valueOf(oak))
                        .cookie(mine))
                .andExpect(content().string(containsString("Only books on the shelf now at OPOAK School")))
                .andExpect(content().string(containsString("value=\"" + oak + "\"\n")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("at OPOAK School</li>")).as("my school's line comes first")
                .isLessThan(page.indexOf("at OPPINE School</li>")).isPositive();
        assertThat(asked().filters().availableAt()).isEqualTo(String.valueOf(oak));
    }

    @Test
    void choosingASchoolNeverSendsTheReaderOffTheCatalogue() throws Exception {
        mvc.perform(post("/catalog/my-school").with(csrf()).param("school", "").param("back", "//evil.example/"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/catalog"))
                .andExpect(header().string("Set-Cookie", containsString("Max-Age=0")));
    }

    @Test
    void simpleModeIsRememberedAndShowsPicturesFirstAndFewerFacets() throws Exception {
        String home = mvc.perform(get("/catalog").param("simple", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Set-Cookie", allOf(containsString("carrel_simple=1"),
                        containsString("SameSite=Lax"))))
                .andExpect(content().string(containsString("class=\"opac opac-simple\"")))
                .andExpect(content().string(containsString("href=\"/catalog?simple=0\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(home.indexOf("id=\"shelves-heading\"")).isLessThan(home.indexOf("id=\"search-q\""));

        given(search.search(any())).willReturn(charlotte(null, null));
        mvc.perform(get("/catalog/search").param("q", "web").cookie(new Cookie("carrel_simple", "1")))
                .andExpect(content().string(containsString("opac-simple")))
                .andExpect(content().string(containsString("id=\"facet-format\"")))
                .andExpect(content().string(not(containsString("id=\"facet-subject\""))))
                .andExpect(content().string(not(containsString("id=\"search-field\""))));
        mvc.perform(get("/catalog").param("simple", "0").cookie(new Cookie("carrel_simple", "1")))
                .andExpect(header().string("Set-Cookie", containsString("Max-Age=0")))
                .andExpect(content().string(not(containsString("opac-simple"))));
    }

    @Test
    void typeAheadAnswersOptionsForTheDatalist() throws Exception {
        given(search.suggest(eq("char"), anyInt())).willReturn(List.of(
                new Suggestion("Charlie and the chocolate factory", Suggestion.Kind.TITLE),
                new Suggestion("Charlotte <Zolotow>", Suggestion.Kind.AUTHOR)));
        mvc.perform(get("/catalog/suggest").param("q", "char").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"Charlie and the chocolate factory\"></option>")))
                .andExpect(content().string(containsString("<option value=\"Charlotte &lt;Zolotow>\"></option>")))
                .andExpect(content().string(not(containsString("<html"))));
        verify(search).suggest("char", OpacPages.SUGGESTIONS);
        mvc.perform(get("/catalog/suggest").param("q", "  ")).andExpect(status().isOk());
        verify(search, never()).suggest(eq(""), anyInt());
    }
}
