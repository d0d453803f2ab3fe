package org.carrel.patrons;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.accounts.AuditLog;
import org.carrel.district.CalendarView.SchoolYear;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.RolloverPreview.Notice;
import org.carrel.patrons.RolloverPreview.Outcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The year-end rollover, once per school year: active students go up a grade, the top grade graduates, and students
 * whose new grade is past their school's highest move to a receiving school (the rules: {@link RolloverPlan}).
 * Homerooms are cleared for every student it changes, since next year's homerooms come from the next roster.
 * Teachers, staff, guardians, community borrowers and inactive students are untouched. {@link #preview} shows what
 * {@link #apply} would do; apply refuses unless it would do exactly that (the preview's fingerprint), and runs in one
 * transaction with one audit entry, {@code patrons.rollover.applied}.
 *
 * <p><b>School year.</b> A rollover is recorded under the school year the students go <em>into</em>, which stays
 * the same whether it runs on the last school days or in the summer: if today lies in a school year of the district
 * calendar (of the first school by name that has one), the year after it ({@code 2026-2027} becomes
 * {@code 2027-2028}); in the summer, the coming school year the calendar already holds. Without a calendar, school
 * years are taken to start on August 1, as in the demo calendar. The preview shows the label before anything is
 * applied; table {@code patron_rollover} has one row per label, so the same year cannot be applied twice.
 *
 * <p><b>Loans and charges</b> come from the {@link PatronObligations} beans (circulation implements it): the
 * preview lists the leaving students with copies still out, and apply clears the leavers' unpaid charges when the
 * choice ({@link ChargesChoice}) is CLEAR. Without such a bean (a build without circulation) the page says loans and
 * charges cannot be checked ({@link #checksLoansAndCharges()}), and there are none to report or clear.
 */
@Service
public class Rollover {

    /** The sentence the preview and the result show while loans and charges cannot be checked. */
    public static final String NO_CIRCULATION = "patrons.rollover.noCirculation";

    private final RolloverStore store;
    private final District district;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<PatronObligations> obligations;

    Rollover(RolloverStore store, District district, AuditLog audit, Clock clock,
             ObjectProvider<PatronObligations> obligations) {
        this.store = store;
        this.district = district;
        this.audit = audit;
        this.clock = clock;
        this.obligations = obligations;
    }

    /** Whether a module reports loans and charges; without one the page says they cannot be checked yet. */
    public boolean checksLoansAndCharges() {
        return obligations.stream().findAny().isPresent();
    }

    /**
     * What the rollover would do with these choices: per sending school id, a receiving school id,
     * {@link RolloverPreview#TRANSFER} or blank for the default. {@code charges} null means the form named no known
     * choice, which the preview reports as a problem.
     */
    @Transactional(readOnly = true)
    public RolloverPreview preview(Map<Long, String> choices, ChargesChoice charges) {
        return withItemsOut(plan(choices, charges).preview());
    }

    private RolloverPreview withItemsOut(RolloverPreview preview) {
        List<Long> leavers = preview.leaving().stream().map(RolloverPreview.Leaver::patronId).toList();
        Map<Long, Integer> out = new java.util.HashMap<>();
        obligations.orderedStream().forEach(source -> source.itemsOut(leavers).forEach((id, n) -> out.merge(id, n,
                Integer::sum)));
        return preview.withItemsOut(out);
    }

    /** Applies the rollover if it is still exactly the one previewed (same fingerprint) and not yet done this year. */
    @Transactional
    public RolloverResult apply(Map<Long, String> choices, ChargesChoice charges, String fingerprint, String actor) {
        RolloverPlan.Planned planned = plan(choices, charges);
        RolloverPreview preview = planned.preview();
        if (preview.applied() != null) {
            return refused(alreadyApplied(preview.applied()));
        }
        if (!preview.problems().isEmpty()) {
            return new RolloverResult.Refused(preview.problems());
        }
        if (preview.totals().changed() == 0) {
            return refused(new Notice("patrons.rollover.nothingToDo"));
        }
        if (!preview.fingerprint().equals(fingerprint)) {
            return refused(new Notice("patrons.rollover.changedSincePreview"));
        }
        RolloverPreview.Totals totals = preview.totals();
        RolloverRecord rollover = new RolloverRecord(preview.schoolYear(), actor, OffsetDateTime.now(clock),
                totals.stay(), totals.move(), totals.graduate(), totals.transfer(), totals.unchanged(), charges);
        long id;
        try {
            // First, so a rollover applied at the same moment waits on the unique school year and then fails.
            id = store.record(rollover);
        } catch (DuplicateKeyException race) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return refused(alreadyApplied(store.applied(preview.schoolYear()).orElse(rollover)));
        }
        if (!write(planned.changes(), rollover.appliedAt())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return refused(new Notice("patrons.rollover.changedSincePreview"));
        }
        int cleared = 0;
        if (charges == ChargesChoice.CLEAR) {
            List<Long> leavers = preview.leaving().stream().map(RolloverPreview.Leaver::patronId).toList();
            for (PatronObligations source : obligations.orderedStream().toList()) {
                cleared += source.clearCharges(leavers, actor, "year-end rollover " + preview.schoolYear());
            }
        }
        audit.record(actor, "patrons.rollover.applied", "patron_rollover", id, preview.schoolYear() + ": "
                + totals.stay() + " promoted, " + totals.move() + " moved, " + totals.graduate() + " graduated, "
                + totals.transfer() + " transferred, " + totals.unchanged() + " unchanged; charges " + charges
                + (checksLoansAndCharges() ? ", " + cleared + " cleared" : " (no module reports charges yet)"));
        return new RolloverResult.Applied(rollover);
    }

    /** The school year a rollover today promotes students into (see the class comment). */
    @Transactional(readOnly = true)
    public String schoolYear() {
        LocalDate today = LocalDate.now(clock);
        for (SchoolView school : district.schools()) {
            SchoolYear year = district.calendar(school.id(), today).year();
            if (year != null) {
                return year.contains(today) ? yearLabel(year.lastDay().getYear()) : year.label();
            }
        }
        return yearLabel(today.isBefore(LocalDate.of(today.getYear(), Month.AUGUST, 1)) ? today.getYear()
                : today.getYear() + 1);
    }

    private RolloverPlan.Planned plan(Map<Long, String> choices, ChargesChoice charges) {
        String year = schoolYear();
        return RolloverPlan.plan(year, district.schools(), store.activeStudents(), choices, charges,
                store.applied(year).orElse(null));
    }

    /** Writes the changes group by group; false when a student changed meanwhile (the caller rolls back). */
    private boolean write(List<RolloverPlan.Change> changes, OffsetDateTime now) {
        Map<String, List<RolloverPlan.Change>> groups = new LinkedHashMap<>();
        for (RolloverPlan.Change change : changes) {
            String key = change.student().schoolId() + ":" + change.student().grade() + ":" + change.outcome() + ":"
                    + change.schoolId() + ":" + change.grade();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }
        for (List<RolloverPlan.Change> group : groups.values()) {
            RolloverPlan.Change first = group.get(0);
            List<Long> ids = group.stream().map(c -> c.student().id()).toList();
            int changed = store.promote(ids, first.student().schoolId(), first.student().grade(), first.schoolId(),
                    first.grade(), status(first.outcome()), now);
            if (changed != ids.size()) {
                return false;
            }
        }
        return true;
    }

    private static PatronStatus status(Outcome outcome) {
        if (outcome == Outcome.GRADUATE) {
            return PatronStatus.GRADUATED;
        }
        return outcome == Outcome.TRANSFER ? PatronStatus.TRANSFERRED : PatronStatus.ACTIVE;
    }

    private static Notice alreadyApplied(RolloverRecord done) {
        return new Notice("patrons.rollover.alreadyApplied", done.schoolYear(), done.appliedBy(),
                done.appliedAt().toLocalDate().toString());
    }

    private static RolloverResult refused(Notice notice) {
        return new RolloverResult.Refused(List.of(notice));
    }

    private static String yearLabel(int startYear) {
        return startYear + "-" + (startYear + 1);
    }
}
