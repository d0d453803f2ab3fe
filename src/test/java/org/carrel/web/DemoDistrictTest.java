package org.carrel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrel.accounts.AccountView;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.HomeroomView;
import org.carrel.patrons.Patrons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** A new installation gets the demo district once, with an account for every role, and says so on the console. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel-demo-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "carrel.data-dir=${java.io.tmpdir}/carrel-test-demo", "carrel.search.dir=memory",
        "carrel.demo=auto"})
@ExtendWith(OutputCaptureExtension.class)
class DemoDistrictTest {

    @Autowired
    District district;
    @Autowired
    Accounts accounts;
    @Autowired
    DemoDistrictLoader loader;
    @Autowired
    Patrons patrons;

    @Test
    void seedsSixSchoolsAndAnAccountForEveryRoleOnlyOnce(CapturedOutput output) {
        assertThat(district.schools()).hasSize(6);
        Set<Role> roles = accounts.all().stream().map(AccountView::role).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Arrays.asList(Role.values()));
        assertThat(output.getOut()).contains("==== Carrel demo district ====").containsPattern("librarian +demo-");
        long accountsBefore = accounts.count();
        int printed = output.getOut().length();
        loader.seedIfNew();
        assertThat(district.schools()).hasSize(6);
        assertThat(accounts.count()).isEqualTo(accountsBefore);
        assertThat(output.getOut().substring(printed)).doesNotContain("==== Carrel demo district ====");
    }

    /** Every grade of every school has a homeroom with its teacher and ten students; a third have a guardian. */
    @Test
    void seedsAHomeroomWithATeacherAndTenStudentsInEveryGrade(CapturedOutput output) {
        int homerooms = 0;
        for (SchoolView school : district.schools()) {
            List<HomeroomView> rooms = patrons.homerooms(school.id());
            int grades = school.highestGrade().value() - school.lowestGrade().value() + 1;
            assertThat(rooms).as(school.code()).hasSize(grades).allSatisfy(room -> {
                assertThat(room.teacherName()).isNotBlank();
                assertThat(room.students()).isEqualTo(10);
                assertThat(patrons.members(room.id())).extracting(m -> m.grade().label())
                        .containsOnly(room.name().replaceAll(".*\\((.+)\\)", "$1"));
            });
            homerooms += rooms.size();
        }
        assertThat(homerooms).isEqualTo(6 + 7 + 6 + 3 + 3 + 4);
        assertThat(output.getOut()).contains("Demo patrons: 290 students in 29 homerooms, 29 teachers, 97 guardians");
    }
}
