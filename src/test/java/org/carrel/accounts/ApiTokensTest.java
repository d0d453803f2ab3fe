package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.carrel.shared.AdminCommand;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@CarrelTest
class ApiTokensTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreateApiTokenCommand command;
    @Autowired
    Accounts accounts;

    @Test
    void acceptsATokenAsBearerAndChecksItsRolesPermissions() throws Exception {
        String admin = tokens.create("metrics scraper", Role.DISTRICT_ADMIN, null, "test").token();
        String librarian = tokens.create("desk script", Role.LIBRARIAN, null, "test").token();
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + admin)).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + librarian))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnUnknownOrRevokedTokenWith401() throws Exception {
        ApiTokens.NewToken token = tokens.create("soon revoked", Role.DISTRICT_ADMIN, null, "test");
        tokens.revoke(token.id(), "test");
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token.token()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer carrel_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void storesOnlyAHashOfTheToken() {
        ApiTokens.NewToken token = tokens.create("hash check", Role.TEACHER, null, "test");
        List<String> stored = jdbc.sql("select token_hash || '|' || token_hint || '|' || name from api_token where id = :id")
                .param("id", token.id()).query(String.class).list();
        assertThat(stored).singleElement().asString().doesNotContain(token.token().substring(12));
        assertThat(tokens.authenticate(token.token())).hasValueSatisfying(user ->
                assertThat(user.role()).isEqualTo(Role.TEACHER));
    }

    @Test
    void theCommandPrintsTheTokenOnceOnItsLastLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of("--name", "roster sync", "--role", "librarian"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(AdminCommand.OK);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("carrel_");
        assertThat(tokens.authenticate(lines.get(lines.size() - 1))).isPresent();
    }

    @Test
    void theCommandRefusesAnUnknownRoleAsWrongUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of("--name", "x", "--role", "janitor"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(AdminCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role 'janitor'");
    }

    @Test
    void aDistrictAdminTokenEditsAnAccountWithoutSessionOrCsrf() throws Exception {
        accounts.create(new AccountForm("edited-by-script", "Before", Role.TEACHER, List.of(), true,
                "scripted-password-1", null), "test");
        AccountView account = accounts.all().stream().filter(a -> a.username().equals("edited-by-script"))
                .findFirst().orElseThrow();
        String admin = tokens.create("account sync", Role.DISTRICT_ADMIN, null, "test").token();
        mvc.perform(post("/staff/accounts/" + account.id()).header("Authorization", "Bearer " + admin)
                        .param("displayName", "After").param("role", "TEACHER").param("enabled", "true")
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/staff/accounts?saved"));
        assertThat(accounts.find(account.id()).orElseThrow().displayName()).isEqualTo("After");
    }

    @Test
    void anApiCallWithoutTokenOrSessionIsToldToAuthenticate() throws Exception {
        mvc.perform(post("/api/v1/schools").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anApiCallRidingOnASessionStillNeedsItsCsrfToken() throws Exception {
        mvc.perform(post("/api/v1/schools").with(org.carrel.testing.Users.as(Role.DISTRICT_ADMIN))
                        .session(new org.springframework.mock.web.MockHttpSession())
                        .with(request -> { request.setRequestedSessionId("from-a-cookie"); return request; })
                        .contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
    }
}
