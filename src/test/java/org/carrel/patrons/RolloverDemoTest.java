package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.DemoData;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The year-end rollover of the demo district (six schools, ten students per grade: OAK and CEDAR K-5, MAPLE PK-5,
 * LINC and WASH 6-8, RHS 9-12), through the staff page as a district admin, on the last weeks of the 2026-2027
 * school year.
 */
@SpringBootTest(properties = {
        "carrel.data-dir=${java.io.tmpdir}/carrel-rollover-demo-test", "carrel.search.dir=memory",
        "spring.datasource.url=jdbc:h2:mem:rollover-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "carrel.demo=false"})
@AutoConfigureMockMvc
class RolloverDemoTest {

    /** May 20, 2027: inside the demo calendar's 2026-2027 school year. */
    static final Instant TODAY = Instant.parse("2027-05-20T15:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(TODAY, ZoneId.of("America/Chicago"));
        }
    }

    @Autowired
    List<DemoData> demoData;
    @Autowired
    District district;
    @Autowired
    Rollover rollover;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** The district, its accounts and its patrons (the demo catalogue is not needed). */
    private void seedTheDemoDistrict() {
        demoData.stream().filter(d -> d.order() != 300).sorted(Comparator.comparingInt(DemoData::order))
                .forEach(DemoData::seed);
    }

    /** Active students per "SCHOOL GRADE", e.g. "OAK K" -> 10. */
    private Map<String, Integer> activeStudents() {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("""
                        select school_id, grade, count(*) as n from patron
                        where patron_type = 'STUDENT' and status = 'ACTIVE' group by school_id, grade""")
                .query((row, n) -> counts.put(code(row.getLong("school_id")) + " "
                        + org.carrel.district.Grade.of(row.getInt("grade")).label(), row.getInt("n")))
                .list();
        return counts;
    }

    private String code(long schoolId) {
        return district.school(schoolId).map(SchoolView::code).orElseThrow();
    }

    private List<String> everyoneButActiveStudents() {
        return jdbc.sql("""
                        select id, patron_type, status, school_id, grade, homeroom_id, version from patron
                        where not (patron_type = 'STUDENT' and status = 'ACTIVE') order by id""")
                .query((row, n) -> row.getLong("id") + " " + row.getString("patron_type") + " "
                        + row.getString("status") + " " + row.getLong("school_id") + " " + row.getObject("grade")
                        + " " + row.getObject("homeroom_id") + " v" + row.getLong("version"))
                .list();
    }

    private static Map<String, Integer> expectedAfterTheRollover() {
        Map<String, Integer> expected = new TreeMap<>();
        for (String grade : List.of("1", "2", "3", "4", "5")) {
            expected.put("OAK " + grade, 10);
            expected.put("CEDAR " + grade, 10);
            expected.put("MAPLE " + grade, 10);
        }
        expected.put("MAPLE K", 10);
        expected.put("LINC 6", 30);
        expected.put("LINC 7", 10);
        expected.put("LINC 8", 10);
        expected.put("WASH 7", 10);
        expected.put("WASH 8", 10);
        expected.put("RHS 9", 20);
        expected.put("RHS 10", 10);
        expected.put("RHS 11", 10);
        expected.put("RHS 12", 10);
        return expected;
    }

    private MockHttpServletRequestBuilder applyAsAdmin(RolloverPreview preview, String fingerprint) {
        MockHttpServletRequestBuilder request = post("/staff/patrons/rollover").with(csrf())
                .with(Users.as(Role.DISTRICT_ADMIN)).param("charges", "KEEP").param("fingerprint", fingerprint);
        preview.choices().forEach(choice -> request.param("to-" + choice.schoolId(), choice.chosen()));
        return request;
    }

    @Test
    void theDemoDistrictRollsOverOnceWithEveryStudentWhereThePreviewSaid() throws Exception {
        seedTheDemoDistrict();
        assertThat(activeStudents().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(290);
        List<String> othersBefore = everyoneButActiveStudents();

        RolloverPreview preview = rollover.preview(Map.of(), ChargesChoice.KEEP);

        assertThat(preview.schoolYear()).isEqualTo("2027-2028");
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.totals()).isEqualTo(new RolloverPreview.Totals(230, 50, 10, 0, 0));
        assertThat(preview.choices()).extracting(c -> code(c.schoolId()) + ">" + code(Long.parseLong(c.chosen())))
                .containsExactly("CEDAR>LINC", "LINC>RHS", "MAPLE>LINC", "OAK>LINC", "WASH>RHS");
        assertThat(preview.leaving()).hasSize(60);
        mvc.perform(get("/staff/patrons/rollover").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "0 of the 60 students leaving their school still have copies out.")))
                .andExpect(content().string(Matchers.containsString("name=\"fingerprint\" value=\""
                        + preview.fingerprint() + "\"")));

        mvc.perform(applyAsAdmin(preview, "not-the-preview"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Students changed since the preview")));
        assertThat(activeStudents().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(290);

        mvc.perform(applyAsAdmin(preview, preview.fingerprint()))
                .andExpect(redirectedUrl("/staff/patrons/rollover?applied"));

        assertThat(activeStudents()).isEqualTo(expectedAfterTheRollover());
        assertThat(activeStudents()).isEqualTo(whatThePreviewSaid(preview));
        assertThat(jdbc.sql("select count(*) from patron where status = 'GRADUATED' and grade = 12")
                .query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from patron where patron_type = 'STUDENT' and homeroom_id is not null")
                .query(Long.class).single()).isZero();
        assertThat(everyoneButActiveStudents().stream().filter(row -> !row.contains(" STUDENT ")).toList())
                .as("teachers and guardians, untouched").hasSize(29 + 97).isEqualTo(othersBefore);
        assertThat(rollover.preview(Map.of(), ChargesChoice.KEEP).applied()).isNotNull()
                .extracting(RolloverRecord::moved, RolloverRecord::graduated).containsExactly(50, 10);
        assertThat(audit.newest("district_admin", 50)).filteredOn(e -> e.action().equals("patrons.rollover.applied"))
                .singleElement().extracting(e -> e.detail()).asString().startsWith("2027-2028: 230 promoted");

        RolloverPreview again = rollover.preview(Map.of(), ChargesChoice.KEEP);
        assertThat(rollover.apply(Map.of(), ChargesChoice.KEEP, again.fingerprint(), "admin"))
                .isInstanceOf(RolloverResult.Refused.class);
        mvc.perform(applyAsAdmin(again, again.fingerprint()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("already applied")));
        mvc.perform(get("/staff/patrons/rollover").param("applied", "").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The rollover into 2027-2028 was applied")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"fingerprint\""))));
        assertThat(activeStudents()).isEqualTo(expectedAfterTheRollover());
    }

    /** Where the preview's rows say the students go: "stay" into the next grade here, "move" to the named school. */
    private Map<String, Integer> whatThePreviewSaid(RolloverPreview preview) {
        Map<String, String> codes = new TreeMap<>();
        district.schools().forEach(s -> codes.put(s.name(), s.code()));
        Map<String, Integer> after = new TreeMap<>();
        for (RolloverPreview.GradeRow row : preview.rows()) {
            if (row.stay() > 0) {
                after.merge(code(row.schoolId()) + " " + row.nextGrade().label(), row.stay(), Integer::sum);
            }
            if (row.move() > 0) {
                after.merge(codes.get(row.moveTo()) + " " + row.nextGrade().label(), row.move(), Integer::sum);
            }
        }
        return after;
    }
}
