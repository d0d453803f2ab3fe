package org.carrel.circulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.circulation.CirculationEvents.ChargeAdded;
import org.carrel.patrons.Patrons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What patrons owe: overdue fines and lost copies (added by circulation), damaged copies and other charges (added
 * by staff), payments, waivers and bulk forgiveness. A charge keeps its patron until it is settled, then loses it
 * (DESIGN "Privacy and security"); its payments and waivers stay, with who took them and why. Every act is audited.
 */
@Service
public class Charges {

    /** The outcome of a change to charges: done, or the message key of why not. */
    public record Outcome(boolean done, String problem, Long chargeId) {
        static Outcome ok(Long id) {
            return new Outcome(true, null, id);
        }

        static Outcome refused(String problem) {
            return new Outcome(false, problem, null);
        }
    }

    /** What a group of patrons owes: how many of them owe anything, on how many charges, and the total. */
    public record Owing(int patrons, int charges, BigDecimal total) {
    }

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

    private final ChargeStore charges;
    private final Patrons patrons;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CirculationTime time;

    Charges(ChargeStore charges, Patrons patrons, AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events, CirculationTime time) {
        this.charges = charges;
        this.patrons = patrons;
        this.audit = audit;
        this.events = events;
        this.time = time;
    }

    /** A patron's unsettled charges, oldest first, for staff allowed to see the patron's loans: audited. */
    @Transactional
    public List<ChargeView> unsettled(long patronId, String actor) {
        List<ChargeView> open = charges.unsettled(patronId);
        audit.record(actor, "circulation.charges.viewed", "patron", patronId, open.size() + " unsettled charge(s)");
        return open;
    }

    /** The signed-in patron's own unsettled charges (no audit entry). */
    @Transactional(readOnly = true)
    public List<ChargeView> ownCharges(long patronId) {
        return charges.unsettled(patronId);
    }

    /** What each patron owes in all (patrons who owe nothing are left out). */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> owed(Collection<Long> patronIds) {
        return charges.owed(patronIds);
    }

    /** What these patrons owe together (a bulk forgiveness's preview): counts and a total, no names. */
    @Transactional(readOnly = true)
    public Owing owing(Collection<Long> patronIds) {
        return charges.owing(patronIds);
    }

    @Transactional(readOnly = true)
    public Optional<ChargeView> charge(long chargeId) {
        return charges.find(chargeId);
    }

    /** Adds a charge for a damaged copy ({@code DAMAGED}) or anything else ({@code OTHER}). */
    @Transactional
    public Outcome add(long patronId, long schoolId, Long itemId, String kind, BigDecimal amount, String description,
                       String actor) {
        if (!kind.equals("DAMAGED") && !kind.equals("OTHER")) {
            return Outcome.refused("circulation.charge.kind.invalid");
        }
        Optional<String> bad = badAmount(amount);
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        String what = description == null ? "" : description.strip();
        if (what.isEmpty() || what.length() > 500) {
            return Outcome.refused(what.isEmpty() ? "circulation.charge.description.required" : "form.tooLong");
        }
        if (patrons.summary(patronId).isEmpty()) {
            return Outcome.refused("circulation.refusal.UNKNOWN_PATRON");
        }
        BigDecimal money = amount.setScale(2, RoundingMode.HALF_UP);
        long id = charges.insert(patronId, schoolId, itemId, kind, money, what, actor, time.now().toOffsetDateTime());
        audit.record(actor, "circulation.charge.added", "patron", patronId, kind + " " + money + ": " + what);
        events.publishEvent(new ChargeAdded(id, patronId, kind, money));
        return Outcome.ok(id);
    }

    /** Takes a payment of up to what is owed on a charge at {@code version}. */
    @Transactional
    public Outcome pay(long chargeId, long version, BigDecimal amount, String actor) {
        return settle(chargeId, version, "PAYMENT", amount, null, actor);
    }

    /** Waives part or all of what is owed on a charge at {@code version}, with a reason. */
    @Transactional
    public Outcome waive(long chargeId, long version, BigDecimal amount, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return Outcome.refused("circulation.charge.reason.required");
        }
        return settle(chargeId, version, "WAIVER", amount, reason.strip(), actor);
    }

    /**
     * Forgives everything these patrons owe (a grade, a graduating class), with one reason; returns how many charges
     * were waived.
     */
    @Transactional
    public int forgive(Collection<Long> patronIds, String reason, String actor) {
        int waived = 0;
        for (Long patronId : patronIds) {
            for (ChargeView charge : charges.unsettled(patronId)) {
                if (charges.settle(charge, "WAIVER", charge.owed(), reason, actor, time.now().toOffsetDateTime())) {
                    waived++;
                }
            }
        }
        if (waived > 0) {
            audit.record(actor, "circulation.charges.forgiven", "charge", null,
                    waived + " charge(s) of " + patronIds.size() + " patron(s): " + reason);
        }
        return waived;
    }

    private Outcome settle(long chargeId, long version, String kind, BigDecimal amount, String reason, String actor) {
        Optional<ChargeView> charge = charges.find(chargeId);
        if (charge.isEmpty() || charge.get().settled()) {
            return Outcome.refused("circulation.charge.notFound");
        }
        Optional<String> bad = badAmount(amount);
        if (bad.isPresent()) {
            return Outcome.refused(bad.get());
        }
        BigDecimal money = amount.setScale(2, RoundingMode.HALF_UP);
        if (money.compareTo(charge.get().owed()) > 0) {
            return Outcome.refused("circulation.charge.amount.tooMuch");
        }
        if (charge.get().version() != version) {
            return Outcome.refused("form.staleVersion");
        }
        if (!charges.settle(charge.get(), kind, money, reason, actor, time.now().toOffsetDateTime())) {
            return Outcome.refused("form.staleVersion");
        }
        audit.record(actor, "circulation.charge." + kind.toLowerCase(java.util.Locale.ROOT), "charge", chargeId,
                money + (reason == null ? "" : ": " + reason));
        return Outcome.ok(chargeId);
    }

    private static Optional<String> badAmount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return Optional.of("circulation.charge.amount.positive");
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("circulation.charge.amount.invalid");
        }
        return Optional.empty();
    }
}
