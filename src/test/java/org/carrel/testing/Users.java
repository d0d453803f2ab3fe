package org.carrel.testing;

import java.util.Set;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Signed-in people for MockMvc requests: {@code .with(Users.as(Role.LIBRARIAN, schoolId))}. */
public final class Users {

    private Users() {
    }

    public static SignedInUser user(Role role, Long... schoolIds) {
        return new SignedInUser(1000L + role.ordinal(), role.name().toLowerCase(), "Test " + role, role,
                Set.of(schoolIds));
    }

    public static RequestPostProcessor as(Role role, Long... schoolIds) {
        return as(user(role, schoolIds));
    }

    public static RequestPostProcessor as(SignedInUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    }
}
