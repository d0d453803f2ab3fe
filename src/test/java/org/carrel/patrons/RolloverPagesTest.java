package org.carrel.patrons;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The rollover page with bad input: every problem named, nothing applied, never an error page. */
@CarrelTest
class RolloverPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    District district;
    @Autowired
    Patrons patrons;

    @Test
    void badChoicesAreNamedOnThePageAndAnApplyWithoutAPreviewIsRefused() throws Exception {
        district.createSchool(new SchoolForm("RPT1", "Rollover Page Test", "K", "2", "ELEMENTARY", null, null, null,
                null, null, null), "test");
        long school = district.school("RPT1").orElseThrow().id();
        patrons.create(new PatronForm("STUDENT", "Ana", "Roll", "", "RPT1", "", "", "2", "", "", "", "en", "", "",
                null), "test");

        mvc.perform(get("/staff/patrons/rollover").param("charges", "BURN").param("to-" + school, "12345")
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose whether to keep or clear unpaid charges.")))
                .andExpect(content().string(Matchers.containsString(
                        "The receiving school chosen for Rollover Page Test does not teach")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"fingerprint\""))));
        mvc.perform(post("/staff/patrons/rollover").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("The rollover was not applied")));
        mvc.perform(post("/staff/patrons/rollover").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN))
                        .param("charges", "KEEP").param("to-" + school, "TRANSFER").param("fingerprint", "x"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theFindPageLinksToTheRolloverForDistrictAdminsOnly() throws Exception {
        mvc.perform(get("/staff/patrons").with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(content().string(Matchers.containsString("href=\"/staff/patrons/rollover\"")));
        mvc.perform(get("/staff/patrons").with(Users.as(Role.LIBRARIAN, 1L)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/staff/patrons/rollover"))));
    }
}
