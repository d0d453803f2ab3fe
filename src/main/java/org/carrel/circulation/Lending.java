package org.carrel.circulation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.CirculationEvents.ItemCheckedOut;
import org.carrel.circulation.CirculationEvents.LoanRenewed;
import org.carrel.district.District;
import org.carrel.district.SchoolCalendar;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.Patrons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checkout and renewal. Every act starts by locking the copy's row ({@link Copies#lockForCirculation}), so two desks
 * scanning one copy at once are served one after the other: the second sees the first's loan and is refused
 * cleanly. The unique loan per copy in the schema is the last guard. A checkout then locks the patron's row just
 * before counting their loans ({@link Patrons#lockBorrower}), so two desks lending to one patron at once cannot both
 * pass the loan limit.
 */
@Component
class Lending {

    private final Patrons patrons;
    private final Copies copies;
    private final District district;
    private final RuleStore rules;
    private final LoanStore loans;
    private final HoldStore holds;
    private final TransitStore transits;
    private final StatisticStore statistics;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CirculationTime time;

    Lending(Patrons patrons, Copies copies, District district, RuleStore rules, LoanStore loans, HoldStore holds,
            TransitStore transits, StatisticStore statistics, AuditLog audit, ApplicationEventPublisher events,
            CirculationTime time) {
        this.patrons = patrons;
        this.copies = copies;
        this.district = district;
        this.rules = rules;
        this.loans = loans;
        this.holds = holds;
        this.transits = transits;
        this.statistics = statistics;
        this.audit = audit;
        this.events = events;
        this.time = time;
    }

    /** Call inside a transaction. {@code classSet}: a teacher's class set, not counted against the limit. */
    CheckoutResult checkout(CheckoutRequest request, boolean classSet) {
        Optional<Borrower> found = patrons.borrower(text(request.patronBarcode()));
        if (found.isEmpty()) {
            return new CheckoutResult.Refused(Refusal.UNKNOWN_PATRON, text(request.patronBarcode()));
        }
        Optional<ItemView> locked = copies.lockForCirculation(text(request.itemBarcode()));
        if (locked.isEmpty()) {
            return new CheckoutResult.Refused(Refusal.UNKNOWN_ITEM, text(request.itemBarcode()));
        }
        Borrower patron = found.get();
        ItemView item = locked.get();
        Optional<LoanView> open = loans.byItem(item.id());
        if (open.isPresent()) {
            return new CheckoutResult.Refused(open.get().patronId() == patron.id() ? Refusal.ALREADY_OUT_TO_PATRON
                    : Refusal.CHECKED_OUT_TO_OTHER, item.barcode());
        }
        long schoolId = request.deskSchoolId() != null ? request.deskSchoolId() : item.schoolId();
        ZonedDateTime now = time.now();
        LoanRule rule = ruleFor(schoolId, patron, item);
        Optional<HoldView> trapped = holds.byTrappedItem(item.id());
        List<Refusal> broken = new ArrayList<>();
        String detail = null;
        if (patron.status() != PatronStatus.ACTIVE) {
            broken.add(Refusal.PATRON_INACTIVE);
        }
        if (patron.blocked()) {
            broken.add(Refusal.PATRON_BLOCKED);
        }
        if (!rule.forLoan()) {
            broken.add(Refusal.NOT_FOR_LOAN);
        }
        if (trapped.isPresent() && trapped.get().patronId() != patron.id()) {
            broken.add(Refusal.ON_HOLD_FOR_OTHER);
        } else if (trapped.isEmpty() && item.status() != ItemStatus.AVAILABLE) {
            broken.add(Refusal.ITEM_NOT_AVAILABLE);
        }
        if (!classSet && rule.forLoan() && atLimit(patron.id(), rule)) {
            broken.add(Refusal.LOAN_LIMIT_REACHED);
            detail = Integer.toString(rule.maxLoans());
        }
        SchoolCalendar calendar = district.schoolCalendar(schoolId, now.toLocalDate());
        Optional<Due> due = DueDates.due(rule.period(), calendar, now);
        if (due.isEmpty()) {
            broken.add(Refusal.DUE_DATE_PASSED);
        }
        Optional<Refusal> refused = broken.stream().filter(r -> !r.overridable() || !request.overriding())
                .findFirst();
        if (refused.isPresent()) {
            return new CheckoutResult.Refused(refused.get(), refused.get() == Refusal.LOAN_LIMIT_REACHED ? detail
                    : null);
        }
        LoanStore.NewLoan newLoan = new LoanStore.NewLoan(item.id(), patron.id(), schoolId, item.recordId(),
                item.itemType(), item.barcode(), title(item), item.callNumber(), rule.id(), now.toOffsetDateTime(),
                due.get(), rule.maxRenewals(), rule.dailyFine(), rule.fineCap(), classSet);
        long loanId = loans.insert(newLoan);
        copies.circulated(item, ItemStatus.CHECKED_OUT, null);
        fillHold(patron, item, trapped);
        transits.byItem(item.id()).ifPresent(t -> transits.delete(t.id()));
        if (patron.type() == PatronType.STUDENT) {
            statistics.countLoan(patron.id(), periodStart(calendar, now.toLocalDate()));
        }
        if (!broken.isEmpty()) {
            // Against the loan, not the patron and copy: the entry outlives the loan and must not keep who read what.
            audit.record(request.actor(), "circulation.override", "loan", loanId,
                    broken + " checkout: " + request.overrideReason().strip());
        }
        events.publishEvent(new ItemCheckedOut(loanId, item.id(), item.recordId(), patron.id(), schoolId,
                due.get().day()));
        return new CheckoutResult.CheckedOut(newLoan.opened(loanId), patron.summary(), broken);
    }

    /**
     * Locks the patron's row until the transaction ends, then counts their loans: two desks lending to one patron at
     * once count one after the other. Taken last (after the copy, which every act locks first) and held only from
     * here to the commit, as desks lending a class's worth of copies to one teacher queue on it.
     */
    private boolean atLimit(long patronId, LoanRule rule) {
        patrons.lockBorrower(patronId);
        return loans.counted(patronId, rule.itemType()) >= rule.maxLoans();
    }

    /** Renews the loan of the copy with this barcode, from now, by the rule that applies now. */
    RenewalResult renew(String itemBarcode, String actor, String overrideReason) {
        Optional<ItemView> locked = copies.lockForCirculation(text(itemBarcode));
        if (locked.isEmpty()) {
            return new RenewalResult.Refused(Refusal.UNKNOWN_ITEM, text(itemBarcode));
        }
        ItemView item = locked.get();
        Optional<LoanView> open = loans.byItem(item.id());
        if (open.isEmpty()) {
            return new RenewalResult.Refused(Refusal.NOT_CHECKED_OUT, item.barcode());
        }
        LoanView loan = open.get();
        if (loan.lost() || loan.claimedReturned()) {
            return new RenewalResult.Refused(Refusal.LOAN_NOT_RENEWABLE, item.barcode());
        }
        Borrower patron = patrons.borrower(loan.patronId()).orElseThrow();
        ZonedDateTime now = time.now();
        List<Refusal> broken = new ArrayList<>();
        if (patron.blocked()) {
            broken.add(Refusal.PATRON_BLOCKED);
        }
        if (loan.renewals() >= loan.maxRenewals()) {
            broken.add(Refusal.RENEWAL_LIMIT_REACHED);
        }
        if (holds.othersWaiting(patron.id(), item.recordId(), item.id(), now.toLocalDate())) {
            broken.add(Refusal.ON_HOLD_FOR_OTHER);
        }
        LoanRule rule = ruleFor(loan.schoolId(), patron, item);
        Optional<Due> due = DueDates.due(rule.period(), district.schoolCalendar(loan.schoolId(), now.toLocalDate()),
                now);
        if (due.isEmpty()) {
            broken.add(Refusal.DUE_DATE_PASSED);
        }
        boolean overriding = overrideReason != null && !overrideReason.isBlank();
        Optional<Refusal> refused = broken.stream().filter(r -> !r.overridable() || !overriding).findFirst();
        if (refused.isPresent()) {
            return new RenewalResult.Refused(refused.get(), refused.get() == Refusal.RENEWAL_LIMIT_REACHED
                    ? Integer.toString(loan.maxRenewals()) : null);
        }
        // A renewal never makes a loan due sooner than it was.
        Due renewed = due.get().at().isAfter(loan.dueAt()) ? due.get() : new Due(loan.dueOn(), loan.dueAt());
        if (!loans.renew(loan.id(), loan.renewals() + 1, renewed)) {
            throw new IllegalStateException("loan " + loan.id() + " changed while its copy was locked");
        }
        if (!broken.isEmpty()) {
            audit.record(actor, "circulation.override", "loan", loan.id(),
                    broken + " renewal: " + overrideReason.strip());
        }
        events.publishEvent(new LoanRenewed(loan.id(), item.id(), patron.id(), renewed.day()));
        return new RenewalResult.Renewed(loans.find(loan.id()).orElseThrow(), broken);
    }

    LoanRule ruleFor(long schoolId, Borrower patron, ItemView item) {
        return LoanRuleBook.ruleFor(rules.forSchool(schoolId), schoolId, patron.type(), patron.grade(),
                item.itemType()).orElseThrow(() -> new IllegalStateException("the district default loan rule is gone"));
    }

    /** The hold this loan fills: the copy set aside for this patron, else their waiting hold on it or its title. */
    private void fillHold(Borrower patron, ItemView item, Optional<HoldView> trapped) {
        if (trapped.isPresent()) {
            if (trapped.get().patronId() == patron.id()) {
                holds.delete(trapped.get().id());
                return;
            }
            holds.untrap(trapped.get().id());
        }
        holds.waitingFilledBy(patron.id(), item.recordId(), item.id()).ifPresent(h -> holds.delete(h.id()));
    }

    /** Engagement is counted per term, else per school year, else per calendar month. */
    static LocalDate periodStart(SchoolCalendar calendar, LocalDate day) {
        return calendar.periodStart(day).orElse(day.withDayOfMonth(1));
    }

    static String title(ItemView item) {
        String title = item.title() == null || item.title().isBlank() ? "[" + item.barcode() + "]" : item.title();
        return title.length() > 1000 ? title.substring(0, 1000) : title;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
