package org.carrel.circulation.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.ChargeView;
import org.carrel.circulation.Charges;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.RenewalResult;
import org.carrel.district.District;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.HomeroomView;
import org.carrel.patrons.Patrons;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A patron's circulation account for staff: open loans (renew, declare lost, claims returned), holds, and unsettled
 * charges (pay, waive, add a damaged or other charge). Staff with LOANS_VIEW who act for the patron's home school;
 * charges change with CHARGES_MANAGE. Every view of the loans and charges is audited by the facades.
 */
@Controller
class PatronAccountPages {

    /** The confirmations a redirect may ask the page to show. */
    private static final Set<String> DONE = Set.of("renewed", "lost", "claimed", "paid", "waived", "added");

    private final Circulation circulation;
    private final Charges charges;
    private final Holds holds;
    private final Patrons patrons;
    private final Catalog catalog;
    private final Copies copies;
    private final District district;
    private final Clock clock;

    PatronAccountPages(Circulation circulation, Charges charges, Holds holds, Patrons patrons, Catalog catalog,
                       Copies copies, District district, Clock clock) {
        this.circulation = circulation;
        this.charges = charges;
        this.holds = holds;
        this.patrons = patrons;
        this.catalog = catalog;
        this.copies = copies;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping("/staff/circulation/patrons/{patronId}")
    @Allowed(Permission.LOANS_VIEW)
    ModelAndView show(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                      @RequestParam(required = false) String done) {
        Borrower patron = allowed(user, patronId, Permission.LOANS_VIEW);
        return page(user, patron, done != null && DONE.contains(done) ? done : null, null, FormErrors.NONE,
                ChargeForm.EMPTY, HttpStatus.OK);
    }

    @PostMapping("/staff/circulation/patrons/{patronId}/loans/{loanId}/renew")
    @Allowed(Permission.LOANS_VIEW)
    ModelAndView renew(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                       @PathVariable long loanId) {
        Borrower patron = allowed(user, patronId, Permission.LOANS_VIEW);
        LoanView loan = loanOf(patron, loanId);
        RenewalResult result = circulation.renew(loan.barcode(), user.username(), null);
        if (result instanceof RenewalResult.Refused refused) {
            return refused(user, patron, "circulation.refusal." + refused.reason().name());
        }
        return done(patronId, "renewed");
    }

    @PostMapping("/staff/circulation/patrons/{patronId}/loans/{loanId}/lost")
    @Allowed(Permission.CHARGES_MANAGE)
    ModelAndView declareLost(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                             @PathVariable long loanId) {
        Borrower patron = allowed(user, patronId, Permission.CHARGES_MANAGE);
        LoanView loan = loanOf(patron, loanId);
        if (!circulation.declareLost(loan.id(), user.username())) {
            return refused(user, patron, "circulation.account.alreadyLost");
        }
        return done(patronId, "lost");
    }

    @PostMapping("/staff/circulation/patrons/{patronId}/loans/{loanId}/claimed-returned")
    @Allowed(Permission.LOANS_VIEW)
    ModelAndView claimReturned(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                               @PathVariable long loanId) {
        Borrower patron = allowed(user, patronId, Permission.LOANS_VIEW);
        LoanView loan = loanOf(patron, loanId);
        if (!circulation.claimReturned(loan.id(), user.username())) {
            return refused(user, patron, "circulation.account.alreadyClaimed");
        }
        return done(patronId, "claimed");
    }

    @PostMapping("/staff/circulation/patrons/{patronId}/charges")
    @Allowed(Permission.CHARGES_MANAGE)
    ModelAndView addCharge(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                           @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String amount,
                           @RequestParam(defaultValue = "") String description,
                           @RequestParam(defaultValue = "") String barcode) {
        Borrower patron = allowed(user, patronId, Permission.CHARGES_MANAGE);
        ChargeForm typed = new ChargeForm(kind, amount, description, barcode);
        Optional<BigDecimal> money = LoanScope.amount(amount);
        if (money.isEmpty()) {
            return invalid(user, patron, "add-amount", "form.money.invalid", typed);
        }
        Optional<ItemView> copy = barcode.isBlank() ? Optional.empty() : copies.itemByBarcode(barcode);
        if (!barcode.isBlank() && copy.isEmpty()) {
            return invalid(user, patron, "add-barcode", "circulation.account.copyUnknown", typed);
        }
        long schoolId = copy.map(ItemView::schoolId).orElse(patron.schoolId());
        Charges.Outcome outcome = charges.add(patronId, schoolId, copy.map(ItemView::id).orElse(null), kind,
                money.get(), description, user.username());
        if (!outcome.done()) {
            String field = outcome.problem().contains("amount") ? "add-amount"
                    : outcome.problem().contains("kind") ? "add-kind" : "add-description";
            return invalid(user, patron, field, outcome.problem(), typed);
        }
        return done(patronId, "added");
    }

    @PostMapping("/staff/circulation/patrons/{patronId}/charges/{chargeId}/pay")
    @Allowed(Permission.CHARGES_MANAGE)
    ModelAndView pay(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                     @PathVariable long chargeId, @RequestParam(defaultValue = "0") long version,
                     @RequestParam(defaultValue = "") String amount) {
        Borrower patron = allowed(user, patronId, Permission.CHARGES_MANAGE);
        chargeOf(patron, chargeId);
        Optional<BigDecimal> money = LoanScope.amount(amount);
        if (money.isEmpty()) {
            return invalid(user, patron, "pay-" + chargeId, "form.money.invalid", ChargeForm.EMPTY);
        }
        Charges.Outcome outcome = charges.pay(chargeId, version, money.get(), user.username());
        return outcome.done() ? done(patronId, "paid")
                : invalid(user, patron, "pay-" + chargeId, outcome.problem(), ChargeForm.EMPTY);
    }

    @PostMapping("/staff/circulation/patrons/{patronId}/charges/{chargeId}/waive")
    @Allowed(Permission.CHARGES_MANAGE)
    ModelAndView waive(@AuthenticationPrincipal SignedInUser user, @PathVariable long patronId,
                       @PathVariable long chargeId, @RequestParam(defaultValue = "0") long version,
                       @RequestParam(defaultValue = "") String amount,
                       @RequestParam(defaultValue = "") String reason) {
        Borrower patron = allowed(user, patronId, Permission.CHARGES_MANAGE);
        chargeOf(patron, chargeId);
        Optional<BigDecimal> money = LoanScope.amount(amount);
        if (money.isEmpty()) {
            return invalid(user, patron, "waive-" + chargeId, "form.money.invalid", ChargeForm.EMPTY);
        }
        Charges.Outcome outcome = charges.waive(chargeId, version, money.get(), reason, user.username());
        if (outcome.done()) {
            return done(patronId, "waived");
        }
        String field = outcome.problem().equals("circulation.charge.reason.required") ? "waive-reason-" + chargeId
                : "waive-" + chargeId;
        return invalid(user, patron, field, outcome.problem(), ChargeForm.EMPTY);
    }

    private Borrower allowed(SignedInUser user, long patronId, Permission permission) {
        Borrower patron = LoanScope.patron(patrons, patronId);
        LoanScope.require(user, permission, patron.schoolId());
        return patron;
    }

    private LoanView loanOf(Borrower patron, long loanId) {
        return circulation.loan(loanId).filter(loan -> loan.patronId() == patron.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void chargeOf(Borrower patron, long chargeId) {
        charges.charge(chargeId).filter(c -> c.patronId() != null && c.patronId() == patron.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ModelAndView done(long patronId, String what) {
        return new ModelAndView("redirect:/staff/circulation/patrons/" + patronId + "?done=" + what);
    }

    private ModelAndView refused(SignedInUser user, Borrower patron, String message) {
        return page(user, patron, null, message, FormErrors.NONE, ChargeForm.EMPTY, HttpStatus.CONFLICT);
    }

    private ModelAndView invalid(SignedInUser user, Borrower patron, String field, String message, ChargeForm typed) {
        return page(user, patron, null, null, FormErrors.of(field, message), typed, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView page(SignedInUser user, Borrower patron, String done, String refusal, FormErrors errors,
                              ChargeForm typed, HttpStatus status) {
        List<LoanView> loans = circulation.loans(patron.id(), user.username());
        List<ChargeView> owed = charges.unsettled(patron.id(), user.username());
        List<HoldView> held = holds.ofPatron(patron.id());
        ModelAndView view = new ModelAndView("circulation/patron-account");
        view.addObject("patron", patron);
        view.addObject("schoolName", LoanScope.schoolNames(district).getOrDefault(patron.schoolId(), ""));
        view.addObject("homeroom", patron.homeroomId() == null ? null
                : patrons.homeroom(patron.homeroomId()).map(HomeroomView::name).orElse(null));
        view.addObject("loans", loans);
        view.addObject("now", OffsetDateTime.now(clock));
        view.addObject("holds", held);
        view.addObject("titles", titles(held));
        view.addObject("charges", owed);
        view.addObject("total", owed.stream().map(ChargeView::owed).reduce(BigDecimal.ZERO, BigDecimal::add));
        view.addObject("canManageCharges", user.has(Permission.CHARGES_MANAGE));
        view.addObject("done", done);
        view.addObject("refusal", refusal);
        view.addObject("errors", errors);
        view.addObject("newCharge", typed);
        view.setStatus(status);
        return view;
    }

    /** The titles of the held records, by record id (a deleted record is absent). */
    private Map<Long, String> titles(List<HoldView> held) {
        Map<Long, String> titles = new LinkedHashMap<>();
        if (!held.isEmpty()) {
            catalog.records(held.stream().map(HoldView::recordId).distinct().toList())
                    .forEach(record -> titles.put(record.id(), record.description().title()));
        }
        return titles;
    }
}
