package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CarrelTest
class SignInTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    private String newAccount(String username, Role role) {
        accounts.create(new AccountForm(username, "Person " + username, role, List.of(), true, "a-long-secret-1",
                null), "test");
        return username;
    }

    /** Each test signs in from an address of its own, so the per-address throttle of one does not touch another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String anAddress() {
        return "198.51.100." + ADDRESSES.getAndIncrement();
    }

    @Test
    void showsTheSignInFormOnTheHomePage() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"/login\"")));
    }

    @Test
    void answersAWrongPasswordWithOneGenericMessage() throws Exception {
        String username = newAccount("wrong-pw", Role.LIBRARIAN);
        String address = anAddress();
        mvc.perform(post("/login").param("username", username).param("password", "not-the-password").with(csrf())
                        .with(from(address)))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "nobody-here").param("password", "not-the-password")
                        .with(csrf()).with(from(address)))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "The user name or password is not correct.")));
    }

    @Test
    void throttlesAnAccountAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
        String username = newAccount("throttled", Role.LIBRARIAN);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", username).param("password", "guess-" + i).with(csrf())
                            .with(from(anAddress())))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").param("username", username).param("password", "a-long-secret-1").with(csrf())
                        .with(from(anAddress())))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/login?throttled"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Too many failed attempts")));
    }

    @Test
    void throttlesAClientAddressAfterTwentyFailures() throws Exception {
        String address = anAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/login").param("username", "someone-" + i).param("password", "guess").with(csrf())
                    .with(from(address)));
        }
        String username = newAccount("behind-busy-address", Role.TEACHER);
        mvc.perform(post("/login").param("username", username).param("password", "a-long-secret-1").with(csrf())
                        .with(from(address)))
                .andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void signsInAndRotatesTheSessionId() throws Exception {
        String username = newAccount("rotating", Role.LIBRARIAN);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).param("username", username)
                        .param("password", "a-long-secret-1").with(csrf()).with(from(anAddress())))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
        mvc.perform(get("/").session((MockHttpSession) result.getRequest().getSession()))
                .andExpect(redirectedUrl("/staff"));
    }

    @Test
    void refusesASignInFormWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "x").param("password", "y")).andExpect(status().isForbidden());
    }

    @Test
    void sendsTheSecurityHeadersOnEveryPage() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.startsWith("default-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void sendsAVisitorToTheSignInPageFromAStaffPage() throws Exception {
        mvc.perform(get("/staff")).andExpect(redirectedUrl("/login"));
    }
}
