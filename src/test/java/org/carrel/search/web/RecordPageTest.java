package org.carrel.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemForm;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.district.District;
import org.carrel.search.Search;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The public page of a title: its description and its copies school by school, and nothing private. */
@CarrelTest
class RecordPageTest {

    private static int barcodes;

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    District district;
    @MockitoBean
    Search search;

    long oak;
    long pine;
    long record;
    String damagedBarcode;

    @BeforeEach
    void aTitleOnTheShelfAtOneSchoolAndOutAtTheOther() {
        oak = TestData.schoolWithFiction(district, "RPOAK");
        pine = TestData.schoolWithFiction(district, "RPPINE");
        record = saved(catalog.catalogue(new BasicDescription("Charlotte's web", null, "White, E. B.",
                List.of("0064400557"), "Harper", 1952, List.of("Pigs -- Juvenile fiction", "Spiders -- Juvenile fiction"),
                "A pig and a spider.", "c", "Lexile 680L", "FIC WHI", "BOOK", "eng"), "test"));
        long fiction = district.locations(oak).get(0).id();
        saved(copies.addItem(record, copy(oak, String.valueOf(fiction), "AVAILABLE"), "test"));
        saved(copies.addItem(record, copy(pine, "", "CHECKED_OUT"), "test"));
        long damaged = saved(copies.addItem(record, copy(pine, "", "AVAILABLE"), "test"));
        var item = copies.item(damaged).orElseThrow();
        damagedBarcode = item.barcode();
        saved(copies.changeStatus(damaged, item.version(), ItemStatus.DAMAGED, "Juice spilled by Maria Lopez", "test"));
        long withdrawn = saved(copies.addItem(record, copy(oak, "", "AVAILABLE"), "test"));
        saved(copies.changeStatus(withdrawn, copies.item(withdrawn).orElseThrow().version(), ItemStatus.WITHDRAWN,
                "Worn out", "test"));
    }

    private static ItemForm copy(long school, String location, String status) {
        return new ItemForm("RP" + System.nanoTime() + (barcodes++), String.valueOf(school), location, "", "BOOK",
                status, "", "", "", "", "", "", "Given by the Lopez family", "");
    }

    private static long saved(CatalogResult result) {
        assertThat(result).isInstanceOf(CatalogResult.Saved.class);
        return ((CatalogResult.Saved) result).id();
    }

    @Test
    void showsTheDescriptionAndEachSchoolsCopiesInWordsWithoutBarcodesNotesOrReasons() throws Exception {
        mvc.perform(get("/catalog/records/" + record))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Charlotte's web</h1>"),
                        containsString("White, E. B."),
                        containsString("A pig and a spider."),
                        containsString("href=\"/catalog/search?subject=Pigs\""),
                        containsString("9780064400558"),
                        containsString("680L"),
                        containsString("RPOAK School"), containsString("RPPINE School"),
                        containsString("1 of 1 on the shelf"), containsString("0 of 2 on the shelf"),
                        containsString("Fiction"),
                        containsString("On the shelf"), containsString("Checked out"),
                        containsString("Being repaired"))))
                .andExpect(content().string(allOf(
                        not(containsString(damagedBarcode)),
                        not(containsString("Maria")),
                        not(containsString("Lopez")),
                        not(containsString("Worn out")),
                        not(containsString("No longer in the library")))));
    }

    @Test
    void theReadersSchoolComesFirst() throws Exception {
        String page = mvc.perform(get("/catalog/records/" + record).cookie(new Cookie("carrel_school",
                        String.valueOf(pine))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("RPPINE School")).isLessThan(page.indexOf("RPOAK School"));
        assertThat(page).contains("<span class=\"badge\">my school</span>");
    }

    @Test
    void anUnknownOrDeletedTitleGetsAFriendlyNotFoundPage() throws Exception {
        for (String id : List.of("99999999", "abc", "-1", "1e3")) {
            mvc.perform(get("/catalog/records/" + id))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("We could not find that title")))
                    .andExpect(content().string(containsString("id=\"search-q\"")));
        }
        long gone = saved(catalog.catalogue(new BasicDescription("Gone", null, null, List.of(), null, null, List.of(),
                null, null, null, null, "BOOK", "eng"), "test"));
        saved(catalog.deleteRecord(gone, "test"));
        mvc.perform(get("/catalog/records/" + gone)).andExpect(status().isNotFound());
    }

    @Test
    void speaksSpanish() throws Exception {
        mvc.perform(get("/catalog/records/" + record).header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"es\">")))
                .andExpect(content().string(containsString("Dónde encontrarlo")))
                .andExpect(content().string(containsString("Prestado")));
    }
}
