package org.carrel.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrel.accounts.Role;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.carrel.testing.MarcFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@CarrelTest
class ImportExportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    District district;
    @Autowired
    Catalog catalog;
    @Autowired
    Copies copies;

    CatalogFixtures fixtures;
    SchoolView oak;

    @BeforeEach
    void theDemoSchoolExists() {
        fixtures = new CatalogFixtures(district, catalog, copies);
        oak = fixtures.school("OAK");
    }

    @Test
    void onlyLibrariansAndDistrictAdminsReachImportAndExport() throws Exception {
        for (String page : List.of("/staff/catalog/imports", "/staff/catalog/export")) {
            mvc.perform(get(page).with(Users.as(Role.LIBRARIAN, oak.id()))).andExpect(status().isOk());
            mvc.perform(get(page).with(Users.as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
            mvc.perform(get(page).with(Users.as(Role.PARAPROFESSIONAL, oak.id()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(Users.as(Role.VOLUNTEER, oak.id()))).andExpect(status().isForbidden());
        }
    }

    @Test
    void importsAnUploadedFileInTheBackgroundAndReportsEachRecord() throws Exception {
        String barcode = "IMP" + System.nanoTime() % 1_000_000;
        byte[] file = MarcFiles.iso2709(CatalogFixtures.marc("Uploaded with a copy", "OAK", barcode),
                CatalogFixtures.marc("Uploaded without a copy", null, null));

        MvcResult started = mvc.perform(multipart("/staff/catalog/imports")
                        .file(new MockMultipartFile("files", "vendor.mrc", "application/marc", file))
                        .param("school", "").param("onMatch", "SKIP").param("matchOn", "ISBN", "LCCN")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, oak.id())))
                .andExpect(status().isSeeOther()).andReturn();
        String job = started.getResponse().getRedirectedUrl();
        assertThat(job).matches("/staff/catalog/imports/\\d+");

        String progress = pollUntilFinished(job);
        assertThat(progress).doesNotContain("hx-trigger").contains("<progress id=\"import-bar\" max=\"100\" value=\"100\"");
        String page = mvc.perform(get(job).with(Users.as(Role.LIBRARIAN, oak.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(page, "<dt>Records read</dt><dd>(\\d+)</dd>")).isEqualTo(2);
        assertThat(count(page, "<dt>Added</dt><dd>(\\d+)</dd>")).isEqualTo(2);
        assertThat(count(page, "<dt>Copies created</dt><dd>(\\d+)</dd>")).isEqualTo(1);
        assertThat(count(page, "<dt>Rejected</dt><dd>(\\d+)</dd>")).isZero();
        assertThat(page).contains("match ISBN,LCCN, on match SKIP").contains("vendor.mrc");
        assertThat(reportRows(page)).hasSize(2).allSatisfy(row -> assertThat(row).contains("vendor.mrc")
                .contains("<td>Added</td>").containsPattern("href=\"/staff/catalog/records/\\d+\""));
        assertThat(copies.itemByBarcode(barcode)).get().extracting(item -> item.schoolId()).isEqualTo(oak.id());
        assertThat(mvc.perform(get("/staff/catalog/imports").with(Users.as(Role.LIBRARIAN, oak.id())))
                .andReturn().getResponse().getContentAsString()).contains("href=\"" + job + "\"");
    }

    @Test
    void refusesAnImportWithoutAFileOrWithAnUnknownSchoolWith422() throws Exception {
        mvc.perform(multipart("/staff/catalog/imports").param("onMatch", "SKIP")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, oak.id())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Choose at least one MARC file."));
        mvc.perform(multipart("/staff/catalog/imports")
                        .file(new MockMultipartFile("files", "a.mrc", "application/marc", MarcFiles.iso2709(
                                CatalogFixtures.marc("Never imported", null, null))))
                        .param("school", "NOPE").param("onMatch", "SKIP")
                        .with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("There is no school with this code."));
    }

    @Test
    void refusesAnImportIntoAnotherSchoolAndAnyImportByAParaprofessional() throws Exception {
        SchoolView other = fixtures.newSchool();
        byte[] file = MarcFiles.iso2709(CatalogFixtures.marc("Never imported", null, null));
        mvc.perform(multipart("/staff/catalog/imports").file(new MockMultipartFile("files", "a.mrc", null, file))
                        .param("school", other.code()).param("onMatch", "SKIP")
                        .with(csrf()).with(Users.as(Role.LIBRARIAN, oak.id())))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/staff/catalog/imports").file(new MockMultipartFile("files", "a.mrc", null, file))
                        .param("onMatch", "SKIP").with(csrf()).with(Users.as(Role.PARAPROFESSIONAL, oak.id())))
                .andExpect(status().isForbidden());
    }

    @Test
    void exportsASchoolsRecordsAsADownloadThatReadsBackWithTheirCopies() throws Exception {
        SchoolView school = fixtures.newSchool();
        long record = fixtures.record("Exported title");
        fixtures.copy(record, school, "EXP" + school.id(), "FIC EXP");
        fixtures.copy(fixtures.record("Elsewhere only"), fixtures.newSchool(), "EXQ" + school.id(), "FIC ELS");

        MvcResult async = mvc.perform(get("/staff/catalog/export/file").param("format", "MARC")
                        .param("school", school.code()).param("details", "true")
                        .with(Users.as(Role.LIBRARIAN, oak.id())))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(async)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/marc"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"carrel-catalog-" + district.today() + ".mrc\""))
                .andReturn();

        List<Record> records = new ArrayList<>();
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()));
        while (reader.hasNext()) {
            records.add(reader.next());
        }
        assertThat(records).singleElement().satisfies(marc -> {
            assertThat(((DataField) marc.getVariableField("245")).getSubfield('a').getData()).isEqualTo("Exported title");
            assertThat(((DataField) marc.getVariableField("852")).getSubfield('p').getData()).isEqualTo("EXP" + school.id());
            assertThat(marc.getVariableField("952")).isNotNull();
        });
    }

    @Test
    void exportsMarcxmlWithoutItemDetailsWhenAsked() throws Exception {
        SchoolView school = fixtures.newSchool();
        fixtures.copy(fixtures.record("Exported as XML"), school, "XML" + school.id(), "FIC XML");

        MvcResult async = mvc.perform(get("/staff/catalog/export/file").param("format", "MARCXML")
                        .param("school", school.code()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(request().asyncStarted()).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(async)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/marcxml+xml"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.endsWith(".xml\"")))
                .andReturn();

        MarcXmlReader reader = new MarcXmlReader(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()));
        Record marc = reader.next();
        assertThat(((DataField) marc.getVariableField("245")).getSubfield('a').getData()).isEqualTo("Exported as XML");
        assertThat(marc.getVariableField("852")).isNotNull();
        assertThat(marc.getVariableField("952")).as("no item details").isNull();
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void refusesAnExportOfAnUnknownFormatOrSchoolWith422() throws Exception {
        mvc.perform(get("/staff/catalog/export/file").param("format", "PDF").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/staff/catalog/export/file").param("school", "NOPE").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent());
    }

    /** Polls the progress part as htmx does until the import is over; a deadline, not a time the test asserts. */
    private String pollUntilFinished(String job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            MvcResult result = mvc.perform(get(job).header("HX-Request", "true")
                    .with(Users.as(Role.LIBRARIAN, oak.id()))).andExpect(status().isOk()).andReturn();
            String fragment = result.getResponse().getContentAsString();
            assertThat(fragment).doesNotContain("<html").doesNotContain("data-state=\"FAILED\"");
            if (fragment.contains("data-state=\"FINISHED\"")) {
                assertThat(result.getResponse().getHeader("HX-Refresh")).isEqualTo("true");
                return fragment;
            }
            assertThat(fragment).contains("hx-trigger=\"every 1s\"").contains("Refresh</a>");
            assertThat(Instant.now()).as("the import finishes within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static int count(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static List<String> reportRows(String page) {
        String body = page.substring(page.indexOf("Report lines, page 1"));
        body = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        return List.of(body.split("<tr>")).stream().filter(row -> row.contains("</tr>")).toList();
    }
}
