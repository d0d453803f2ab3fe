package org.carrel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrel.accounts.AccountView;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.district.District;
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
}
