package org.carrel.circulation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.RecordView;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.Refusal;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.Patrons;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A title's hold queue for staff: the holds in order (who, status, priority, placed, pickup school, suspension),
 * cancel, suspend until a day or resume, and the form placing a hold for a patron. Patrons are named, and holds
 * changed, only where the staff member acts for the patron's school or the pickup school; each view is audited.
 */
@Controller
class HoldQueuePages {

    /** What a redirect back to the queue reports ({@code ?done=NAME}, message key circulation.holds.done.NAME). */
    static final Set<String> DONE = Set.of("cancelled", "notCancelled", "suspended", "resumed", "notSuspended");

    private final Holds holds;
    private final Patrons patrons;
    private final Copies copies;
    private final Catalog catalog;
    private final District district;
    private final AuditLog audit;
    private final Clock clock;

    HoldQueuePages(Holds holds, Patrons patrons, Copies copies, Catalog catalog, District district, AuditLog audit,
                   Clock clock) {
        this.holds = holds;
        this.patrons = patrons;
        this.copies = copies;
        this.catalog = catalog;
        this.district = district;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/staff/circulation/holds/records/{recordId}")
    @Allowed(Permission.HOLDS_MANAGE)
    ModelAndView queue(@AuthenticationPrincipal SignedInUser user, @PathVariable long recordId,
                       @RequestParam(required = false) Long placed, @RequestParam(required = false) String done) {
        String pickup = LoanScope.schools(user, district).stream().findFirst().map(SchoolView::code).orElse("");
        ModelAndView view = page(user, record(recordId), HoldForm.empty(pickup), FormErrors.NONE, false);
        view.addObject("placed", placed);
        view.addObject("done", done != null && DONE.contains(done) ? done : null);
        return view;
    }

    @PostMapping("/staff/circulation/holds/records/{recordId}")
    @Allowed(Permission.HOLDS_MANAGE)
    ModelAndView place(@AuthenticationPrincipal SignedInUser user, @PathVariable long recordId,
                       @ModelAttribute HoldForm form) {
        RecordView record = record(recordId);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Borrower> patron = patron(form, errors);
        Long itemId = copy(form, recordId, errors);
        Optional<SchoolView> pickup = district.school(HoldForm.text(form.pickup()));
        if (pickup.isEmpty()) {
            errors.put("pickup", "circulation.holds.pickup.required");
        }
        HoldDates dates = HoldDates.read(form.notNeededAfter(), form.neededFrom(), form.neededUntil(),
                HoldScope.today(district, clock), errors);
        if (dates.reservation() && patron.isPresent() && patron.get().type() != PatronType.TEACHER) {
            errors.putIfAbsent("neededFrom", "circulation.holds.reserve.teachersOnly");
        }
        if (!errors.isEmpty()) {
            return page(user, record, form, new FormErrors(errors), false);
        }
        if (!user.actsFor(pickup.get().id()) && !user.actsFor(patron.get().schoolId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String reason = user.has(Permission.CIRCULATION_OVERRIDE) ? HoldForm.text(form.overrideReason()) : "";
        HoldResult result = holds.place(new HoldRequest(patron.get().id(), recordId, itemId, pickup.get().id(),
                dates.neededFrom(), dates.neededUntil(), dates.notNeededAfter(), user.username(),
                reason.isEmpty() ? null : reason));
        if (result instanceof HoldResult.Placed placed) {
            return HoldScope.seeOther("/staff/circulation/holds/records/" + recordId + "?placed=" + placed.hold().id());
        }
        Refusal refusal = ((HoldResult.Refused) result).reason();
        ModelAndView view = page(user, record, form, FormErrors.of("", refusal.messageKey()),
                refusal.overridable() && user.has(Permission.CIRCULATION_OVERRIDE));
        view.setStatus(HttpStatus.CONFLICT);
        return view;
    }

    @PostMapping("/staff/circulation/holds/{holdId}/cancel")
    @Allowed(Permission.HOLDS_MANAGE)
    ModelAndView cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long holdId) {
        HoldView hold = managed(user, holdId);
        boolean cancelled = holds.cancel(holdId, user.username());
        return back(hold, cancelled ? "cancelled" : "notCancelled");
    }

    @PostMapping("/staff/circulation/holds/{holdId}/suspend")
    @Allowed(Permission.HOLDS_MANAGE)
    ModelAndView suspend(@AuthenticationPrincipal SignedInUser user, @PathVariable long holdId,
                         @RequestParam(defaultValue = "") String until) {
        HoldView hold = managed(user, holdId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = HoldDates.read(until, null, null, HoldScope.today(district, clock), errors).notNeededAfter();
        if (!errors.isEmpty()) {
            String pickup = LoanScope.schools(user, district).stream().findFirst().map(SchoolView::code).orElse("");
            ModelAndView view = page(user, record(hold.recordId()), HoldForm.empty(pickup),
                    FormErrors.of("", "circulation.holds.suspend.invalid"), false);
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return view;
        }
        boolean changed = holds.suspend(holdId, day);
        return back(hold, !changed ? "notSuspended" : day == null ? "resumed" : "suspended");
    }

    private ModelAndView page(SignedInUser user, RecordView record, HoldForm form, FormErrors errors,
                              boolean overridable) {
        List<HoldLines.Queued> lines = lines(user, record);
        audit.record(user, "circulation.holds.viewed", "record", record.id(), lines.size() + " hold(s)");
        ModelAndView view = new ModelAndView("circulation/hold-queue");
        view.addObject("record", record);
        view.addObject("title", record.description().title() == null ? "" : record.description().title());
        view.addObject("lines", lines);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("schools", district.schools());
        view.addObject("canOverride", user.has(Permission.CIRCULATION_OVERRIDE));
        view.addObject("overridable", overridable);
        view.addObject("canSeeRecord", user.has(Permission.CATALOG_VIEW));
        view.addObject("placed", null);
        view.addObject("done", null);
        if (errors.any()) {
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return view;
    }

    private List<HoldLines.Queued> lines(SignedInUser user, RecordView record) {
        Map<Long, String> schoolNames = LoanScope.schoolNames(district);
        Map<Long, String> barcodes = new LinkedHashMap<>();
        record.items().forEach(item -> barcodes.put(item.id(), item.barcode()));
        LocalDate today = HoldScope.today(district, clock);
        List<HoldLines.Queued> lines = new ArrayList<>();
        int waiting = 0;
        for (HoldView hold : holds.queue(record.id())) {
            Optional<PatronSummary> patron = patrons.summary(hold.patronId());
            boolean canAct = HoldScope.mayManage(user, hold, patron.map(PatronSummary::schoolId).orElse(-1L));
            Long copy = hold.trappedItemId() != null ? hold.trappedItemId() : hold.itemId();
            lines.add(new HoldLines.Queued(hold, hold.waiting() ? ++waiting : 0,
                    canAct ? patron.map(PatronSummary::name).orElse("") : null,
                    canAct ? patron.map(PatronSummary::barcode).orElse("") : null,
                    schoolNames.getOrDefault(hold.pickupSchoolId(), ""), copy == null ? null : barcodes.get(copy),
                    hold.suspendedOn(today), canAct));
        }
        return lines;
    }

    private Optional<Borrower> patron(HoldForm form, Map<String, String> errors) {
        String barcode = HoldForm.text(form.patron());
        if (barcode.isEmpty()) {
            errors.put("patron", "circulation.holds.patron.required");
            return Optional.empty();
        }
        Optional<Borrower> patron = patrons.borrower(barcode);
        if (patron.isEmpty()) {
            errors.put("patron", Refusal.UNKNOWN_PATRON.messageKey());
        }
        return patron;
    }

    private Long copy(HoldForm form, long recordId, Map<String, String> errors) {
        String barcode = HoldForm.text(form.copy());
        if (barcode.isEmpty()) {
            return null;
        }
        Optional<ItemView> item = copies.itemByBarcode(barcode);
        if (item.isEmpty()) {
            errors.put("copy", Refusal.UNKNOWN_ITEM.messageKey());
            return null;
        }
        if (item.get().recordId() != recordId) {
            errors.put("copy", "circulation.holds.copy.otherTitle");
            return null;
        }
        return item.get().id();
    }

    private RecordView record(long recordId) {
        return catalog.record(recordId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The hold, if the user may change it; 404 when it is gone, 403 when it is another school's. */
    private HoldView managed(SignedInUser user, long holdId) {
        HoldView hold = holds.hold(holdId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HoldScope.requireManage(user, hold, patrons.summary(hold.patronId()).map(PatronSummary::schoolId)
                .orElse(-1L));
        return hold;
    }

    private static ModelAndView back(HoldView hold, String done) {
        return HoldScope.seeOther("/staff/circulation/holds/records/" + hold.recordId() + "?done=" + done);
    }
}
