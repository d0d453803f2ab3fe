package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.LoanView;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Overdue lists of a school and per homeroom, the PDF for homeroom teachers, and running the jobs now. */
@CarrelTest
@Import(CirculationFixtures.class)
class OverduePagesTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Patrons patrons;
    @Autowired
    MockMvc mvc;

    String school;
    long schoolId;
    String ana;
    String bo;
    long roomA;
    long roomB;

    @BeforeEach
    void twoHomeroomsWithALateStudentEach() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        fixtures.teacherOf(school, "Room A", "Quimby");
        fixtures.teacherOf(school, "Room B", "Ramona");
        ana = fixtures.student(school, "3", "Room A", "");
        bo = fixtures.student(school, "3", "Room B", "");
        lateLoan(ana, "Charlotte's Web", 5);
        lateLoan(bo, "Stuart Little", 2);
        roomA = homeroom("Room A");
        roomB = homeroom("Room B");
    }

    private LoanView lateLoan(String patron, String title, int daysAgo) {
        String copy = fixtures.copy(fixtures.title(title), school);
        LoanView loan = ((CheckoutResult.CheckedOut) circulation.checkout(CheckoutRequest.of(patron, copy, "desk")))
                .loan();
        fixtures.makeDue(loan.id(), fixtures.now(), daysAgo);
        return loan;
    }

    private long homeroom(String name) {
        return patrons.homerooms(schoolId).stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow()
                .id();
    }

    private String name(String barcode) {
        return patrons.byBarcode(barcode).orElseThrow().name();
    }

    private RequestPostProcessor librarian() {
        return Users.as(new SignedInUser(7200L, "overdues-" + school, "Overdue Tester", Role.LIBRARIAN,
                Set.of(schoolId)));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aLibrarianOfOneSchoolSeesItsOverduesWithHomeroomsAndDaysOverdue() throws Exception {
        mvc.perform(get("/staff/circulation/overdues").with(librarian()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name(ana))))
                .andExpect(content().string(Matchers.containsString("Charlotte's Web")))
                .andExpect(content().string(Matchers.containsString("Stuart Little")))
                .andExpect(content().string(Matchers.containsString("<td>Room A</td>")))
                .andExpect(content().string(Matchers.containsString("<td>5</td>")))
                .andExpect(content().string(Matchers.containsString("href=\"/staff/circulation/patrons/"
                        + fixtures.patronId(ana) + "\"")));
    }

    @Test
    void oneHomeroomsListLeavesTheOthersOut() throws Exception {
        mvc.perform(get("/staff/circulation/overdues").param("school", school).param("homeroom",
                        String.valueOf(roomB)).with(librarian()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Stuart Little")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Charlotte"))));
    }

    @Test
    void anotherSchoolsListIsRefusedAndADistrictAdminPicksASchoolFirst() throws Exception {
        String other = fixtures.school();
        mvc.perform(get("/staff/circulation/overdues").param("school", other).with(librarian()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/circulation/overdues/homerooms.pdf").param("school", other).with(librarian()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/circulation/overdues").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<select id=\"f-school\" name=\"school\">")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Charlotte"))));
        mvc.perform(get("/staff/circulation/overdues").param("school", school).param("homeroom", "999999999")
                        .with(librarian()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theHomeroomPdfHasASectionPerTeacherWithNamesTitlesAndDueDates() throws Exception {
        byte[] pdf = mvc.perform(get("/staff/circulation/overdues/homerooms.pdf").param("school", school)
                        .with(librarian()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Room A", "Teacher: Quimby Tester", name(ana), "Charlotte's Web",
                fixtures.now().toLocalDate().minusDays(5).toString());
        assertThat(text).contains("Room B", "Teacher: Ramona Tester", name(bo), "Stuart Little");
        assertThat(text.indexOf("Quimby")).as("Room A before Room B").isLessThan(text.indexOf("Ramona"));

        String onlyA = text(mvc.perform(get("/staff/circulation/overdues/homerooms.pdf").param("school", school)
                        .param("homeroom", String.valueOf(roomA)).with(librarian()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(onlyA).contains("Quimby", "Charlotte's Web").doesNotContain("Ramona", "Stuart Little");
    }

    @Test
    void namesAndTitlesAreForStaffWhoMaySeeLoansOnly() throws Exception {
        for (Role role : new Role[] {Role.VOLUNTEER, Role.ADMINISTRATOR, Role.TEACHER}) {
            mvc.perform(get("/staff/circulation/overdues/homerooms.pdf").param("school", school)
                    .with(Users.as(role, schoolId))).andExpect(status().isForbidden());
            mvc.perform(get("/staff/circulation/overdues").param("school", school)
                    .with(Users.as(role, schoolId))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aDistrictAdminRunsTheDailyJobsNowAndSeesTheCounts() throws Exception {
        mvc.perform(post("/staff/circulation/jobs/run").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Loans that became overdue")));
        assertThat(circulation.reportOverdues(fixtures.now())).as("the run reported every late loan").isZero();
        mvc.perform(post("/staff/circulation/jobs/run").with(csrf()).with(librarian()))
                .andExpect(status().isForbidden());
    }
}
