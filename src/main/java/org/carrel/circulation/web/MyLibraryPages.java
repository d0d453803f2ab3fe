package org.carrel.circulation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.RecordView;
import org.carrel.circulation.Charges;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.Refusal;
import org.carrel.circulation.RenewalResult;
import org.carrel.district.District;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in student's or teacher's own borrowing in the catalogue: loans (renew), holds (cancel), the reading
 * history if they opted in, and charges; and placing a hold from a title's page, picked up at their home school
 * (teachers may make it a reservation for a date range). The patron is the one linked to the signed-in account;
 * a loan or hold of anyone else is answered 404, as if it did not exist. Their own data: no audit entries.
 */
@Controller
class MyLibraryPages {

    static final String HOME = "/catalog/my-library";

    private final Circulation circulation;
    private final Holds holds;
    private final Charges charges;
    private final Patrons patrons;
    private final Catalog catalog;
    private final District district;
    private final Clock clock;

    MyLibraryPages(Circulation circulation, Holds holds, Charges charges, Patrons patrons, Catalog catalog,
                   District district, Clock clock) {
        this.circulation = circulation;
        this.holds = holds;
        this.charges = charges;
        this.patrons = patrons;
        this.catalog = catalog;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(HOME)
    @Allowed(Permission.OWN_BORROWING)
    ModelAndView myLibrary(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long renewed,
                           @RequestParam(required = false) String refused,
                           @RequestParam(required = false) String cancelled) {
        Optional<Borrower> me = me(user);
        ModelAndView view = new ModelAndView("circulation/my-library");
        view.addObject("me", me.orElse(null));
        List<LoanView> loans = me.map(b -> circulation.ownLoans(b.id())).orElse(List.of());
        view.addObject("loans", loans);
        view.addObject("now", OffsetDateTime.now(clock));
        view.addObject("holds", me.map(b -> myHolds(b.id())).orElse(List.of()));
        view.addObject("history", me.filter(Borrower::keepHistory).map(b -> circulation.ownHistory(b.id()))
                .orElse(List.of()));
        view.addObject("charges", me.map(b -> charges.ownCharges(b.id())).orElse(List.of()));
        view.addObject("renewed", renewed == null ? null
                : loans.stream().filter(l -> l.id() == renewed).findFirst().orElse(null));
        view.addObject("refused", refusal(refused));
        view.addObject("cancelled", cancelled != null);
        return view;
    }

    @PostMapping(HOME + "/loans/{loanId}/renew")
    @Allowed(Permission.OWN_BORROWING)
    ModelAndView renew(@AuthenticationPrincipal SignedInUser user, @PathVariable long loanId) {
        Borrower me = me(user).orElseThrow(MyLibraryPages::notFound);
        LoanView loan = circulation.loan(loanId).filter(l -> l.patronId() == me.id())
                .orElseThrow(MyLibraryPages::notFound);
        RenewalResult result = circulation.renew(loan.barcode(), user.username(), null);
        if (result instanceof RenewalResult.Refused refusedRenewal) {
            return HoldScope.seeOther(HOME + "?refused=" + refusedRenewal.reason().name());
        }
        return HoldScope.seeOther(HOME + "?renewed=" + loanId);
    }

    @PostMapping(HOME + "/holds/{holdId}/cancel")
    @Allowed(Permission.OWN_BORROWING)
    ModelAndView cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long holdId) {
        Borrower me = me(user).orElseThrow(MyLibraryPages::notFound);
        holds.hold(holdId).filter(h -> h.patronId() == me.id()).orElseThrow(MyLibraryPages::notFound);
        holds.cancel(holdId, user.username());
        return HoldScope.seeOther(HOME + "?cancelled");
    }

    /**
     * Places a hold on a title for the signed-in patron, for pickup at their home school; a teacher may give a
     * date range, making it a reservation. Answers with the place in line or why not: an htmx request gets the
     * answer alone (200, so htmx shows it), a plain form post the answer on a page (409 when refused).
     */
    @PostMapping("/catalog/records/{recordId}/hold")
    @Allowed(Permission.OWN_BORROWING)
    ModelAndView placeHold(@AuthenticationPrincipal SignedInUser user, @PathVariable long recordId,
                           @RequestParam(defaultValue = "") String neededFrom,
                           @RequestParam(defaultValue = "") String neededUntil,
                           @RequestHeader(name = "HX-Request", required = false) String htmx) {
        RecordView record = catalog.record(recordId).orElseThrow(MyLibraryPages::notFound);
        Optional<Borrower> me = me(user);
        Map<String, String> errors = new LinkedHashMap<>();
        HoldDates dates = HoldDates.read(null, neededFrom, neededUntil, HoldScope.today(district, clock), errors);
        if (dates.reservation() && me.isPresent() && me.get().type() != PatronType.TEACHER) {
            errors.putIfAbsent("neededFrom", "circulation.holds.reserve.teachersOnly");
        }
        String message;
        int position = 0;
        if (me.isEmpty()) {
            message = "circulation.self.notLinked";
        } else if (!errors.isEmpty()) {
            message = errors.values().iterator().next();
        } else {
            HoldResult result = holds.place(new HoldRequest(me.get().id(), recordId, null, me.get().schoolId(),
                    dates.neededFrom(), dates.neededUntil(), null, user.username(), null));
            if (result instanceof HoldResult.Placed placed) {
                position = placed.position();
                message = dates.reservation() ? "circulation.self.reserved" : "circulation.self.placed";
            } else {
                message = ((HoldResult.Refused) result).reason().messageKey();
            }
        }
        ModelAndView view = new ModelAndView(htmx != null ? "circulation/hold-answer" : "circulation/hold-placed");
        view.addObject("record", record);
        view.addObject("message", message);
        view.addObject("position", position);
        view.addObject("ok", position > 0);
        view.addObject("from", dates.neededFrom());
        view.addObject("until", dates.neededUntil());
        if (htmx == null && position == 0) {
            view.setStatus(errors.isEmpty() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return view;
    }

    private List<HoldLines.MyHold> myHolds(long patronId) {
        List<HoldView> mine = holds.ofPatron(patronId);
        Map<Long, String> titles = new LinkedHashMap<>();
        catalog.records(mine.stream().map(HoldView::recordId).distinct().toList())
                .forEach(r -> titles.put(r.id(), r.description().title() == null ? "" : r.description().title()));
        Map<Long, String> schoolNames = LoanScope.schoolNames(district);
        LocalDate today = HoldScope.today(district, clock);
        Map<Long, Integer> positions = holds.positions(patronId);
        List<HoldLines.MyHold> lines = new ArrayList<>();
        for (HoldView hold : mine) {
            lines.add(new HoldLines.MyHold(hold, titles.getOrDefault(hold.recordId(), ""),
                    positions.getOrDefault(hold.id(), 0),
                    schoolNames.getOrDefault(hold.pickupSchoolId(), ""), hold.suspendedOn(today)));
        }
        return lines;
    }

    /** The patron the signed-in account borrows as (none for an API token or an account without a card). */
    private Optional<Borrower> me(SignedInUser user) {
        return user == null || user.accountId() == null ? Optional.empty() : patrons.byAccount(user.accountId());
    }

    private static Refusal refusal(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Refusal.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
