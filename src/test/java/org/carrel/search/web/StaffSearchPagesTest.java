package org.carrel.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.search.Search;
import org.carrel.search.SearchHit;
import org.carrel.search.SearchRequest;
import org.carrel.search.SearchResult;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@CarrelTest
class StaffSearchPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    District district;
    @MockitoBean
    Search search;

    long oak;

    @BeforeEach
    void aSchool() {
        oak = TestData.schoolWithFiction(district, "SSOAK");
    }

    @Test
    void aScannedBarcodeGoesStraightToItsCopy() throws Exception {
        given(search.search(any())).willReturn(new SearchResult(1, List.of(), Map.of(), null, null,
                new SearchResult.BarcodeMatch(7, 3), 1, 25));
        mvc.perform(get("/staff/search").param("q", "T0001234").with(Users.as(Role.VOLUNTEER, oak)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/staff/catalog/records/3#item-7"));
        ArgumentCaptor<SearchRequest> request = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search).search(request.capture());
        assertThat(request.getValue().staff()).isTrue();
        assertThat(request.getValue().query()).isEqualTo("T0001234");
    }

    @Test
    void eachHitListsItsCopiesAndLinksToTheStaffRecord() throws Exception {
        SearchHit hit = new SearchHit(41, "Charlotte's web", null, List.of("White, E. B."), List.of(), 1952, "FIC WHI",
                "BOOK", List.of(new SearchHit.Availability(oak, 2, 1)),
                List.of(new SearchHit.ItemHit(5, "T0000005", oak, "AVAILABLE", "FIC WHI"),
                        new SearchHit.ItemHit(6, "T0000006", oak, "CHECKED_OUT", "FIC WHI")));
        given(search.search(any())).willReturn(new SearchResult(1, List.of(hit), Map.of(), null, null, null, 1, 25));
        mvc.perform(get("/staff/search").param("q", "charlotte").with(Users.as(Role.LIBRARIAN, oak)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/staff/catalog/records/41\""),
                        containsString("href=\"/staff/catalog/records/41#item-6\">T0000006</a>"),
                        containsString("SSOAK School"),
                        containsString("Checked out"),
                        containsString("aria-current=\"page\">Search</a>"))));
    }

    @Test
    void onlyRolesThatSeeTheCatalogueMaySearchAsStaff() throws Exception {
        given(search.search(any())).willReturn(SearchFixtures.nothing());
        for (Role role : Role.values()) {
            int expected = role.grants(org.carrel.accounts.Permission.CATALOG_VIEW) ? 200 : 403;
            mvc.perform(get("/staff/search").param("q", "x").with(Users.as(role, oak)))
                    .andExpect(status().is(expected));
        }
        mvc.perform(get("/staff/search").param("q", "x")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theStaffCatalogueSendsItsKeywordSearchHereAndKeepsItsBarcodeBox() throws Exception {
        mvc.perform(get("/staff/catalog").with(Users.as(Role.LIBRARIAN, oak)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/staff/search\"")))
                .andExpect(content().string(containsString("action=\"/staff/catalog/items\"")));
    }
}
