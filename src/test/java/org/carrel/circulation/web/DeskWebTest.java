package org.carrel.circulation.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.district.District;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the desk tests share: the application on H2 with circulation fixtures, staff members of one school with user
 * names of their own (so audit entries can be told apart), and scans sent the way the page sends them.
 */
@CarrelTest
@Import(CirculationFixtures.class)
abstract class DeskWebTest {

    private static final AtomicLong NEXT_ACCOUNT = new AtomicLong(9000);

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    AuditLog audit;
    @Autowired
    District district;

    /** A staff member of these schools, with a user name no other test uses. */
    static SignedInUser staff(Role role, Long... schoolIds) {
        long id = NEXT_ACCOUNT.incrementAndGet();
        return new SignedInUser(id, role.name().toLowerCase() + "-desk-" + id, "Desk " + role, role,
                Set.of(schoolIds));
    }

    /** A scan as htmx sends it: the fragment for the live region. */
    MockHttpServletResponse scan(SignedInUser user, MockHttpSession session, String mode, String barcode)
            throws Exception {
        return send(post("/staff/circulation/desk/scan").param("mode", mode).param("barcode", barcode)
                .header("HX-Request", "true"), user, session);
    }

    /** A scan as a browser without JavaScript sends it: the whole page comes back. */
    MockHttpServletResponse scanWithoutScript(SignedInUser user, MockHttpSession session, String mode, String barcode)
            throws Exception {
        return send(post("/staff/circulation/desk/scan").param("mode", mode).param("barcode", barcode), user,
                session);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser user, MockHttpSession session)
            throws Exception {
        return mvc.perform(request.with(csrf()).with(Users.as(user)).session(session)).andReturn().getResponse();
    }

    String schoolName(String code) {
        return district.school(code).orElseThrow().name();
    }

    List<AuditEntry> audited(SignedInUser user, String action) {
        return audit.newest(user.username(), 200).stream().filter(e -> e.action().equals(action)
                && e.actor().equals(user.username())).toList();
    }
}
