package org.carrel.circulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.CirculationEvents.ChargeAdded;
import org.carrel.circulation.CirculationEvents.ItemReturned;
import org.carrel.district.District;
import org.carrel.district.SchoolCalendar;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.Patrons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Check-in: ends the loan (anonymously, unless the patron keeps a reading history), charges an overdue fine where
 * the rule has one, receives copies in transit, and routes the copy to the next hold ({@link HoldRouting}), home,
 * or the shelf. The copy's row is locked first, as in {@link Lending}.
 */
@Component
class Returns {

    private final Patrons patrons;
    private final Copies copies;
    private final District district;
    private final LoanStore loans;
    private final ChargeStore charges;
    private final TransitStore transits;
    private final StatisticStore statistics;
    private final HoldRouting routing;
    private final ApplicationEventPublisher events;
    private final CirculationTime time;

    Returns(Patrons patrons, Copies copies, District district, LoanStore loans, ChargeStore charges,
            TransitStore transits, StatisticStore statistics, HoldRouting routing, ApplicationEventPublisher events,
            CirculationTime time) {
        this.patrons = patrons;
        this.copies = copies;
        this.district = district;
        this.loans = loans;
        this.charges = charges;
        this.transits = transits;
        this.statistics = statistics;
        this.routing = routing;
        this.events = events;
        this.time = time;
    }

    /** Call inside a transaction. {@code deskSchoolId} null: the copy's own school. */
    CheckinResult checkin(String itemBarcode, Long deskSchoolId, String actor) {
        String barcode = itemBarcode == null ? "" : itemBarcode.strip();
        Optional<ItemView> locked = copies.lockForCirculation(barcode);
        if (locked.isEmpty()) {
            return new CheckinResult.UnknownItem(barcode);
        }
        ItemView item = locked.get();
        long schoolId = deskSchoolId != null ? deskSchoolId : item.schoolId();
        ZonedDateTime now = time.now();
        Optional<LoanView> open = loans.byItem(item.id());
        Ended ended = open.map(loan -> end(loan, item, now, actor)).orElse(Ended.NONE);
        HoldRouting.Route route = routing.route(item, schoolId, now);
        return new CheckinResult.CheckedIn(item, open.orElse(null), ended.borrower == null ? null
                : ended.borrower.summary(), ended.overdueDays, ended.fine, ended.wasLost, route.routing(),
                route.destinationSchoolId(), route.holdFor(), route.holdId(), route.pickupBy());
    }

    private record Ended(Borrower borrower, int overdueDays, BigDecimal fine, boolean wasLost) {
        static final Ended NONE = new Ended(null, 0, null, false);
    }

    private Ended end(LoanView loan, ItemView item, ZonedDateTime now, String actor) {
        LoanStore.ReturnTerms terms = loans.terms(loan.id());
        Borrower patron = patrons.borrower(loan.patronId()).orElseThrow();
        LocalDate today = now.toLocalDate();
        boolean late = now.toOffsetDateTime().isAfter(loan.dueAt());
        int days = late && !loan.lost() && !loan.claimedReturned()
                ? openDaysLate(district.schoolCalendar(loan.schoolId(), loan.dueOn()), loan.dueOn(), today) : 0;
        BigDecimal fine = fine(terms, days);
        if (fine != null) {
            long id = charges.insert(patron.id(), loan.schoolId(), item.id(), "OVERDUE", fine,
                    "Overdue " + days + " day(s): " + loan.title(), actor, now.toOffsetDateTime());
            events.publishEvent(new ChargeAdded(id, patron.id(), "OVERDUE", fine));
        }
        if (loan.lost()) {
            // The copy is back: what is still owed for replacing it is waived.
            charges.unsettledFor(patron.id(), item.id(), "LOST").ifPresent(charge -> charges.settle(charge, "WAIVER",
                    charge.owed(), "Lost copy returned", actor, now.toOffsetDateTime()));
        }
        statistics.loanReturned(loan.schoolId(), patron.type(), patron.grade() == null ? null
                        : patron.grade().value(), item.id(), item.recordId(), terms.itemType(),
                loan.checkedOutAt().atZoneSameInstant(now.getZone()).toLocalDate(), loan.dueOn(), today,
                loan.renewals(), loan.classSet());
        if (patron.keepHistory()) {
            statistics.remember(patron.id(), item.recordId(), loan.title(),
                    loan.checkedOutAt().atZoneSameInstant(now.getZone()).toLocalDate(), today);
        }
        loans.delete(loan.id());
        events.publishEvent(new ItemReturned(item.id(), item.recordId(), loan.schoolId(), today, late));
        return new Ended(patron, days, fine, loan.lost());
    }

    /** Open days after the due day up to and including today (a loan due on Friday returned Monday: 1 day). */
    static int openDaysLate(SchoolCalendar calendar, LocalDate dueOn, LocalDate today) {
        int days = 0;
        for (LocalDate d = dueOn.plusDays(1); !d.isAfter(today) && days < 10_000; d = d.plusDays(1)) {
            if (!calendar.isClosed(d)) {
                days++;
            }
        }
        return days;
    }

    /** The rule's daily fine times the open days late, up to its cap; null when fine-free or nothing is due. */
    static BigDecimal fine(LoanStore.ReturnTerms terms, int days) {
        if (terms.dailyFine() == null || days <= 0) {
            return null;
        }
        BigDecimal fine = terms.dailyFine().multiply(BigDecimal.valueOf(days));
        if (terms.fineCap() != null && fine.compareTo(terms.fineCap()) > 0) {
            fine = terms.fineCap();
        }
        return fine.setScale(2, RoundingMode.HALF_UP);
    }

    /** Statuses a returned or found copy leaves for the shelf; damaged, in repair and withdrawn copies keep theirs. */
    static boolean backInCirculation(ItemStatus status) {
        return status == ItemStatus.CHECKED_OUT || status == ItemStatus.IN_TRANSIT
                || status == ItemStatus.ON_HOLD_SHELF || status == ItemStatus.LOST || status == ItemStatus.MISSING
                || status == ItemStatus.AVAILABLE;
    }
}
