package org.carrel.patrons;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patron PINs: what a self-check station asks for beside the card. Set by staff who may edit the patron (4 to 12
 * digits, stored as a hash in {@code patron_pin}, never shown or logged), checked by the SIP2 server.
 */
@Service
public class PatronPins {

    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 12;

    private final PinStore store;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    PatronPins(PinStore store, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets (or replaces) the patron's PIN; refused unless it is 4 to 12 digits. */
    @Transactional
    public PatronsResult set(long patronId, String pin, String actor) {
        if (pin == null || !pin.matches("\\d{" + MIN_DIGITS + "," + MAX_DIGITS + "}")) {
            return PatronsResult.invalid("pin", "patrons.pin.invalid");
        }
        store.put(patronId, encoder.encode(pin), OffsetDateTime.now(clock), actor);
        audit.record(actor, "patrons.pin.set", "patron", patronId, null);
        return new PatronsResult.Saved(patronId);
    }

    /** Removes the patron's PIN; false when there was none. */
    @Transactional
    public boolean clear(long patronId, String actor) {
        boolean cleared = store.delete(patronId);
        if (cleared) {
            audit.record(actor, "patrons.pin.cleared", "patron", patronId, null);
        }
        return cleared;
    }

    @Transactional(readOnly = true)
    public boolean has(long patronId) {
        return store.hash(patronId).isPresent();
    }

    /**
     * Whether {@code pin} is the patron's PIN; empty when the patron has none. Not in a transaction: the hash is
     * compared (tens of milliseconds) without holding a database connection.
     */
    public Optional<Boolean> matches(long patronId, String pin) {
        return store.hash(patronId).map(hash -> pin != null && encoder.matches(pin, hash));
    }
}
