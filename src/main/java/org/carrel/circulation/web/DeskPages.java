package org.carrel.circulation.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Refusal;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The circulation desk, built for barcode scanners: scan a patron's card, then copies; switch to check-in, renewal
 * or in-library use on the same page. Every scan posts a form; with htmx ({@code HX-Request}) the answer comes back
 * as a fragment for the live region (with the patron panel swapped out of band), without JavaScript as the whole
 * page. Staff act at the desk's school, which they must act for.
 */
@Controller
class DeskPages {

    static final String PATH = "/staff/circulation/desk";

    private final DeskActs acts;
    private final DeskView views;
    private final Patrons patrons;

    DeskPages(DeskActs acts, DeskView views, Patrons patrons) {
        this.acts = acts;
        this.views = views;
        this.patrons = patrons;
    }

    @GetMapping(PATH)
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView desk(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String mode,
                      HttpSession session) {
        return views.page(user, DeskState.of(session), DeskMode.of(mode), null, HttpStatus.OK);
    }

    /** Chooses the desk's school among those the user acts for; remembered for this session. */
    @PostMapping(PATH + "/school")
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView school(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long school,
                        @RequestParam(defaultValue = "") String mode, HttpSession session) {
        DeskState desk = DeskState.of(session);
        if (school == null) {
            return views.page(user, desk, DeskMode.of(mode), DeskAnswer.note("circulation.desk.chooseSchool"),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (views.schools(user).stream().noneMatch(s -> s.id() == school)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        desk.school(school);
        return seeOther(PATH + "?mode=" + DeskMode.of(mode).param());
    }

    /** One scan in the page's mode: a patron's card or a copy to check out, or a copy to check in, renew or count. */
    @PostMapping(PATH + "/scan")
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView scan(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String mode,
                      @RequestParam(defaultValue = "") String barcode,
                      @RequestHeader(name = "HX-Request", required = false) String htmx, HttpSession session) {
        DeskState desk = DeskState.of(session);
        DeskMode chosen = DeskMode.of(mode);
        Optional<SchoolView> school = views.school(user, desk);
        if (school.isEmpty() || barcode.isBlank()) {
            DeskAnswer problem = DeskAnswer.note(school.isEmpty() ? "circulation.desk.chooseSchool"
                    : "circulation.desk.barcode.required");
            return answer(user, desk, chosen, problem, false, htmx, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Long before = desk.patronId();
        DeskAnswer answer = acts.scan(user, desk, school.get().id(), chosen, barcode.strip());
        boolean loansChanged = !Objects.equals(before, desk.patronId()) || chosen == DeskMode.RENEW;
        return answer(user, desk, chosen, answer, loansChanged, htmx, HttpStatus.OK);
    }

    /**
     * Goes past an overridable refusal with a reason (audited by circulation): checks the copy out to the desk's
     * patron again, or renews it. Only staff with the override permission reach this; a reason sent to
     * {@link #scan} is never passed on.
     */
    @PostMapping(PATH + "/override")
    @Allowed(Permission.CIRCULATION_OVERRIDE)
    ModelAndView override(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String mode,
                          @RequestParam(defaultValue = "") String barcode,
                          @RequestParam(defaultValue = "") String reason,
                          @RequestParam(required = false) String refusal,
                          @RequestHeader(name = "HX-Request", required = false) String htmx, HttpSession session) {
        DeskState desk = DeskState.of(session);
        DeskMode chosen = DeskMode.of(mode) == DeskMode.RENEW ? DeskMode.RENEW : DeskMode.CHECKOUT;
        Optional<SchoolView> school = views.school(user, desk);
        if (school.isEmpty() || barcode.isBlank() || chosen == DeskMode.CHECKOUT && desk.patronId() == null) {
            DeskAnswer problem = DeskAnswer.note(school.isEmpty() ? "circulation.desk.chooseSchool"
                    : barcode.isBlank() ? "circulation.desk.barcode.required" : "circulation.desk.patronFirst");
            return answer(user, desk, chosen, problem, false, htmx, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (reason.isBlank()) {
            DeskAnswer missing = new DeskAnswer(DeskAnswer.Kind.REFUSED, DeskAnswer.line(
                    "circulation.desk.override.reasonRequired"), List.of(), null,
                    new DeskAnswer.OverrideOffer(chosen, barcode.strip(), refusal(refusal), true));
            return answer(user, desk, chosen, missing, false, htmx, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String why = reason.strip();
        DeskAnswer answer = chosen == DeskMode.RENEW ? acts.renew(user, desk, barcode.strip(), why)
                : acts.checkout(user, desk, school.get().id(), barcode.strip(), why);
        return answer(user, desk, chosen, answer, chosen == DeskMode.RENEW, htmx, HttpStatus.OK);
    }

    /** Renews every open loan of the desk's patron: for staff who see the loans (the list is read and audited). */
    @PostMapping(PATH + "/renew-all")
    @Allowed(Permission.LOANS_VIEW)
    ModelAndView renewAll(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String mode,
                          @RequestHeader(name = "HX-Request", required = false) String htmx, HttpSession session) {
        DeskState desk = DeskState.of(session);
        DeskMode chosen = DeskMode.of(mode);
        Optional<Borrower> patron = desk.patronId() == null ? Optional.empty() : patrons.borrower(desk.patronId());
        if (patron.isEmpty()) {
            return answer(user, desk, chosen, DeskAnswer.note("circulation.desk.patronFirst"), false, htmx,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (!DeskView.mayViewLoans(user, patron.get().schoolId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        DeskActs.RenewedAll renewed = acts.renewAll(user, desk, patron.get().id());
        if (htmx == null) {
            return views.page(user, desk, chosen, renewed.answer(), HttpStatus.OK);
        }
        return views.update(user, desk, chosen, renewed.answer(), renewed.loans());
    }

    /** Done with this patron: the panel empties, the next scan in check-out mode is the next patron's card. */
    @PostMapping(PATH + "/next-patron")
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView nextPatron(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String mode,
                            @RequestHeader(name = "HX-Request", required = false) String htmx,
                            HttpSession session) {
        DeskState desk = DeskState.of(session);
        desk.patron(null);
        if (htmx == null) {
            return seeOther(PATH + "?mode=" + DeskMode.of(mode).param());
        }
        return views.update(user, desk, DeskMode.of(mode), DeskAnswer.note("circulation.desk.nextPatronReady"),
                true, HttpStatus.OK);
    }

    private ModelAndView answer(SignedInUser user, DeskState desk, DeskMode mode, DeskAnswer answer,
                                boolean loansChanged, String htmx, HttpStatus status) {
        return htmx == null ? views.page(user, desk, mode, answer, status)
                : views.update(user, desk, mode, answer, loansChanged, status);
    }

    /** The refusal an override form was shown for (only to word the form again), or null. */
    private static Refusal refusal(String code) {
        for (Refusal refusal : Refusal.values()) {
            if (refusal.name().equals(code)) {
                return refusal;
            }
        }
        return null;
    }

    /** 303 See Other: after a POST the browser fetches the next page with GET. */
    static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }
}
