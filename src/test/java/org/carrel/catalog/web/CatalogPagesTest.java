package org.carrel.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.carrel.accounts.Role;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.ItemForm;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.RecordView;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.district.District;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CarrelTest
class CatalogPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    District district;

    long oak;
    long pine;
    long record;
    long oakCopy;
    long pineCopy;

    @BeforeEach
    void aTitleWithACopyAtEachOfTwoSchools() {
        oak = TestData.schoolWithFiction(district, "CPOAK");
        pine = TestData.schoolWithFiction(district, "CPPINE");
        record = saved(catalog.catalogue(new BasicDescription("Charlotte's web", null, "White, E. B.",
                List.of("0064400557"), "Harper", 1952, List.of("Pigs -- Juvenile fiction"), "A pig and a spider.",
                "c", null, "FIC WHI", "BOOK", "eng"), "test"));
        oakCopy = saved(copies.addItem(record, copy(nextBarcode(), oak), "test"));
        pineCopy = saved(copies.addItem(record, copy(nextBarcode(), pine), "test"));
    }

    private static int barcodes;

    private static String nextBarcode() {
        return "CP" + System.nanoTime() + (barcodes++);
    }

    private static ItemForm copy(String barcode, long school) {
        return new ItemForm(barcode, String.valueOf(school), "", "", "BOOK", "AVAILABLE", "", "17.99", "", "", "",
                "", "", "");
    }

    private static long saved(CatalogResult result) {
        assertThat(result).isInstanceOf(CatalogResult.Saved.class);
        return ((CatalogResult.Saved) result).id();
    }

    private RequestPostProcessor librarian() {
        return Users.as(Role.LIBRARIAN, oak);
    }

    @Test
    void findsRecordsByTitleAndShowsTheNewLinkOnlyToEditors() throws Exception {
        mvc.perform(get("/staff/catalog").param("q", "charlotte").with(librarian()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/staff/catalog/records/" + record)))
                .andExpect(content().string(containsString("Catalogue a new title")));
        mvc.perform(get("/staff/catalog").with(Users.as(Role.VOLUNTEER, oak)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Catalogue a new title"))));
    }

    @Test
    void aBarcodeJumpsToItsCopyOrSaysNoCopyHasIt() throws Exception {
        String barcode = copies.item(oakCopy).orElseThrow().barcode();
        mvc.perform(get("/staff/catalog/items").param("barcode", " " + barcode.toLowerCase() + " ").with(librarian()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/staff/catalog/records/" + record + "#item-" + oakCopy));
        mvc.perform(get("/staff/catalog/items").param("barcode", "NOPE404").with(librarian()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No copy has barcode NOPE404")))
                .andExpect(content().string(containsString("name=\"barcode\"")));
    }

    @Test
    void theRecordPageShowsTheDescriptionAndActionsOnlyForCopiesOfTheUsersSchools() throws Exception {
        mvc.perform(get("/staff/catalog/records/" + record).with(librarian()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Charlotte")))
                .andExpect(content().string(containsString("9780064400558")))
                .andExpect(content().string(containsString("0064400557")))
                .andExpect(content().string(containsString("Pigs -- Juvenile fiction")))
                .andExpect(content().string(containsString("/staff/catalog/items/" + oakCopy + "/edit")))
                .andExpect(content().string(not(containsString("/staff/catalog/items/" + pineCopy + "/edit"))));
        mvc.perform(get("/staff/catalog/records/" + record).with(Users.as(Role.VOLUNTEER, oak)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/staff/catalog/items/" + oakCopy + "/edit"))));
        mvc.perform(get("/staff/catalog/records/999999").with(librarian())).andExpect(status().isNotFound());
    }

    @Test
    void theMarcViewShowsTheLeaderAndTaggedFields() throws Exception {
        mvc.perform(get("/staff/catalog/records/" + record + "/marc").with(Users.as(Role.VOLUNTEER, oak)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LDR")))
                .andExpect(content().string(containsString("$a Charlotte")))
                .andExpect(content().string(containsString("$a FIC $b WHI")));
    }

    @Test
    void theSimpleFormWrites245100020650And092() throws Exception {
        String location = mvc.perform(post("/staff/catalog/records/new").with(librarian()).with(csrf())
                        .param("title", "The snowy day").param("author", "Keats, Ezra Jack")
                        .param("isbns", "9780670654000").param("year", "1962").param("subjects", "Snow -- Fiction")
                        .param("audience", "a").param("callNumber", "E KEA").param("format", "BOOK")
                        .param("language", "eng"))
                .andExpect(status().isSeeOther())
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.replaceAll(".*/records/(\\d+).*", "$1"));
        RecordView saved = catalog.record(id).orElseThrow();
        assertThat(((DataField) saved.marc().getVariableField("245")).getSubfield('a').getData()).contains("snowy day");
        assertThat(saved.marc().getVariableField("100")).isNotNull();
        assertThat(saved.marc().getVariableField("020").toString()).contains("9780670654000");
        assertThat(saved.marc().getVariableField("650").toString()).contains("Snow");
        assertThat(saved.marc().getVariableField("092").toString()).contains("KEA");
        mvc.perform(get("/staff/catalog/records/" + id + "/marc").with(librarian()))
                .andExpect(content().string(containsString("$a Keats, Ezra Jack")));
    }

    @Test
    void theSimpleFormRefusesAMissingTitleABadYearAndNamesTheBadIsbn() throws Exception {
        mvc.perform(post("/staff/catalog/records/new").with(librarian()).with(csrf())
                        .param("title", "").param("year", "19620").param("isbns", "9780670654000\n0064400558"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a value.")))
                .andExpect(content().string(containsString("Enter a four-digit year")))
                .andExpect(content().string(containsString("ISBN 0064400558 is not a valid ISBN")));
    }

    @Test
    void theMarcEditorSavesValidTextAndListsProblemsByLine() throws Exception {
        RecordView before = catalog.record(record).orElseThrow();
        String text = MarcLines.render(before.marc()).replace("$aCharlotte's web", "$aCharlotte's web, revised");
        mvc.perform(post("/staff/catalog/records/" + record + "/marc/edit").with(librarian()).with(csrf())
                        .param("marc", text).param("version", String.valueOf(before.version())))
                .andExpect(status().isSeeOther());
        assertThat(catalog.record(record).orElseThrow().description().title()).contains("revised");
        mvc.perform(post("/staff/catalog/records/" + record + "/marc/edit").with(librarian()).with(csrf())
                        .param("marc", text).param("version", String.valueOf(before.version())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Someone else changed this record")));
        mvc.perform(post("/staff/catalog/records/new/marc").with(librarian()).with(csrf())
                        .param("marc", "LDR 00000nam a2200000 i 4500\n245 1X $aTitle\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Line 2: field 245 has indicator")));
    }

    @Test
    void aCopyIsAddedWithItsBarcodeAndADuplicateBarcodeIs422() throws Exception {
        String taken = copies.item(oakCopy).orElseThrow().barcode();
        mvc.perform(post("/staff/catalog/records/" + record + "/items/new").with(librarian()).with(csrf())
                        .param("barcode", "NEW" + System.nanoTime()).param("school", String.valueOf(oak))
                        .param("itemType", "BOOK").param("status", "AVAILABLE"))
                .andExpect(status().isSeeOther());
        mvc.perform(post("/staff/catalog/records/" + record + "/items/new").with(librarian()).with(csrf())
                        .param("barcode", taken).param("school", String.valueOf(oak)).param("itemType", "BOOK"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Another copy already has this barcode.")));
        mvc.perform(post("/staff/catalog/records/" + record + "/items/new").with(librarian()).with(csrf())
                        .param("barcode", "X" + System.nanoTime()).param("school", String.valueOf(pine)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherSchoolsCopyIsForbiddenOnEveryChange() throws Exception {
        mvc.perform(get("/staff/catalog/items/" + pineCopy + "/edit").with(librarian())).andExpect(status().isForbidden());
        mvc.perform(post("/staff/catalog/items/" + pineCopy + "/edit").with(librarian()).with(csrf())
                .param("barcode", "Z1").param("school", String.valueOf(oak))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/catalog/items/" + pineCopy + "/status").with(librarian()).with(csrf())
                .param("status", "MISSING").param("reason", "gone")).andExpect(status().isForbidden());
        mvc.perform(post("/staff/catalog/items/" + pineCopy + "/delete").with(librarian()).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aVolunteerViewsButCannotEdit() throws Exception {
        RequestPostProcessor volunteer = Users.as(Role.VOLUNTEER, oak);
        mvc.perform(get("/staff/catalog/records/" + record).with(volunteer)).andExpect(status().isOk());
        for (String path : List.of("/staff/catalog/records/new", "/staff/catalog/records/new/marc",
                "/staff/catalog/records/" + record + "/marc/edit", "/staff/catalog/records/" + record + "/items/new",
                "/staff/catalog/items/" + oakCopy + "/edit", "/staff/catalog/items/" + oakCopy + "/delete",
                "/staff/catalog/records/" + record + "/delete")) {
            mvc.perform(get(path).with(volunteer)).andExpect(status().isForbidden());
            mvc.perform(post(path).with(volunteer).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/staff/catalog/items/" + oakCopy + "/status").with(volunteer).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void statusChangesNeedAReasonAndRefusalsAreExplained() throws Exception {
        long version = copies.item(oakCopy).orElseThrow().version();
        mvc.perform(post("/staff/catalog/items/" + oakCopy + "/status").with(librarian()).with(csrf())
                        .param("status", "WITHDRAWN").param("reason", "").param("version", String.valueOf(version)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/staff/catalog/items/" + oakCopy + "/status").with(librarian()).with(csrf())
                        .param("status", "WITHDRAWN").param("reason", "Worn out").param("version", String.valueOf(version)))
                .andExpect(status().isSeeOther());
        assertThat(copies.item(oakCopy).orElseThrow().status()).isEqualTo(ItemStatus.WITHDRAWN);
        mvc.perform(post("/staff/catalog/items/" + oakCopy + "/delete").with(librarian()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Withdrawn copies are kept for statistics")));
        mvc.perform(post("/staff/catalog/records/" + record + "/delete").with(librarian()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Delete or withdraw its 1 copies first.")));
    }

    @Test
    void pagesRenderForAnEditor() throws Exception {
        for (String path : List.of("/staff/catalog", "/staff/catalog/records/new", "/staff/catalog/records/new/marc",
                "/staff/catalog/records/" + record + "/marc/edit", "/staff/catalog/records/" + record + "/items/new",
                "/staff/catalog/items/" + oakCopy + "/edit", "/staff/catalog/items/" + oakCopy + "/delete",
                "/staff/catalog/records/" + record + "/delete")) {
            mvc.perform(get(path).with(librarian())).andExpect(status().isOk());
        }
        mvc.perform(get("/staff/catalog/records/" + record + "/items/new").with(librarian()))
                .andExpect(content().string(containsString("<optgroup label=\"CPOAK School\">")))
                .andExpect(content().string(not(containsString("CPPINE School"))));
    }
}
