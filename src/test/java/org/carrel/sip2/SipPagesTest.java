package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.accounts.Role;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The SIP2 page: terminal accounts created and deleted by a district admin, connections and recent errors shown. */
@CarrelTest
@Import(CirculationFixtures.class)
class SipPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    SipTerminals terminals;
    @Autowired
    SipServer server;

    @Test
    void createsListsAndDeletesTerminalsAndShowsWhoIsConnected() throws Exception {
        String school = fixtures.school();
        mvc.perform(post("/staff/sip2").param("login", "page-kiosk").param("password", "page-pass-1")
                        .param("school", school).param("allowFrom", "127.0.0.1").with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(redirectedUrl("/staff/sip2?created"));
        SipTerminal created = terminals.all().stream().filter(t -> t.login().equals("page-kiosk")).findFirst()
                .orElseThrow();
        assertThat(created.schoolCode()).isEqualTo(school);

        try (SipServerTest.Client client = new SipServerTest.Client(server.localPort())) {
            assertThat(client.send("9300CNpage-kiosk|COpage-pass-1|")).isEqualTo("941");
            assertThat(client.send("9900302.00AY1AZFCA6")).isEqualTo("96");
            mvc.perform(get("/staff/sip2").with(Users.as(Role.DISTRICT_ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<td>page-kiosk</td>")))
                    .andExpect(content().string(containsString("<td>127.0.0.1</td>")))
                    .andExpect(content().string(containsString("is listening on port " + server.localPort())))
                    .andExpect(content().string(containsString("the checksum FCA6 is wrong")))
                    .andExpect(content().string(not(containsString("page-pass-1"))));
        }

        mvc.perform(post("/staff/sip2/" + created.id() + "/delete").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(redirectedUrl("/staff/sip2"));
        assertThat(terminals.all()).extracting(SipTerminal::login).doesNotContain("page-kiosk");
    }

    @Test
    void badInputIsAnsweredOnTheFormAndThePasswordIsNotSentBack() throws Exception {
        String school = fixtures.school();
        mvc.perform(post("/staff/sip2").param("login", "bad-kiosk").param("password", "page-pass-2")
                        .param("school", school).param("allowFrom", "not-an-address").with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(
                        "The allowed addresses are wrong: 'not-an-address' is not an IP address")))
                .andExpect(content().string(containsString("value=\"bad-kiosk\"")))
                .andExpect(content().string(not(containsString("page-pass-2"))));
        assertThat(terminals.all()).extracting(SipTerminal::login).doesNotContain("bad-kiosk");

        mvc.perform(get("/staff/sip2").with(Users.as(Role.LIBRARIAN))).andExpect(status().isForbidden());
    }
}
