package org.carrel.patrons.web;

import java.util.List;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.HomeroomView;
import org.carrel.patrons.PatronForm;
import org.carrel.patrons.PatronPins;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.PatronView;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;
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
 * Staff patron pages: find a patron (everyone at the desk), the patron's page (personal data, audited, with links
 * to merge a duplicate and, for district admins, to export or erase the patron's records), the patron form (with the
 * sign-in account), status and blocks, and homeroom lists.
 */
@Controller
class PatronPages {

    private final Patrons patrons;
    private final District district;
    private final PatronPins pins;

    PatronPages(Patrons patrons, District district, PatronPins pins) {
        this.patrons = patrons;
        this.district = district;
        this.pins = pins;
    }

    @GetMapping("/staff/patrons")
    @Allowed(Permission.PATRON_LOOKUP)
    ModelAndView find(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q) {
        ModelAndView view = new ModelAndView("patrons/find");
        List<PatronSummary> found = patrons.find(q, null, Patrons.MAX_FOUND);
        view.addObject("query", q.strip());
        view.addObject("found", found);
        view.addObject("schoolNames", PatronScope.schoolNames(district));
        view.addObject("viewable", found.stream().filter(p -> PatronScope.mayView(user, p.schoolId()))
                .map(PatronSummary::id).toList());
        view.addObject("canAdd", user.has(Permission.PATRON_EDIT));
        view.addObject("canSeeHomerooms", user.has(Permission.PATRON_VIEW));
        view.addObject("printable", found.stream().filter(p -> PatronScope.mayEdit(user, p.schoolId()))
                .map(PatronSummary::id).toList());
        view.addObject("canManageRoster", user.has(Permission.ROSTER_MANAGE));
        view.addObject("homerooms", user.has(Permission.PATRON_VIEW) ? patrons.homeroomsNamed(q).stream()
                .filter(h -> user.actsFor(h.schoolId())).toList() : List.of());
        return view;
    }

    @GetMapping("/staff/patrons/new")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView newPatron(@AuthenticationPrincipal SignedInUser user) {
        return form(user, null, PatronForm.empty(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/patrons")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView create(@AuthenticationPrincipal SignedInUser user, @ModelAttribute PatronForm form) {
        district.school(form.school() == null ? "" : form.school().strip())
                .ifPresent(school -> PatronScope.requireEdit(user, school.id()));
        PatronsResult result = patrons.create(form, user.username());
        if (result instanceof PatronsResult.Saved saved) {
            return new ModelAndView("redirect:/staff/patrons/" + saved.id() + "?saved");
        }
        return form(user, null, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/staff/patrons/{id}")
    @Allowed(Permission.PATRON_VIEW)
    ModelAndView show(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                      @RequestParam(required = false) String saved, @RequestParam(required = false) String merged,
                      @RequestParam(required = false) String erased) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireView(user, summary.schoolId());
        PatronView patron = patrons.view(id, user.username()).orElseThrow();
        ModelAndView view = new ModelAndView("patrons/patron");
        view.addObject("patron", patron);
        view.addObject("schoolName", PatronScope.schoolNames(district).getOrDefault(patron.schoolId(), ""));
        view.addObject("canEdit", PatronScope.mayEdit(user, patron.schoolId()) && !patron.erased());
        view.addObject("saved", saved != null);
        view.addObject("merged", merged != null);
        view.addObject("erased", erased != null);
        view.addObject("canRecords", user.has(Permission.PATRON_RECORDS) && user.actsFor(patron.schoolId()));
        // A plain link: the circulation pages check their own permission (patrons does not call circulation).
        view.addObject("canSeeLoans", user.has(Permission.LOANS_VIEW) && user.actsFor(patron.schoolId()));
        view.addObject("hasPin", pins.has(id));
        return view;
    }

    @GetMapping("/staff/patrons/{id}/edit")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, summary.schoolId());
        PatronView patron = patrons.view(id, user.username()).orElseThrow();
        String code = district.school(patron.schoolId()).map(SchoolView::code).orElse("");
        return form(user, patron, PatronForm.of(patron, code), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/patrons/{id}")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView update(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @ModelAttribute PatronForm form) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, summary.schoolId());
        district.school(form.school() == null ? "" : form.school().strip())
                .ifPresent(school -> PatronScope.requireEdit(user, school.id()));
        PatronsResult result = patrons.update(id, form, user.username());
        if (result.saved()) {
            return new ModelAndView("redirect:/staff/patrons/" + id + "?saved");
        }
        PatronView patron = patrons.view(id, user.username()).orElseThrow();
        return form(user, patron, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @PostMapping("/staff/patrons/{id}/status")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView status(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @RequestParam String status) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, summary.schoolId());
        PatronStatus wanted;
        try {
            wanted = PatronStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no status " + status);
        }
        patrons.setStatus(id, wanted, user.username());
        return new ModelAndView("redirect:/staff/patrons/" + id + "?saved");
    }

    @PostMapping("/staff/patrons/{id}/blocks")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView block(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "") String reason) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, summary.schoolId());
        PatronsResult result = patrons.block(id, reason, user.username());
        if (result.saved()) {
            return new ModelAndView("redirect:/staff/patrons/" + id + "?saved");
        }
        return withErrors(user, id, "blockErrors", result.errors());
    }

    /** Sets the patron's PIN for self-check stations, or removes it ({@code clear}). */
    @PostMapping("/staff/patrons/{id}/pin")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView pin(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                     @RequestParam(defaultValue = "") String pin, @RequestParam(required = false) String clear) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, summary.schoolId());
        if (clear != null) {
            pins.clear(id, user.username());
            return new ModelAndView("redirect:/staff/patrons/" + id + "?saved");
        }
        PatronsResult result = pins.set(id, pin, user.username());
        if (result.saved()) {
            return new ModelAndView("redirect:/staff/patrons/" + id + "?saved");
        }
        return withErrors(user, id, "pinErrors", result.errors());
    }

    /** The patron's page again, with the mistakes of one of its forms ({@code errorsName}), as a 422. */
    private ModelAndView withErrors(SignedInUser user, long id, String errorsName, FormErrors errors) {
        PatronView patron = patrons.view(id, user.username()).orElseThrow();
        ModelAndView view = new ModelAndView("patrons/patron");
        view.addObject("patron", patron);
        view.addObject("schoolName", PatronScope.schoolNames(district).getOrDefault(patron.schoolId(), ""));
        view.addObject("canEdit", true);
        view.addObject("hasPin", pins.has(id));
        view.addObject(errorsName, errors);
        view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return view;
    }

    @PostMapping("/staff/patrons/{id}/blocks/{blockId}/lift")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView lift(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long blockId) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, summary.schoolId());
        if (!patrons.liftBlock(id, blockId, user.username())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new ModelAndView("redirect:/staff/patrons/" + id + "?saved");
    }

    @GetMapping("/staff/homerooms")
    @Allowed(Permission.PATRON_VIEW)
    ModelAndView homerooms(@AuthenticationPrincipal SignedInUser user) {
        ModelAndView view = new ModelAndView("patrons/homerooms");
        view.addObject("homerooms", patrons.homerooms(null).stream()
                .filter(h -> user.actsFor(h.schoolId())).toList());
        view.addObject("schoolNames", PatronScope.schoolNames(district));
        return view;
    }

    @GetMapping("/staff/homerooms/{id}")
    @Allowed(Permission.PATRON_VIEW)
    ModelAndView homeroom(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        HomeroomView homeroom = patrons.homeroom(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PatronScope.requireView(user, homeroom.schoolId());
        String school = PatronScope.schoolNames(district).getOrDefault(homeroom.schoolId(), "");
        return CardPages.homeroomPage(user, homeroom, patrons, school, null);
    }

    private ModelAndView form(SignedInUser user, PatronView patron, PatronForm form, FormErrors errors,
                              HttpStatus status) {
        ModelAndView view = new ModelAndView("patrons/patron-form");
        view.addObject("patron", patron);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("types", PatronType.values());
        view.addObject("schools", district.schools().stream().filter(s -> user.actsFor(s.id())).toList());
        view.setStatus(status);
        return view;
    }
}
