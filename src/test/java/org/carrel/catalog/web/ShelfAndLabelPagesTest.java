package org.carrel.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import org.carrel.accounts.Role;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.labels.LabelQueue;
import org.carrel.catalog.labels.QueuedLabel;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@CarrelTest
class ShelfAndLabelPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    District district;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;
    @Autowired
    LabelQueue labels;

    CatalogFixtures fixtures;
    SchoolView school;
    long fiction;
    long sharks;
    long spiders;

    @BeforeEach
    void aSchoolWithThreeCopies() {
        fixtures = new CatalogFixtures(district, catalog, copies);
        school = fixtures.newSchool();
        String prefix = school.code();
        fiction = fixtures.copy(fixtures.record("Holes"), school, prefix + "-A", "FIC SAC");
        sharks = fixtures.copy(fixtures.record("Sharks up close"), school, prefix + "-B", "597.3 SHA");
        spiders = fixtures.copy(fixtures.record("Spiders and their webs"), school, prefix + "-C", "595.4 SPI");
    }

    @Test
    void listsASchoolsCopiesInCallNumberOrder() throws Exception {
        String page = mvc.perform(get("/staff/catalog/shelf").param("school", school.code())
                        .with(Users.as(Role.VOLUNTEER, school.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsSubsequence("595.4 SPI", "Spiders and their webs", school.code() + "-C", "Available",
                "597.3 SHA", "Sharks up close", "FIC SAC", "Holes");
        assertThat(page).as("a volunteer cannot queue labels").doesNotContain("name=\"item\"")
                .doesNotContain("Add to label queue");
    }

    @Test
    void theShelfListDefaultsToTheUsersFirstSchoolAndOffersTheLabelQueueToItsEditors() throws Exception {
        String page = mvc.perform(get("/staff/catalog/shelf").with(Users.as(Role.PARAPROFESSIONAL, school.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Shelf list: " + school.name()).contains("value=\"" + fiction + "\"")
                .contains("Add to label queue");
        String other = mvc.perform(get("/staff/catalog/shelf").param("school", school.code())
                        .with(Users.as(Role.LIBRARIAN, fixtures.newSchool().id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).as("another school's shelf is read-only").contains("Holes").doesNotContain("name=\"item\"");
    }

    @Test
    void queuesCopiesTickedOnTheShelfListAndGoesBackToIt() throws Exception {
        mvc.perform(post("/staff/catalog/labels/add").param("school", school.code()).param("from", "shelf")
                        .param("page", "1").param("item", String.valueOf(fiction), String.valueOf(spiders))
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isSeeOther())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/staff/catalog/shelf?school=" + school.code() + "&page=1&queued=2"));
        assertThat(labels.queue(school.id())).extracting(QueuedLabel::itemId).containsExactly(spiders, fiction);
        String shelf = mvc.perform(get("/staff/catalog/shelf").param("school", school.code()).param("queued", "2")
                .with(Users.as(Role.LIBRARIAN, school.id()))).andReturn().getResponse().getContentAsString();
        assertThat(shelf).contains("2 copies were added to the label queue.").contains("In the queue");
    }

    @Test
    void queuesScannedBarcodesAndSaysWhichWereNotFound() throws Exception {
        mvc.perform(post("/staff/catalog/labels/add").param("school", school.code())
                        .param("barcode", " " + school.code().toLowerCase() + "-b ")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isSeeOther());
        assertThat(labels.queue(school.id())).extracting(QueuedLabel::itemId).containsExactly(sharks);

        String page = mvc.perform(post("/staff/catalog/labels/add").param("school", school.code())
                        .param("barcode", "NO-SUCH-COPY").with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("No copy has the barcode NO-SUCH-COPY.").contains("autofocus");
        mvc.perform(post("/staff/catalog/labels/add").param("school", school.code()).param("barcode", "")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void refusesTheQueueToVolunteersAndToStaffOfAnotherSchool() throws Exception {
        mvc.perform(get("/staff/catalog/labels").with(Users.as(Role.VOLUNTEER, school.id())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/catalog/labels").param("school", school.code())
                        .with(Users.as(Role.LIBRARIAN, fixtures.newSchool().id())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/catalog/labels/add").param("school", school.code())
                        .param("item", String.valueOf(fiction)).with(csrf())
                        .with(Users.as(Role.PARAPROFESSIONAL, fixtures.newSchool().id())))
                .andExpect(status().isForbidden());
        assertThat(labels.count(school.id())).isZero();
    }

    @Test
    void removesOneCopyOrEmptiesTheQueue() throws Exception {
        labels.add(school.id(), List.of(fiction, sharks, spiders), "test");
        mvc.perform(post("/staff/catalog/labels/remove").param("school", school.code())
                        .param("item", String.valueOf(sharks)).with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isSeeOther());
        assertThat(labels.queue(school.id())).extracting(QueuedLabel::itemId).containsExactly(spiders, fiction);
        String page = mvc.perform(get("/staff/catalog/labels").param("school", school.code()).param("removed", "1")
                .with(Users.as(Role.LIBRARIAN, school.id()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("One copy was taken out of the label queue.").contains("Remove " + school.code() + "-C");

        mvc.perform(post("/staff/catalog/labels/remove").param("school", school.code()).param("all", "true")
                        .with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isSeeOther());
        assertThat(labels.count(school.id())).isZero();
    }

    @Test
    void printsTheQueueAsAPdfFromTheStartPositionAndEmptiesIt() throws Exception {
        labels.add(school.id(), List.of(fiction, sharks, spiders), "test");
        byte[] pdf = mvc.perform(post("/staff/catalog/labels/pdf").param("school", school.code())
                        .param("kind", "BARCODE").param("sheet", "AVERY_5160").param("symbology", "CODE128")
                        .param("start", "29").param("removePrinted", "true")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new PdfReader(pdf).getNumberOfPages()).as("labels 29 and 30, then one on a new sheet").isEqualTo(2);
        assertThat(labels.count(school.id())).isZero();
    }

    @Test
    void printsSpineLabelsAndKeepsTheQueueWhenNotAskedToEmptyIt() throws Exception {
        labels.add(school.id(), List.of(fiction, sharks), "test");
        byte[] pdf = mvc.perform(post("/staff/catalog/labels/pdf").param("school", school.code())
                        .param("kind", "SPINE").param("sheet", "SPINE_1X1_5").param("symbology", "CODE39")
                        .param("start", "1").with(csrf()).with(Users.as(Role.PARAPROFESSIONAL, school.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(new PdfReader(pdf).getNumberOfPages()).isEqualTo(1);
        assertThat(labels.count(school.id())).isEqualTo(2);
    }

    @Test
    void refusesABadStartPositionOrAnEmptyQueueWith422AndTheReason() throws Exception {
        String empty = mvc.perform(post("/staff/catalog/labels/pdf").param("school", school.code())
                        .param("kind", "BARCODE").param("sheet", "AVERY_5160").param("symbology", "CODE39")
                        .param("start", "1").with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("The label queue is empty: add copies before printing.");

        labels.add(school.id(), List.of(fiction), "test");
        for (String start : List.of("31", "0", "first")) {
            String page = mvc.perform(post("/staff/catalog/labels/pdf").param("school", school.code())
                            .param("kind", "BARCODE").param("sheet", "AVERY_5160").param("symbology", "CODE39")
                            .param("start", start).with(csrf()).with(Users.as(Role.LIBRARIAN, school.id())))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(page).as("start %s", start)
                    .contains("The first label must be a position from 1 to 30 on this sheet.");
        }
        assertThat(labels.count(school.id())).isEqualTo(1);
    }
}
