package org.carrel.accounts;

import java.io.Serial;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password, refusing while the name or the client address is throttled. Failures are
 * reported with one generic message whatever the cause, so the form does not reveal which user names exist.
 */
class SignInProvider implements AuthenticationProvider {

    /** Too many recent failures for this user name or address. */
    static final class Throttled extends AccountStatusException {
        @Serial
        private static final long serialVersionUID = 1L;

        Throttled() {
            super("too many failed sign-ins");
        }
    }

    /**
     * Compared against when the user name is unknown, so unknown and known names take the same time. Made at the
     * first sign-in rather than at start-up, where a bcrypt hash would only delay the first page.
     */
    private volatile String decoyHash;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    SignInProvider(Accounts accounts, PasswordEncoder passwords, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encode("decoy-password-for-timing");
        }
        return decoyHash;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = Accounts.normalise(attempt.getName());
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (throttle.refuses(username, address)) {
            throw new Throttled();
        }
        var credentials = accounts.credentials(username);
        boolean matches = passwords.matches(password, credentials.map(AccountStore.Credentials::passwordHash)
                .orElseGet(this::decoyHash));
        if (credentials.isEmpty() || !matches) {
            throttle.failed(username, address);
            audit.record(username.isEmpty() ? "anonymous" : username, "accounts.signin.failed", "account", null, null);
            throw new BadCredentialsException("bad credentials");
        }
        AccountView account = credentials.get().account();
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        throttle.succeeded(username);
        SignedInUser user = new SignedInUser(account.id(), account.username(), account.displayName(), account.role(),
                account.schoolIds());
        audit.record(user, "accounts.signin.succeeded", "account", account.id(), null);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
