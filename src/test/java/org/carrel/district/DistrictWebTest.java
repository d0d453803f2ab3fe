package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.carrel.accounts.Role;
import org.carrel.accounts.SchoolDirectory;
import org.carrel.accounts.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = {
        "carrel.data-dir=${java.io.tmpdir}/carrel-district-web-test", "carrel.search.dir=memory",
        "spring.datasource.url=jdbc:h2:mem:district-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "carrel.demo=false"})
@AutoConfigureMockMvc
class DistrictWebTest {

    /** A Thursday in October of the 2026-2027 school year. */
    static final Instant TODAY = Instant.parse("2026-10-15T15:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @org.springframework.context.annotation.Primary
        Clock fixedClock() {
            return Clock.fixed(TODAY, ZoneId.of("America/Chicago"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    District district;
    @Autowired
    DistrictDemoData demo;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void theDemoDistrictExists() {
        if (district.school("OAK").isEmpty()) {
            assertThat(demo.seed()).singleElement().asString().startsWith("Demo district: Riverbend Unified School "
                    + "District, 6 schools");
        }
    }

    RequestPostProcessor admin() {
        return as(new SignedInUser(1L, "admin", "Ada Admin", Role.DISTRICT_ADMIN, Set.of()));
    }

    RequestPostProcessor librarianOf(String code) {
        long school = district.school(code).orElseThrow().id();
        return as(new SignedInUser(2L, "lib", "Lee Librarian", Role.LIBRARIAN, Set.of(school)));
    }

    static RequestPostProcessor as(SignedInUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    }

    long schoolCount() {
        return jdbc.sql("select count(*) from school").query(Long.class).single();
    }

    @Test
    void seedsTheDemoDistrictWithSixSchoolsLocationsAndACalendar() {
        assertThat(district.settings().name()).isEqualTo("Riverbend Unified School District");
        SchoolView oak = district.school("oak").orElseThrow();
        assertThat(oak.gradeSpan()).isEqualTo("K-5");
        assertThat(district.school("MAPLE").orElseThrow().gradeSpan()).isEqualTo("PK-5");
        assertThat(district.locations(oak.id())).extracting(LocationView::name).startsWith("Easy", "Fiction");
        assertThat(district.schoolYearEnd(oak.id(), LocalDate.of(2026, 10, 15))).contains(LocalDate.of(2027, 6, 4));
        assertThat(district.isClosed(oak.id(), LocalDate.of(2026, 11, 26))).as("Thanksgiving").isTrue();
        assertThat(district.isClosed(oak.id(), LocalDate.of(2026, 10, 15))).isFalse();
        assertThat(district.terms(oak.id(), LocalDate.of(2026, 10, 15))).hasSize(2);
        assertThat(directory.schoolIdByCode("rhs")).contains(district.school("RHS").orElseThrow().id());
        assertThat(directory.schoolNames()).containsValue("Lincoln Middle");
    }

    @Test
    void listsSchoolsPubliclyAsJsonOrderedByName() throws Exception {
        mvc.perform(get("/api/v1/schools"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Cedar Creek Elementary"))
                .andExpect(jsonPath("$[?(@.code == 'OAK')].gradeSpan").value("K-5"))
                .andExpect(jsonPath("$[?(@.code == 'OAK')].lowestGrade").value("K"))
                .andExpect(jsonPath("$[?(@.code == 'OAK')].highestGrade").value("5"))
                .andExpect(jsonPath("$[?(@.code == 'OAK')].level").value("ELEMENTARY"));
    }

    @Test
    void createsASchoolThroughTheApiWith201AndALocation() throws Exception {
        mvc.perform(post("/api/v1/schools").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"elm","name":"Elm Street Elementary","lowestGrade":"K","highestGrade":"5",
                                 "level":"ELEMENTARY","city":"Riverbend"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/schools/ELM"))
                .andExpect(jsonPath("$.code").value("ELM"))
                .andExpect(jsonPath("$.gradeSpan").value("K-5"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'district.school.created' "
                + "and detail like 'ELM %'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidSchoolThroughTheApiWith422ProblemAndSavesNothing() throws Exception {
        long before = schoolCount();
        mvc.perform(post("/api/v1/schools").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"x y\",\"name\":\"\",\"lowestGrade\":\"8\",\"highestGrade\":\"6\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.errors.code").value("Use 2 to 12 letters, digits or dashes."))
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.highestGrade").exists());
        assertThat(schoolCount()).isEqualTo(before);
    }

    @Test
    void refusesADuplicateCodeThroughTheApiWith409() throws Exception {
        mvc.perform(post("/api/v1/schools").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"OAK\",\"name\":\"Another Oak\",\"lowestGrade\":\"K\",\"highestGrade\":\"5\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.code").exists());
    }

    @Test
    void refusesSchoolCreationToALibrarianAndToAnonymousCallers() throws Exception {
        String body = "{\"code\":\"NOPE\",\"name\":\"Nope\",\"lowestGrade\":\"K\",\"highestGrade\":\"5\"}";
        mvc.perform(post("/api/v1/schools").with(librarianOf("OAK")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/schools").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(district.school("NOPE")).isEmpty();
    }

    @Test
    void showsTheSchoolListAndASchoolWithItsLocationsAndCalendar() throws Exception {
        mvc.perform(get("/staff/schools").with(librarianOf("OAK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Oak Hill Elementary")));
        mvc.perform(get("/staff/schools/OAK").with(librarianOf("OAK")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Graphic Novels"))))
                .andExpect(content().string(containsString("Easy")))
                .andExpect(content().string(containsString("Thanksgiving")));
    }

    @Test
    void refusesAnInvalidSchoolFormWith422AndFieldMessagesAndSavesNothing() throws Exception {
        long before = schoolCount();
        mvc.perform(post("/staff/schools").with(admin()).with(csrf())
                        .param("code", "OAK").param("name", "Second Oak").param("lowestGrade", "K")
                        .param("highestGrade", "5").param("level", "ELEMENTARY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Another school already uses this code.")));
        mvc.perform(post("/staff/schools").with(admin()).with(csrf())
                        .param("code", "PINE").param("name", "").param("lowestGrade", "5").param("highestGrade", "K"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The highest grade must not be below the lowest grade.")));
        assertThat(schoolCount()).isEqualTo(before);
    }

    @Test
    void createsASchoolFromTheFormAndRedirectsToIt() throws Exception {
        mvc.perform(post("/staff/schools").with(admin()).with(csrf())
                        .param("code", "birch").param("name", "Birch Academy").param("lowestGrade", "6")
                        .param("highestGrade", "12").param("level", "OTHER").param("version", "0"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/schools/BIRCH?saved"));
        assertThat(district.school("BIRCH")).get().extracting(SchoolView::gradeSpan).isEqualTo("6-12");
    }

    @Test
    void refusesAStaleSchoolEdit() throws Exception {
        SchoolView wash = district.school("WASH").orElseThrow();
        mvc.perform(post("/staff/schools/WASH").with(admin()).with(csrf())
                        .param("code", "WASH").param("name", "Washington Middle School").param("lowestGrade", "6")
                        .param("highestGrade", "8").param("level", "MIDDLE").param("version", String.valueOf(wash.version() + 5)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Someone else changed this record")));
    }

    @Test
    void refusesALibrarianEditingTheCalendarOfASchoolTheyAreNotScopedTo() throws Exception {
        mvc.perform(get("/staff/schools/LINC/calendar").with(librarianOf("OAK"))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/schools/LINC/closed-days").with(librarianOf("OAK")).with(csrf())
                .param("closedOn", "2026-10-16").param("reason", "Snow day")).andExpect(status().isForbidden());
        mvc.perform(post("/staff/schools/LINC/locations").with(librarianOf("OAK")).with(csrf())
                .param("code", "X").param("name", "X")).andExpect(status().isForbidden());
        assertThat(district.isClosed(district.school("LINC").orElseThrow().id(), LocalDate.of(2026, 10, 16))).isFalse();
    }

    @Test
    void letsTheSchoolsOwnLibrarianAddAClosedDayButNotOneOutsideTheYear() throws Exception {
        long cedar = district.school("CEDAR").orElseThrow().id();
        mvc.perform(get("/staff/schools/CEDAR/calendar").with(librarianOf("CEDAR"))).andExpect(status().isOk());
        mvc.perform(post("/staff/schools/CEDAR/closed-days").with(librarianOf("CEDAR")).with(csrf())
                        .param("closedOn", "2026-10-16").param("reason", "Snow day"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/staff/schools/CEDAR/calendar?saved"));
        assertThat(district.isClosed(cedar, LocalDate.of(2026, 10, 16))).isTrue();

        mvc.perform(post("/staff/schools/CEDAR/closed-days").with(librarianOf("CEDAR")).with(csrf())
                        .param("closedOn", "2027-07-20").param("reason", "Summer"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The day must fall inside a school year of this school.")));
        mvc.perform(post("/staff/schools/CEDAR/terms").with(librarianOf("CEDAR")).with(csrf())
                        .param("name", "Summer school").param("startsOn", "2027-06-01").param("endsOn", "2027-07-01"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void letsALibrarianAddALocationToTheirSchool() throws Exception {
        mvc.perform(post("/staff/schools/MAPLE/locations").with(librarianOf("MAPLE")).with(csrf())
                        .param("code", "pic").param("name", "Picture Books"))
                .andExpect(status().isFound());
        long maple = district.school("MAPLE").orElseThrow().id();
        assertThat(district.locations(maple)).last().extracting(LocationView::code).isEqualTo("PIC");
    }

    @Test
    void letsOnlyDistrictEditorsChangeTheDistrictSettings() throws Exception {
        mvc.perform(get("/staff/district").with(librarianOf("OAK")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Riverbend Unified School District")));
        mvc.perform(post("/staff/district").with(librarianOf("OAK")).with(csrf()).param("name", "Mine"))
                .andExpect(status().isForbidden());
        long version = district.settings().version();
        mvc.perform(post("/staff/district").with(admin()).with(csrf()).param("name", "Riverbend Unified School District")
                        .param("timeZone", "America/Chicago").param("defaultLanguage", "en").param("minGroupSize", "3")
                        .param("readingHistoryPolicy", "PATRON").param("version", String.valueOf(version)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a whole number of at least 5.")));
        assertThat(district.settings().minGroupSize()).isEqualTo(10);
    }

    @Test
    void sendsAnonymousVisitorsOfStaffPagesToSignIn() throws Exception {
        mvc.perform(get("/staff/schools")).andExpect(status().isFound());
    }
}
