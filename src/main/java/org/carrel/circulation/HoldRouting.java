package org.carrel.circulation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.CirculationEvents.HoldBecameReady;
import org.carrel.circulation.CirculationEvents.ItemSentInTransit;
import org.carrel.district.District;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where a copy goes when it is scanned in at a school: to the end of its transit, to the next hold in the queue
 * (this school's hold shelf, or a transit to the pickup school), home to its own school, or onto the shelf.
 *
 * <p>Safe under concurrent check-ins: the copy's row is locked by the caller, so one copy is routed at a time; a
 * hold is taken by a conditional update ({@link HoldStore#trap}) that only a waiting hold passes, so two copies
 * checked in at once never fill one hold (the second moves on to the next hold); and the schema allows one hold
 * per copy.
 */
@Component
class HoldRouting {

    /** Where the copy goes, with the hold it is for (if any). */
    record Route(Routing routing, Long destinationSchoolId, PatronSummary holdFor, Long holdId, LocalDate pickupBy) {
    }

    private final Patrons patrons;
    private final Copies copies;
    private final District district;
    private final RuleStore rules;
    private final HoldStore holds;
    private final TransitStore transits;
    private final ApplicationEventPublisher events;

    HoldRouting(Patrons patrons, Copies copies, District district, RuleStore rules, HoldStore holds,
                TransitStore transits, ApplicationEventPublisher events) {
        this.patrons = patrons;
        this.copies = copies;
        this.district = district;
        this.rules = rules;
        this.holds = holds;
        this.transits = transits;
        this.events = events;
    }

    /** Call with the copy's row locked, after any loan on it ended. */
    Route route(ItemView item, long schoolId, ZonedDateTime now) {
        Optional<TransitView> transit = transits.byItem(item.id());
        if (transit.isPresent()) {
            TransitView t = transit.get();
            if (t.toSchoolId() != schoolId) {
                return new Route(Routing.TRANSIT, t.toSchoolId(), holdFor(t.holdId()), t.holdId(), null);
            }
            transits.delete(t.id());
        }
        Optional<HoldView> trapped = holds.byTrappedItem(item.id());
        if (trapped.isPresent()) {
            HoldView hold = trapped.get();
            if (hold.pickupSchoolId() == schoolId && hold.ready()) {
                return new Route(Routing.HOLD_SHELF, null, holdFor(hold.id()), hold.id(), hold.pickupBy());
            }
            if (hold.pickupSchoolId() == schoolId && "IN_TRANSIT".equals(hold.status())) {
                LocalDate pickupBy = pickupBy(schoolId, now.toLocalDate());
                holds.arrived(hold.id(), now.toOffsetDateTime(), pickupBy);
                return onHoldShelf(item, hold, pickupBy);
            }
            if ("IN_TRANSIT".equals(hold.status())) {
                return toPickup(item, schoolId, hold, now);
            }
            // Expired, cancelled, or ready at another school yet scanned here: the copy is free for the queue.
            holds.delete(hold.id());
        }
        if (Returns.backInCirculation(item.status())) {
            Optional<Route> held = trapNext(item, schoolId, now);
            if (held.isPresent()) {
                return held.get();
            }
        }
        if (item.schoolId() == schoolId) {
            if (Returns.backInCirculation(item.status()) && item.status() != ItemStatus.AVAILABLE) {
                copies.circulated(item, ItemStatus.AVAILABLE, null);
            }
            return new Route(Routing.SHELF, null, null, null, null);
        }
        transits.insert(item.id(), schoolId, item.schoolId(), null, now.toOffsetDateTime());
        copies.circulated(item, ItemStatus.IN_TRANSIT, null);
        events.publishEvent(new ItemSentInTransit(item.id(), schoolId, item.schoolId(), null));
        return new Route(Routing.TRANSIT, item.schoolId(), null, null, null);
    }

    /** Takes the first waiting hold this copy can fill, in queue order; a hold taken meanwhile is skipped. */
    private Optional<Route> trapNext(ItemView item, long schoolId, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        List<HoldView> fillable = holds.fillableBy(item.id(), item.recordId(), today, today);
        // Most copies come back to no hold: the settings are read only when one waits.
        boolean interSchool = fillable.isEmpty() || rules.settings().interSchoolHolds();
        for (HoldView hold : fillable) {
            if (!interSchool && hold.pickupSchoolId() != item.schoolId()) {
                continue;
            }
            if (hold.pickupSchoolId() == schoolId) {
                LocalDate pickupBy = pickupBy(schoolId, today);
                if (holds.trap(hold.id(), item.id(), "READY", now.toOffsetDateTime(), pickupBy)) {
                    return Optional.of(onHoldShelf(item, hold, pickupBy));
                }
            } else if (holds.trap(hold.id(), item.id(), "IN_TRANSIT", null, null)) {
                return Optional.of(toPickup(item, schoolId, hold, now));
            }
        }
        return Optional.empty();
    }

    private Route onHoldShelf(ItemView item, HoldView hold, LocalDate pickupBy) {
        copies.circulated(item, ItemStatus.ON_HOLD_SHELF, null);
        events.publishEvent(new HoldBecameReady(hold.id(), hold.patronId(), item.id(), hold.pickupSchoolId(),
                pickupBy));
        return new Route(Routing.HOLD_SHELF, null, holdFor(hold.id()), hold.id(), pickupBy);
    }

    private Route toPickup(ItemView item, long schoolId, HoldView hold, ZonedDateTime now) {
        transits.insert(item.id(), schoolId, hold.pickupSchoolId(), hold.id(), now.toOffsetDateTime());
        copies.circulated(item, ItemStatus.IN_TRANSIT, null);
        events.publishEvent(new ItemSentInTransit(item.id(), schoolId, hold.pickupSchoolId(), hold.id()));
        return new Route(Routing.TRANSIT, hold.pickupSchoolId(), holdFor(hold.id()), hold.id(), null);
    }

    /** The last day a copy waits on the hold shelf: the setting's number of open days after today. */
    LocalDate pickupBy(long schoolId, LocalDate today) {
        return DueDates.openDaysAfter(district.schoolCalendar(schoolId, today), today,
                rules.settings().holdShelfDays());
    }

    private PatronSummary holdFor(Long holdId) {
        if (holdId == null) {
            return null;
        }
        return holds.find(holdId).flatMap(h -> patrons.summary(h.patronId())).orElse(null);
    }
}
