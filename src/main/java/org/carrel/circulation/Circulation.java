package org.carrel.circulation;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.CirculationEvents.ItemDeclaredLost;
import org.carrel.circulation.CirculationEvents.LoanBecameOverdue;
import org.carrel.catalog.ItemStatus;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.Patrons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The circulation desk: checkout, check-in, renewal, class sets, in-library use, a patron's loans, and the daily
 * work on loans (overdue, lost, claimed returned). Expected refusals are values ({@link Refusal}); callers check
 * that the actor may act (desk, override, loans of a patron); every view of a patron's loans is audited here.
 */
@Service
public class Circulation {

    /** The most copies one class-set checkout takes. */
    public static final int MAX_CLASS_SET = 200;

    /** The most lines one overdue list holds (a school's list, oldest due first). */
    public static final int MAX_OVERDUE = 5_000;

    private final Lending lending;
    private final Returns returns;
    private final LoanStore loans;
    private final ChargeStore charges;
    private final StatisticStore statistics;
    private final RuleStore rules;
    private final Copies copies;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CirculationTime time;
    private final TransactionTemplate eachCopy;
    private final Patrons patrons;

    Circulation(Lending lending, Returns returns, LoanStore loans, ChargeStore charges, StatisticStore statistics,
                RuleStore rules, Copies copies, AuditLog audit,
                org.springframework.context.ApplicationEventPublisher events, CirculationTime time,
                PlatformTransactionManager transactions, Patrons patrons) {
        this.lending = lending;
        this.returns = returns;
        this.loans = loans;
        this.charges = charges;
        this.statistics = statistics;
        this.rules = rules;
        this.copies = copies;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.eachCopy = new TransactionTemplate(transactions);
        this.patrons = patrons;
    }

    /** Lends a copy to a patron, or says why not. Committed when this returns: the loan survives a crash. */
    @Transactional
    public CheckoutResult checkout(CheckoutRequest request) {
        return lending.checkout(request, false);
    }

    /**
     * Lends many copies to a teacher for a class (not counted against the teacher's limit), each copy on its own:
     * one refused copy does not stop the others. At most {@link #MAX_CLASS_SET} barcodes.
     */
    public List<CheckoutResult> checkoutClassSet(String teacherBarcode, List<String> itemBarcodes, Long deskSchoolId,
                                                 String actor, String overrideReason) {
        if (itemBarcodes.size() > MAX_CLASS_SET) {
            throw new IllegalArgumentException("a class set is at most " + MAX_CLASS_SET + " copies");
        }
        List<CheckoutResult> results = new ArrayList<>();
        for (String barcode : itemBarcodes) {
            results.add(eachCopy.execute(status -> lending.checkout(new CheckoutRequest(teacherBarcode, barcode,
                    deskSchoolId, actor, overrideReason), true)));
        }
        return results;
    }

    /** Takes a copy back at a desk ({@code deskSchoolId} null: the copy's school) and says where it goes next. */
    @Transactional
    public CheckinResult checkin(String itemBarcode, Long deskSchoolId, String actor) {
        return returns.checkin(itemBarcode, deskSchoolId, actor);
    }

    @Transactional
    public RenewalResult renew(String itemBarcode, String actor, String overrideReason) {
        return lending.renew(itemBarcode, actor, overrideReason);
    }

    /** Counts a copy used in the library without a loan (a reference book, a magazine read at a table). */
    @Transactional
    public Optional<ItemView> countInLibraryUse(String itemBarcode, long schoolId) {
        Optional<ItemView> item = copies.itemByBarcode(itemBarcode);
        item.ifPresent(i -> statistics.usedInLibrary(schoolId, i.id(), i.recordId(), time.now().toLocalDate()));
        return item;
    }

    /** A patron's open loans, soonest due first, for a staff member allowed to see them: audited. */
    @Transactional
    public List<LoanView> loans(long patronId, String actor) {
        List<LoanView> open = loans.ofPatron(patronId);
        audit.record(actor, "circulation.loans.viewed", "patron", patronId, open.size() + " open loan(s)");
        return open;
    }

    /** The signed-in patron's own loans (their own data: no audit entry). */
    @Transactional(readOnly = true)
    public List<LoanView> ownLoans(long patronId) {
        return loans.ofPatron(patronId);
    }

    /** How many copies a patron has out (no titles: what a volunteer at the desk may see). */
    @Transactional(readOnly = true)
    public int itemsOut(long patronId) {
        return loans.itemsOut(List.of(patronId)).getOrDefault(patronId, 0);
    }

    @Transactional(readOnly = true)
    public Optional<LoanView> loanOf(String itemBarcode) {
        return copies.itemByBarcode(itemBarcode).flatMap(item -> loans.byItem(item.id()));
    }

    @Transactional(readOnly = true)
    public Optional<LoanView> loan(long loanId) {
        return loans.find(loanId);
    }

    /** One open loan, for a staff member allowed to see the patron's loans: audited. */
    @Transactional
    public Optional<LoanView> loan(long loanId, String actor) {
        Optional<LoanView> loan = loans.find(loanId);
        loan.ifPresent(l -> audit.record(actor, "circulation.loan.viewed", "patron", l.patronId(), l.barcode()));
        return loan;
    }

    /** The patron's own reading history (kept only if they opted in), newest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> ownHistory(long patronId) {
        return statistics.history(patronId);
    }

    /** One title a patron read: a row of an opted-in reading history. */
    public record HistoryEntry(long recordId, String title, java.time.LocalDate checkedOutOn,
                               java.time.LocalDate returnedOn) {
    }

    /**
     * The overdue loans checked out at a school (lost ones too, claimed-returned ones not), oldest due first, at most
     * {@link #MAX_OVERDUE}, each with its patron: for staff allowed to see patrons' loans. One audit entry per list.
     */
    @Transactional
    public List<OverdueLoan> overdue(long schoolId, String actor) {
        ZonedDateTime now = time.now();
        Map<Long, Optional<Borrower>> borrowers = new HashMap<>();
        List<OverdueLoan> overdue = new ArrayList<>();
        for (LoanView loan : loans.overdue(schoolId, now.toOffsetDateTime(), MAX_OVERDUE)) {
            borrowers.computeIfAbsent(loan.patronId(), patrons::borrower).ifPresent(patron -> overdue.add(
                    new OverdueLoan(loan, patron, Math.max(0, ChronoUnit.DAYS.between(loan.dueOn(),
                            now.toLocalDate())))));
        }
        audit.record(actor, "circulation.overdues.viewed", "school", schoolId, overdue.size() + " overdue loan(s) of "
                + borrowers.size() + " patron(s)");
        return overdue;
    }

    /**
     * Reports loans that became overdue by {@code now} (each once, {@link LoanBecameOverdue}); returns how many.
     * Run by the daily job and on demand.
     */
    @Transactional
    public int reportOverdues(ZonedDateTime now) {
        int reported = 0;
        for (LoanView loan : loans.newlyOverdue(now.toOffsetDateTime(), 10_000)) {
            if (loans.markOverdue(loan.id(), now.toOffsetDateTime())) {
                events.publishEvent(new LoanBecameOverdue(loan.id(), loan.itemId(), loan.patronId(), loan.schoolId(),
                        loan.dueOn()));
                reported++;
            }
        }
        return reported;
    }

    /**
     * Declares lost the copies overdue for the setting's number of days by {@code now}, charging their replacement
     * cost (the copy's, else its price, else the district's default); returns how many.
     */
    @Transactional
    public int declareLost(ZonedDateTime now, String actor) {
        CirculationSettings settings = rules.settings();
        int declared = 0;
        for (LoanView loan : loans.dueBeforeNotLost(now.minusDays(settings.lostAfterDays()).toOffsetDateTime(),
                10_000)) {
            if (markLost(loan, now, actor, settings)) {
                declared++;
            }
        }
        return declared;
    }

    /** Staff declare one loan's copy lost now (the patron says so), charging its replacement cost. */
    @Transactional
    public boolean declareLost(long loanId, String actor) {
        return loans.find(loanId).map(loan -> markLost(loan, time.now(), actor, rules.settings())).orElse(false);
    }

    private boolean markLost(LoanView loan, ZonedDateTime now, String actor, CirculationSettings settings) {
        ItemView item = copies.lockForCirculation(loan.itemId()).orElseThrow();
        if (!loans.markLost(loan.id(), now.toOffsetDateTime())) {
            return false;
        }
        copies.circulated(item, ItemStatus.LOST, "Overdue since " + loan.dueOn());
        java.math.BigDecimal cost = item.replacementCost() != null && item.replacementCost().signum() > 0
                ? item.replacementCost() : item.price() != null && item.price().signum() > 0 ? item.price()
                : settings.defaultReplacement();
        long chargeId = 0;
        if (cost.signum() > 0) {
            chargeId = charges.insert(loan.patronId(), loan.schoolId(), item.id(), "LOST", cost,
                    "Lost: " + loan.title(), actor, now.toOffsetDateTime());
            events.publishEvent(new CirculationEvents.ChargeAdded(chargeId, loan.patronId(), "LOST", cost));
        }
        audit.record(actor, "circulation.loan.lost", "item", item.id(), item.barcode());
        events.publishEvent(new ItemDeclaredLost(loan.id(), item.id(), loan.patronId(), chargeId));
        return true;
    }

    /**
     * The patron says the copy came back but it was never checked in: the loan stops counting as overdue and the
     * copy is marked missing until it is found and checked in.
     */
    @Transactional
    public boolean claimReturned(long loanId, String actor) {
        Optional<LoanView> loan = loans.find(loanId);
        if (loan.isEmpty()) {
            return false;
        }
        ItemView item = copies.lockForCirculation(loan.get().itemId()).orElseThrow();
        if (!loans.markClaimedReturned(loanId, time.now().toOffsetDateTime())) {
            return false;
        }
        copies.circulated(item, ItemStatus.MISSING, "Claimed returned");
        audit.record(actor, "circulation.loan.claimedReturned", "item", item.id(), item.barcode());
        return true;
    }
}
