package org.carrel.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.carrel.accounts.ApiTokens;
import org.carrel.accounts.Role;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemForm;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.search.Search;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON search: public without a token, copies only for staff, unreadable parameters named in a 400 problem. */
@CarrelTest
class SearchApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Search search;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    District district;
    @Autowired
    ApiTokens tokens;

    long record;

    @BeforeEach
    void aTitleWithACopy() {
        SchoolView school = TestData.school(district, "APIOAK");
        if (copies.itemByBarcode("API-1").isEmpty()) {
            CatalogResult created = catalog.catalogue(new BasicDescription("Zyzzyva facts", null, "Quill, Ada",
                    java.util.List.of("9780306406157"), null, 2020, java.util.List.of("Beetles"), null, null, null,
                    "595.76 QUI", "BOOK", "eng"), "test");
            record = ((CatalogResult.Saved) created).id();
            copies.addItem(record, new ItemForm("API-1", String.valueOf(school.id()), "", "", "BOOK", "AVAILABLE",
                    "1", "", "", "", "", "", "staff note", "0"), "test");
        } else {
            record = copies.itemByBarcode("API-1").orElseThrow().recordId();
        }
        assertThat(search.awaitCurrent(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void answersAnyoneWithHitsFacetsAndAvailabilityBySchoolCode() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "zyzzyva"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].id").value(record))
                .andExpect(jsonPath("$.hits[0].title").value("Zyzzyva facts"))
                .andExpect(jsonPath("$.hits[0].authors[0]").value("Quill, Ada"))
                .andExpect(jsonPath("$.hits[0].isbns[0]").value("9780306406157"))
                .andExpect(jsonPath("$.hits[0].year").value(2020))
                .andExpect(jsonPath("$.hits[0].callNumber").value("595.76 QUI"))
                .andExpect(jsonPath("$.hits[0].availability[0].school").value("APIOAK"))
                .andExpect(jsonPath("$.hits[0].availability[0].available").value(1))
                .andExpect(jsonPath("$.hits[0].items").doesNotExist())
                .andExpect(jsonPath("$.facets.school[0].value").value("APIOAK"))
                .andExpect(jsonPath("$.facets.dewey[0].value").value("500"))
                .andExpect(jsonPath("$.didYouMean").value(nullValue()));
        mvc.perform(get("/api/v1/search").param("q", "zyzzyva").param("available", "APIOAK")
                        .param("format", "book").param("dewey", "500"))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/search").param("q", "zyzyva"))
                .andExpect(jsonPath("$.didYouMean").value("zyzzyva"))
                .andExpect(jsonPath("$.hits", hasSize(1)));
    }

    @Test
    void listsCopiesForStaffTokensOnly() throws Exception {
        String librarian = tokens.create("search test", Role.LIBRARIAN, null, "test").token();
        String teacher = tokens.create("search test teacher", Role.TEACHER, null, "test").token();
        mvc.perform(get("/api/v1/search").param("q", "zyzzyva").header("Authorization", "Bearer " + librarian))
                .andExpect(jsonPath("$.hits[0].items[0].barcode").value("API-1"))
                .andExpect(jsonPath("$.hits[0].items[0].school").value("APIOAK"))
                .andExpect(jsonPath("$.hits[0].items[0].status").value("AVAILABLE"));
        mvc.perform(get("/api/v1/search").param("q", "zyzzyva").header("Authorization", "Bearer " + teacher))
                .andExpect(jsonPath("$.hits[0].items").doesNotExist());
        mvc.perform(get("/api/v1/search").param("q", "API-1"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void namesEachUnreadableParameterAndAcceptsAnyQueryText() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "x").param("lexileMin", "lots").param("school", "NOPE")
                        .param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("lexileMin: 'lots'")))
                .andExpect(jsonPath("$.detail", containsString("school: the district has no school 'NOPE'")))
                .andExpect(jsonPath("$.detail", containsString("size: '1000'")));
        for (String hostile : new String[] {"*", "a*", "\"open", "title:(", "x".repeat(5000)}) {
            mvc.perform(get("/api/v1/search").param("q", hostile)).andExpect(status().isOk());
        }
    }

    @Test
    void suggestsTitlesAsTheyAreTyped() throws Exception {
        mvc.perform(get("/api/v1/search/suggestions").param("q", "zyzz"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").value("Zyzzyva facts"))
                .andExpect(jsonPath("$[0].kind").value("TITLE"));
    }
}
