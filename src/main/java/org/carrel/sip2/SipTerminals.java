package org.carrel.sip2;

import java.net.InetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIP2 terminal accounts: created by staff or {@code create-sip-terminal}, checked when a kiosk logs in (93). They
 * live in their own table, so they cannot sign in to the web pages, and a web account cannot log in over SIP2.
 */
@Service
public class SipTerminals {

    /**
     * The outcome of creating a terminal: its id, or what was wrong with the input: the form field, a message key
     * ({@code sip2.terminal.*}) and its arguments.
     */
    public record Created(Long id, String field, String problem, List<Object> args) {

        static Created refused(String field, String problem, Object... args) {
            return new Created(null, field, problem, List.of(args));
        }
    }

    /** Published when the first terminal exists, so a running server starts listening. */
    record TerminalCreated(long id) {
    }

    static final int MIN_PASSWORD = 8;

    private final SipTerminalStore store;
    private final District district;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SipTerminals(SipTerminalStore store, District district, PasswordEncoder passwords, AuditLog audit,
                 ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.district = district;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a terminal for the school with code {@code schoolCode}, allowed from {@code allowFrom} (CIDR blocks
     * separated by commas; blank: anywhere). Logins and passwords travel in SIP2 fields, so neither may hold a
     * {@code |} or a control character.
     */
    @Transactional
    public Created create(String login, String password, String schoolCode, String allowFrom, String actor) {
        String name = login == null ? "" : login.strip();
        if (name.isEmpty() || name.length() > 100 || !SipAnswer.clean(name).equals(name)) {
            return Created.refused("login", "sip2.terminal.login.invalid");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 100
                || !SipAnswer.clean(password).equals(password)) {
            return Created.refused("password", "sip2.terminal.password.invalid", MIN_PASSWORD);
        }
        Optional<SchoolView> school = district.school(schoolCode == null ? "" : schoolCode.strip());
        if (school.isEmpty()) {
            return Created.refused("school", "sip2.terminal.school.unknown", String.valueOf(schoolCode));
        }
        AddressRanges ranges;
        try {
            ranges = AddressRanges.parse(allowFrom);
        } catch (IllegalArgumentException e) {
            return Created.refused("allowFrom", "sip2.terminal.allow.invalid", e.getMessage());
        }
        if (store.exists(name)) {
            return Created.refused("login", "sip2.terminal.login.taken", name);
        }
        long id = store.insert(name, passwords.encode(password), school.get().id(),
                ranges.blocks().isEmpty() ? null : ranges.text(), OffsetDateTime.now(clock), actor);
        audit.record(actor, "sip2.terminal.created", "sip_terminal", id, name + " at " + school.get().code()
                + (ranges.blocks().isEmpty() ? "" : " from " + ranges.text()));
        events.publishEvent(new TerminalCreated(id));
        return new Created(id, null, null, List.of());
    }

    /**
     * The terminal this login and password open from {@code from}; empty for a wrong login, password or address.
     * Not in a transaction: the password hash is checked (bcrypt, tens of milliseconds) without holding a connection.
     */
    public Optional<SipTerminal> logIn(String login, String password, InetAddress from) {
        Optional<SipTerminalStore.Stored> found = store.byLogin(login == null ? "" : login.strip());
        if (found.isEmpty() || password == null || !passwords.matches(password, found.get().passwordHash())) {
            return Optional.empty();
        }
        SipTerminal terminal = found.get().terminal();
        boolean allowed = terminal.allowFrom().blocks().isEmpty() || terminal.allowFrom().allows(from);
        return allowed ? Optional.of(terminal) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<SipTerminal> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return store.count() > 0;
    }

    @Transactional
    public boolean delete(long id, String actor) {
        boolean deleted = store.delete(id);
        if (deleted) {
            audit.record(actor, "sip2.terminal.deleted", "sip_terminal", id, null);
        }
        return deleted;
    }
}
