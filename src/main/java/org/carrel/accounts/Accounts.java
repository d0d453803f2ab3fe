package org.carrel.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in accounts: creating and editing them, their roles and school scope, and passwords. Every change is
 * written to the {@link AuditLog}. Passwords are hashed with a {@code DelegatingPasswordEncoder}.
 */
@Service
public class Accounts {

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AccountView> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(long id) {
        return store.credentials(id).map(AccountStore.Credentials::account);
    }

    /** The account with this user name (any case, spaces around ignored); empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<AccountView> byUsername(String username) {
        return store.credentials(normalise(username)).map(AccountStore.Credentials::account);
    }

    @Transactional(readOnly = true)
    public long count() {
        return store.count();
    }

    /** Creates an account; the form must already be valid (bean validation), the password is checked here. */
    @Transactional
    public AccountResult create(AccountForm form, String actor) {
        String username = normalise(form.username());
        if (store.usernameTaken(username)) {
            return AccountResult.invalid("username", "accounts.username.taken");
        }
        Optional<PasswordRule> broken = PasswordRule.firstBrokenBy(username, form.password());
        if (broken.isPresent()) {
            return AccountResult.invalid("password", broken.get().messageKey());
        }
        long id = store.insert(username, form.displayName().strip(), passwords.encode(form.password()), form.role(),
                form.enabled() == null || form.enabled(), scope(form), now());
        audit.record(actor, "accounts.account.created", "account", id, username + " as " + form.role());
        return new AccountResult.Saved(id);
    }

    /** Edits role, name, scope and enabled flag; a non-blank password in the form replaces the current one. */
    @Transactional
    public AccountResult update(long id, AccountForm form, String actor) {
        AccountView current = find(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword) {
            Optional<PasswordRule> broken = PasswordRule.firstBrokenBy(current.username(), form.password());
            if (broken.isPresent()) {
                return AccountResult.invalid("password", broken.get().messageKey());
            }
        }
        long version = form.version() == null ? -1 : form.version();
        if (!store.update(id, version, form.displayName().strip(), form.role(), !Boolean.FALSE.equals(form.enabled()),
                scope(form))) {
            return AccountResult.invalid("", "form.staleVersion");
        }
        if (newPassword) {
            store.updatePassword(id, passwords.encode(form.password()), now());
        }
        audit.record(actor, "accounts.account.updated", "account", id,
                current.username() + ": role " + form.role() + (newPassword ? ", password reset" : ""));
        return new AccountResult.Saved(id);
    }

    /** A person changes their own password; the current one must be given. */
    @Transactional
    public AccountResult changePassword(long accountId, String currentPassword, String newPassword) {
        AccountStore.Credentials credentials = store.credentials(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        if (currentPassword == null || !passwords.matches(currentPassword, credentials.passwordHash())) {
            return AccountResult.invalid("currentPassword", "accounts.password.currentWrong");
        }
        Optional<PasswordRule> broken = PasswordRule.firstBrokenBy(credentials.account().username(), newPassword);
        if (broken.isPresent()) {
            return AccountResult.invalid("newPassword", broken.get().messageKey());
        }
        store.updatePassword(accountId, passwords.encode(newPassword), now());
        audit.record(credentials.account().username(), "accounts.password.changed", "account", accountId, null);
        return new AccountResult.Saved(accountId);
    }

    /** Creates a district admin, or resets the password of an existing one (the {@code create-admin} command). */
    @Transactional
    public AccountResult createOrResetAdmin(String username, String password, String actor) {
        String name = normalise(username);
        if (!name.matches("[a-z0-9._@-]{2,100}")) {
            return AccountResult.invalid("username", "accounts.username.invalid");
        }
        Optional<PasswordRule> broken = PasswordRule.firstBrokenBy(name, password);
        if (broken.isPresent()) {
            return AccountResult.invalid("password", broken.get().messageKey());
        }
        Optional<AccountStore.Credentials> existing = store.credentials(name);
        if (existing.isPresent()) {
            AccountView account = existing.get().account();
            store.update(account.id(), account.version(), account.displayName(), Role.DISTRICT_ADMIN, true, Set.of());
            store.updatePassword(account.id(), passwords.encode(password), now());
            audit.record(actor, "accounts.admin.reset", "account", account.id(), name);
            return new AccountResult.Saved(account.id());
        }
        long id = store.insert(name, name, passwords.encode(password), Role.DISTRICT_ADMIN, true, Set.of(), now());
        audit.record(actor, "accounts.admin.created", "account", id, name);
        return new AccountResult.Saved(id);
    }

    /** Loads the account for sign-in; empty when unknown. */
    Optional<AccountStore.Credentials> credentials(String username) {
        return store.credentials(normalise(username));
    }

    private static Set<Long> scope(AccountForm form) {
        return form.role() == Role.DISTRICT_ADMIN ? Set.of() : new LinkedHashSet<>(form.schoolIds());
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
