package org.carrel.circulation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.district.District;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.Patrons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open loans and waiting holds brought over from another library system, as a migration does: with their own dates
 * and without the desk's rules (limits, blocks, not-for-loan), but with Carrel's invariants: one open loan per copy,
 * the copy's status set through the catalogue, one hold per patron and title. No events are published (nobody is to
 * be notified of a loan made years ago) and no engagement is counted; one audit entry is written per batch.
 */
@Service
public class LoanImport {

    /** An open loan as the other system has it; {@code lost}: the copy was declared lost there. */
    public record ExistingLoan(String patronBarcode, String itemBarcode, Instant checkedOutAt, Instant dueAt,
                               boolean lost) {
    }

    /** A waiting hold as the other system has it: on a title, or on one copy of it ({@code itemBarcode}, else null). */
    public record ExistingHold(String patronBarcode, long recordId, String itemBarcode, long pickupSchoolId,
                               Instant placedAt) {
    }

    /** What a batch came to: how many were imported, and why each other one was not (by its index in the batch). */
    public record Report(int imported, Map<Integer, Refusal> skipped) {
        public Report {
            skipped = Map.copyOf(skipped);
        }
    }

    private final Lending lending;
    private final Patrons patrons;
    private final Copies copies;
    private final Catalog catalog;
    private final District district;
    private final LoanStore loans;
    private final HoldStore holds;
    private final RuleStore rules;
    private final AuditLog audit;
    private final CirculationTime time;

    LoanImport(Lending lending, Patrons patrons, Copies copies, Catalog catalog, District district, LoanStore loans,
               HoldStore holds, RuleStore rules, AuditLog audit, CirculationTime time) {
        this.lending = lending;
        this.patrons = patrons;
        this.copies = copies;
        this.catalog = catalog;
        this.district = district;
        this.loans = loans;
        this.holds = holds;
        this.rules = rules;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Imports open loans in one transaction. Each is on the copy's school, due on the day its due instant falls in the
     * district's time zone, with the renewals the loan rule that applies now allows; a lost one is marked lost now
     * (no charge: what the other system billed is not carried over). Skipped: an unknown patron or copy, or a copy
     * that already has an open loan ({@link Refusal#CHECKED_OUT_TO_OTHER}).
     */
    @Transactional
    public Report loans(List<ExistingLoan> batch, String actor) {
        ZoneId zone = time.zone();
        OffsetDateTime now = time.now().toOffsetDateTime();
        Map<Integer, Refusal> skipped = new LinkedHashMap<>();
        int imported = 0;
        for (int i = 0; i < batch.size(); i++) {
            ExistingLoan loan = batch.get(i);
            Optional<Borrower> patron = patrons.borrower(text(loan.patronBarcode()));
            Optional<ItemView> item = patron.isEmpty() ? Optional.empty()
                    : copies.lockForCirculation(text(loan.itemBarcode()));
            if (patron.isEmpty() || item.isEmpty()) {
                skipped.put(i, patron.isEmpty() ? Refusal.UNKNOWN_PATRON : Refusal.UNKNOWN_ITEM);
            } else if (loans.byItem(item.get().id()).isPresent()) {
                skipped.put(i, Refusal.CHECKED_OUT_TO_OTHER);
            } else {
                lend(patron.get(), item.get(), loan, zone, now);
                imported++;
            }
        }
        audit.record(actor, "circulation.loans.imported", "loan", null,
                imported + " open loan(s) imported, " + skipped.size() + " skipped");
        return new Report(imported, skipped);
    }

    private void lend(Borrower patron, ItemView item, ExistingLoan loan, ZoneId zone, OffsetDateTime now) {
        LoanRule rule = lending.ruleFor(item.schoolId(), patron, item);
        OffsetDateTime dueAt = loan.dueAt().atZone(zone).toOffsetDateTime();
        long id = loans.insert(new LoanStore.NewLoan(item.id(), patron.id(), item.schoolId(), item.recordId(),
                item.itemType(), item.barcode(), Lending.title(item), item.callNumber(), rule.id(),
                loan.checkedOutAt().atZone(zone).toOffsetDateTime(), new Due(dueAt.toLocalDate(), dueAt),
                rule.maxRenewals(), rule.dailyFine(), rule.fineCap(), false));
        if (loan.lost()) {
            loans.markLost(id, now);
            copies.circulated(item, ItemStatus.LOST, "Lost before the import");
        } else {
            copies.circulated(item, ItemStatus.CHECKED_OUT, null);
        }
    }

    /**
     * Imports waiting holds in one transaction, in the order given (the queue order of holds placed at the same
     * instant), each placed when the other system says and ranked as {@link Holds#place} ranks it (teachers first
     * when the district says so). A title with no copy yet may be held. Skipped: an unknown patron, record
     * ({@link Refusal#NO_HOLDABLE_COPY}), copy of that record or pickup school, or a second hold of a patron on a
     * title.
     */
    @Transactional
    public Report holds(List<ExistingHold> batch, String actor) {
        ZoneId zone = time.zone();
        boolean teachersFirst = rules.settings().teachersFirst();
        Map<Long, Boolean> records = new HashMap<>();
        Map<Integer, Refusal> skipped = new LinkedHashMap<>();
        int imported = 0;
        for (int i = 0; i < batch.size(); i++) {
            ExistingHold hold = batch.get(i);
            Optional<Borrower> patron = patrons.borrower(text(hold.patronBarcode()));
            Refusal refusal = patron.isEmpty() ? Refusal.UNKNOWN_PATRON : refusal(hold, patron.get(), records);
            if (refusal != null) {
                skipped.put(i, refusal);
                continue;
            }
            Long itemId = hold.itemBarcode() == null ? null
                    : copies.itemByBarcode(hold.itemBarcode()).orElseThrow().id();
            int priority = teachersFirst && patron.get().type() == PatronType.TEACHER ? Holds.TEACHER_PRIORITY : 0;
            holds.insert(new HoldStore.NewHold(patron.get().id(), hold.recordId(), itemId, hold.pickupSchoolId(),
                    priority, hold.placedAt().atZone(zone).toOffsetDateTime(), "import", null, null, null));
            imported++;
        }
        audit.record(actor, "circulation.holds.imported", "hold", null,
                imported + " hold(s) imported, " + skipped.size() + " skipped");
        return new Report(imported, skipped);
    }

    private Refusal refusal(ExistingHold hold, Borrower patron, Map<Long, Boolean> records) {
        if (!records.computeIfAbsent(hold.recordId(), id -> catalog.record(id).isPresent())) {
            return Refusal.NO_HOLDABLE_COPY;
        }
        if (hold.itemBarcode() != null && copies.itemByBarcode(hold.itemBarcode())
                .filter(item -> item.recordId() == hold.recordId()).isEmpty()) {
            return Refusal.UNKNOWN_ITEM;
        }
        if (district.school(hold.pickupSchoolId()).isEmpty()) {
            return Refusal.UNKNOWN_SCHOOL;
        }
        return holds.patronHolds(patron.id(), hold.recordId()) ? Refusal.ALREADY_HELD : null;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
