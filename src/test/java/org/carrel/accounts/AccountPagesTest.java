package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.testing.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;

@CarrelTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAnAccountAndAuditsIt() throws Exception {
        mvc.perform(post("/staff/accounts").with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("username", "New.Librarian").param("displayName", "Nia Librarian")
                        .param("role", "LIBRARIAN").param("enabled", "true").param("password", "shelves-and-stacks"))
                .andExpect(redirectedUrl("/staff/accounts?saved"));
        AccountView created = accounts.all().stream().filter(a -> a.username().equals("new.librarian")).findFirst()
                .orElseThrow();
        assertThat(created.role()).isEqualTo(Role.LIBRARIAN);
        assertThat(audit.newest("accounts.account.created", 10))
                .anySatisfy(entry -> assertThat(entry.recordId()).isEqualTo(String.valueOf(created.id())));
        String hash = jdbc.sql("select password_hash from account where id = :id").param("id", created.id())
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("shelves-and-stacks");
    }

    @Test
    void refusesAnInvalidAccountWith422AndSavesNothing() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/staff/accounts").with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("username", "no spaces allowed").param("displayName", "")
                        .param("role", "LIBRARIAN").param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Use 2 to 100 letters")))
                .andExpect(content().string(containsString("Enter the person's name.")));
        mvc.perform(post("/staff/accounts").with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("username", "valid-name").param("displayName", "Valid Name")
                        .param("role", "LIBRARIAN").param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Use at least 10 characters.")));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void refusesATakenUsername() throws Exception {
        accounts.create(new AccountForm("taken", "First", Role.TEACHER, List.of(), true, "first-password-1", null), "t");
        mvc.perform(post("/staff/accounts").with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("username", "TAKEN").param("displayName", "Second")
                        .param("role", "TEACHER").param("password", "second-password-2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("already in use")));
    }

    @Test
    void refusesAnEditMadeOnAStaleVersion() throws Exception {
        accounts.create(new AccountForm("versioned", "V", Role.TEACHER, List.of(), true, "stale-edit-pass-1", null), "t");
        AccountView account = accounts.all().stream().filter(a -> a.username().equals("versioned")).findFirst()
                .orElseThrow();
        mvc.perform(post("/staff/accounts/" + account.id()).with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("displayName", "First edit").param("role", "TEACHER").param("enabled", "true")
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/staff/accounts?saved"));
        mvc.perform(post("/staff/accounts/" + account.id()).with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("displayName", "Second edit").param("role", "TEACHER").param("enabled", "true")
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Someone else changed this record")));
        assertThat(accounts.find(account.id()).orElseThrow().displayName()).isEqualTo("First edit");
    }

    @Test
    void changesOnesOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        accounts.create(new AccountForm("changer", "C", Role.STUDENT, List.of(), true, "old-password-1", null), "t");
        AccountView account = accounts.all().stream().filter(a -> a.username().equals("changer")).findFirst()
                .orElseThrow();
        SignedInUser me = new SignedInUser(account.id(), "changer", "C", Role.STUDENT, java.util.Set.of());
        mvc.perform(post("/account/password").with(as(me)).with(csrf()).param("currentPassword", "wrong-one-here")
                        .param("newPassword", "new-password-22").param("confirmPassword", "new-password-22"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The current password is not correct.")));
        mvc.perform(post("/account/password").with(as(me)).with(csrf()).param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-22").param("confirmPassword", "new-password-23"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/account/password").with(as(me)).with(csrf()).param("currentPassword", "old-password-1")
                        .param("newPassword", "new-password-22").param("confirmPassword", "new-password-22"))
                .andExpect(redirectedUrl("/account?saved"));
        assertThat(accounts.changePassword(account.id(), "new-password-22", "newer-password-333"))
                .isInstanceOf(AccountResult.Saved.class);
    }

    @Test
    void showsTheAuditLogToADistrictAdminOnly() throws Exception {
        mvc.perform(get("/staff/audit").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/staff/audit").with(as(Role.LIBRARIAN))).andExpect(status().isForbidden());
    }
}
