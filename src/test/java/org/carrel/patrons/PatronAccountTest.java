package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A patron who signs in is linked to one sign-in account, named by its user name on the patron form. */
@CarrelTest
class PatronAccountTest {

    @Autowired
    Patrons patrons;
    @Autowired
    Accounts accounts;
    @Autowired
    District district;
    @Autowired
    MockMvc mvc;

    private long school(String code) {
        assertThat(district.createSchool(new SchoolForm(code, "Account Test " + code, "K", "5", "ELEMENTARY", null,
                null, null, null, null, null), "test").saved()).isTrue();
        return district.school(code).orElseThrow().id();
    }

    private void account(String username) {
        assertThat(accounts.create(new AccountForm(username, "Pupil " + username, Role.STUDENT, List.of(), true,
                "Correct-Horse-Battery-9", null), "test")).isInstanceOf(AccountResult.Saved.class);
    }

    private static PatronForm student(String school, String given, String account) {
        return new PatronForm("STUDENT", given, "Signin", "", school, "", "", "4", "", "", "", "en", "", "", null,
                account);
    }

    @Test
    void linksAnExistingAccountByUserNameOnlyToOnePatron() {
        school("PA1");
        account("pa1.ana");
        long ana = ((PatronsResult.Saved) patrons.create(student("PA1", "Ana", " PA1.Ana "), "test")).id();

        PatronView view = patrons.view(ana, "test").orElseThrow();
        assertThat(view.accountUsername()).isEqualTo("pa1.ana");
        assertThat(view.accountId()).isEqualTo(accounts.byUsername("pa1.ana").orElseThrow().id());
        assertThat(patrons.create(student("PA1", "Bo", "pa1.nobody"), "test").errors().get("account"))
                .isEqualTo("patrons.account.unknown");
        assertThat(patrons.create(student("PA1", "Bo", "pa1.ana"), "test"))
                .isInstanceOf(PatronsResult.Duplicate.class)
                .extracting(r -> r.errors().get("account")).isEqualTo("patrons.account.taken");
        assertThat(patrons.update(ana, PatronForm.of(view, "PA1"), "test").saved()).as("its own account").isTrue();

        PatronForm unlinked = new PatronForm("STUDENT", "Ana", "Signin", "", "PA1", view.barcode(), "", "4", "", "",
                "", "en", "", "", view.version() + 1, "");
        assertThat(patrons.update(ana, unlinked, "test").saved()).isTrue();
        assertThat(patrons.view(ana, "test").orElseThrow().accountUsername()).isNull();
        assertThat(patrons.create(student("PA1", "Bo", "pa1.ana"), "test").saved()).as("free again").isTrue();
    }

    @Test
    void theFormTakesTheAccountAndThePatronPageShowsIt() throws Exception {
        long school = school("PA2");
        account("pa2.kai");

        String location = mvc.perform(post("/staff/patrons").with(csrf()).with(Users.as(Role.LIBRARIAN, school))
                        .param("type", "STUDENT").param("givenName", "Kai").param("familyName", "Signin")
                        .param("school", "PA2").param("grade", "2").param("preferredLanguage", "en")
                        .param("account", "pa2.kai"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(content().string(Matchers.containsString("<dt>Sign-in account</dt><dd>pa2.kai</dd>")));
        mvc.perform(get(location.replace("?saved", "/edit")).with(Users.as(Role.LIBRARIAN, school)))
                .andExpect(content().string(Matchers.containsString("value=\"pa2.kai\"")));
        mvc.perform(post("/staff/patrons").with(csrf()).with(Users.as(Role.LIBRARIAN, school))
                        .param("type", "STUDENT").param("givenName", "Mo").param("familyName", "Signin")
                        .param("school", "PA2").param("grade", "2").param("preferredLanguage", "en")
                        .param("account", "pa2.ghost"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("No Carrel account has this user name.")));
    }
}
