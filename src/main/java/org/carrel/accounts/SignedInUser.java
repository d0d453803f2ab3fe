package org.carrel.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is acting: a person signed in with an account, or a script with an API token. Controllers take it with
 * {@code @AuthenticationPrincipal SignedInUser user}.
 *
 * @param accountId the account, or null for an API token
 * @param username  the account's user name, or {@code token:NAME}
 * @param schoolIds the schools a staff member is scoped to (ignored for a district admin, who acts in all)
 */
public record SignedInUser(Long accountId, String username, String displayName, Role role, Set<Long> schoolIds)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public SignedInUser {
        schoolIds = Set.copyOf(schoolIds);
    }

    public boolean has(Permission permission) {
        return role.grants(permission);
    }

    /** Whether this person may act for the given school (a district admin may act for every school). */
    public boolean actsFor(long schoolId) {
        return role == Role.DISTRICT_ADMIN || schoolIds.contains(schoolId);
    }

    public boolean isApiToken() {
        return accountId == null;
    }

    /** Spring Security authorities: one per permission, plus {@code ROLE_<role>}. */
    public Collection<GrantedAuthority> authorities() {
        return Stream.concat(role.permissions().stream().map(Permission::name), Stream.of("ROLE_" + role.name()))
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }
}
