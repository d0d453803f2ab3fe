package org.carrel.circulation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.CirculationEvents.HoldCancelled;
import org.carrel.circulation.CirculationEvents.HoldExpired;
import org.carrel.circulation.CirculationEvents.HoldPlaced;
import org.carrel.district.District;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.Patrons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds and reservations: placed by staff for a patron or by students and teachers in the catalogue, queued by
 * priority (teachers first when the district says so) then first come, filled at check-in ({@link HoldRouting}),
 * cancelled, suspended, expired. Also the lists staff work from: the hold shelf, copies to pull for waiting holds,
 * transits in and out.
 */
@Service
public class Holds {

    /** Priority of a teacher's hold when teachers come first. */
    static final int TEACHER_PRIORITY = 10;

    private final Patrons patrons;
    private final Copies copies;
    private final District district;
    private final HoldStore holds;
    private final LoanStore loans;
    private final RuleStore rules;
    private final TransitStore transits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CirculationTime time;

    Holds(Patrons patrons, Copies copies, District district, HoldStore holds, LoanStore loans, RuleStore rules,
          TransitStore transits, AuditLog audit, ApplicationEventPublisher events, CirculationTime time) {
        this.patrons = patrons;
        this.copies = copies;
        this.district = district;
        this.holds = holds;
        this.loans = loans;
        this.rules = rules;
        this.transits = transits;
        this.audit = audit;
        this.events = events;
        this.time = time;
    }

    @Transactional
    public HoldResult place(HoldRequest request) {
        Optional<Borrower> found = patrons.borrower(request.patronId());
        if (found.isEmpty()) {
            return new HoldResult.Refused(Refusal.UNKNOWN_PATRON);
        }
        if (district.school(request.pickupSchoolId()).isEmpty()) {
            return new HoldResult.Refused(Refusal.UNKNOWN_SCHOOL);
        }
        List<ItemView> all = copies.copiesOf(request.recordId());
        List<ItemView> candidates = all.stream().filter(i -> request.itemId() == null || i.id() == request.itemId())
                .toList();
        if (request.itemId() != null && candidates.isEmpty()) {
            return new HoldResult.Refused(Refusal.UNKNOWN_ITEM);
        }
        Borrower patron = found.get();
        LoanRule rule = null;
        for (ItemView copy : candidates) {
            if (!copy.status().inCollection()) {
                continue;
            }
            LoanRule r = LoanRuleBook.ruleFor(rules.forSchool(copy.schoolId()), copy.schoolId(), patron.type(),
                    patron.grade(), copy.itemType()).orElseThrow();
            if (r.forLoan() && (rule == null || r.holdsAllowed())) {
                rule = r;
            }
        }
        if (rule == null) {
            return new HoldResult.Refused(Refusal.NO_HOLDABLE_COPY);
        }
        if (holds.patronHolds(patron.id(), request.recordId())
                || loans.ofPatron(patron.id()).stream().anyMatch(l -> l.recordId() == request.recordId()
                        && (request.itemId() == null || l.itemId() == request.itemId()))) {
            return new HoldResult.Refused(Refusal.ALREADY_HELD);
        }
        List<Refusal> broken = new ArrayList<>();
        if (patron.status() != PatronStatus.ACTIVE) {
            broken.add(Refusal.PATRON_INACTIVE);
        }
        if (patron.blocked()) {
            broken.add(Refusal.PATRON_BLOCKED);
        }
        if (!rule.holdsAllowed()) {
            broken.add(Refusal.HOLDS_NOT_ALLOWED);
        }
        boolean overriding = request.overrideReason() != null && !request.overrideReason().isBlank();
        Optional<Refusal> refused = broken.stream().filter(r -> !r.overridable() || !overriding).findFirst();
        if (refused.isPresent()) {
            return new HoldResult.Refused(refused.get());
        }
        ZonedDateTime now = time.now();
        int priority = patron.type() == PatronType.TEACHER && rules.settings().teachersFirst() ? TEACHER_PRIORITY : 0;
        long id = holds.insert(new HoldStore.NewHold(patron.id(), request.recordId(), request.itemId(),
                request.pickupSchoolId(), priority, now.toOffsetDateTime(), actor(request.actor()),
                request.neededFrom(), request.neededUntil(), request.notNeededAfter()));
        if (!broken.isEmpty()) {
            audit.record(request.actor(), "circulation.override", "hold", id,
                    broken + " hold: " + request.overrideReason().strip());
        }
        events.publishEvent(new HoldPlaced(id, request.recordId(), patron.id(), request.pickupSchoolId()));
        HoldView placed = holds.find(id).orElseThrow();
        return new HoldResult.Placed(placed, position(placed));
    }

    /** A title's queue, in order (staff only: it names who waits). */
    @Transactional(readOnly = true)
    public List<HoldView> queue(long recordId) {
        return holds.ofRecord(recordId);
    }

    /** A patron's holds (the patron's own, or staff allowed to see the patron's loans). */
    @Transactional(readOnly = true)
    public List<HoldView> ofPatron(long patronId) {
        return holds.ofPatron(patronId);
    }

    @Transactional(readOnly = true)
    public Optional<HoldView> hold(long holdId) {
        return holds.find(holdId);
    }

    /** A patron's holds, for a staff member allowed to see them: audited. */
    @Transactional
    public List<HoldView> ofPatron(long patronId, String actor) {
        List<HoldView> found = holds.ofPatron(patronId);
        audit.record(actor, "circulation.holds.viewed", "patron", patronId, found.size() + " hold(s)");
        return found;
    }

    /** One hold, for a staff member allowed to see the patron's holds: audited. */
    @Transactional
    public Optional<HoldView> hold(long holdId, String actor) {
        Optional<HoldView> hold = holds.find(holdId);
        hold.ifPresent(h -> audit.record(actor, "circulation.hold.viewed", "patron", h.patronId(),
                "hold " + h.id()));
        return hold;
    }

    /** The hold's place among the waiting holds of its title (1 = next); 0 once a copy is set aside for it. */
    @Transactional(readOnly = true)
    public int position(HoldView hold) {
        return hold.waiting() ? positions(hold.patronId()).getOrDefault(hold.id(), 0) : 0;
    }

    /** {@link #position} of each of a patron's waiting holds, by hold id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> positions(long patronId) {
        return holds.places(patronId);
    }

    /**
     * Cancels a hold. A waiting hold is gone; one with a copy set aside becomes expired, so the copy shows on the
     * hold shelf list to be pulled and goes to the next hold when it is scanned in.
     */
    @Transactional
    public boolean cancel(long holdId, String actor) {
        Optional<HoldView> hold = holds.find(holdId);
        if (hold.isEmpty()) {
            return false;
        }
        boolean done = hold.get().waiting() ? holds.delete(holdId)
                : hold.get().status().equals("EXPIRED") || holds.expireTrapped(holdId);
        if (done) {
            audit.record(actor, "circulation.hold.cancelled", "hold", holdId, "record " + hold.get().recordId());
            events.publishEvent(new HoldCancelled(holdId, hold.get().patronId(), hold.get().recordId()));
        }
        return done;
    }

    /** Suspends a waiting hold until {@code until} (it keeps its place); {@code until} null resumes it. */
    @Transactional
    public boolean suspend(long holdId, LocalDate until) {
        return holds.suspend(holdId, until);
    }

    /** The hold shelf of a school: ready holds by pickup date, then expired ones whose copies are to be pulled. */
    @Transactional(readOnly = true)
    public List<HoldView> holdShelf(long schoolId) {
        return holds.shelf(schoolId);
    }

    /**
     * Copies on a school's shelves that waiting holds want (the pull list): per waiting hold, the first available
     * copy of this school that could fill it. Scanning it in at the desk sets it aside.
     */
    @Transactional(readOnly = true)
    public Map<HoldView, ItemView> pullList(long schoolId) {
        boolean interSchool = rules.settings().interSchoolHolds();
        Map<HoldView, ItemView> pull = new LinkedHashMap<>();
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (HoldView hold : holds.waiting(time.now().toLocalDate(), 2_000)) {
            if (!interSchool && hold.pickupSchoolId() != schoolId) {
                continue;
            }
            copies.copiesOf(hold.recordId()).stream()
                    .filter(i -> i.schoolId() == schoolId && i.status() == ItemStatus.AVAILABLE)
                    .filter(i -> hold.itemId() == null || hold.itemId() == i.id())
                    .filter(i -> !taken.contains(i.id()))
                    .findFirst().ifPresent(i -> {
                        taken.add(i.id());
                        pull.put(hold, i);
                    });
        }
        return pull;
    }

    /** Copies on their way to a school. */
    @Transactional(readOnly = true)
    public List<TransitView> incoming(long schoolId) {
        return transits.to(schoolId);
    }

    /** Copies sent from a school, not yet received. */
    @Transactional(readOnly = true)
    public List<TransitView> outgoing(long schoolId) {
        return transits.from(schoolId);
    }

    /**
     * The daily work on holds as of {@code today}: ready holds not picked up by their day expire (their copies are
     * to be pulled); waiting holds past their last day are dropped. Returns how many of each, in that order.
     */
    @Transactional
    public int[] expire(LocalDate today) {
        int expired = 0;
        for (HoldView hold : holds.readyPast(today)) {
            if (holds.expireTrapped(hold.id())) {
                events.publishEvent(new HoldExpired(hold.id(), hold.patronId(), hold.recordId()));
                expired++;
            }
        }
        int dropped = 0;
        for (HoldView hold : holds.waitingPast(today)) {
            if (holds.delete(hold.id())) {
                dropped++;
            }
        }
        return new int[] {expired, dropped};
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.length() > 120 ? actor.substring(0, 120) : actor;
    }
}
