package org.carrel.district;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
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
 * A school's calendar page: the school year's first and last day, its terms and closed days. SCHOOL_EDIT for a
 * school one acts for; each form posts on its own and comes back here.
 */
@Controller
class CalendarPages {

    private final District district;

    CalendarPages(District district) {
        this.district = district;
    }

    @GetMapping("/staff/schools/{code}/calendar")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView show(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                      @RequestParam(required = false) String saved) {
        SchoolView school = SchoolScope.editable(district, code, user);
        CalendarView calendar = district.calendar(school.id());
        return page(school, calendar, SchoolYearForm.of(calendar.year()), TermForm.empty(), ClosedDayForm.empty(),
                FormErrors.NONE, saved != null);
    }

    @PostMapping("/staff/schools/{code}/school-year")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView setYear(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                         @ModelAttribute SchoolYearForm form) {
        SchoolView school = SchoolScope.editable(district, code, user);
        DistrictResult result = district.setSchoolYear(school.id(), form, user.username());
        if (result.saved()) {
            return redirect(school);
        }
        return page(school, district.calendar(school.id()), form, TermForm.empty(), ClosedDayForm.empty(),
                result.errors(), false);
    }

    @PostMapping("/staff/schools/{code}/terms")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView addTerm(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                         @ModelAttribute TermForm form) {
        SchoolView school = SchoolScope.editable(district, code, user);
        DistrictResult result = district.addTerm(school.id(), form, user.username());
        if (result.saved()) {
            return redirect(school);
        }
        CalendarView calendar = district.calendar(school.id());
        return page(school, calendar, SchoolYearForm.of(calendar.year()), form, ClosedDayForm.empty(), result.errors(),
                false);
    }

    @PostMapping("/staff/schools/{code}/terms/{id}/remove")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView removeTerm(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                            @PathVariable long id) {
        SchoolView school = SchoolScope.editable(district, code, user);
        if (!district.removeTerm(school.id(), id, user.username())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return redirect(school);
    }

    @PostMapping("/staff/schools/{code}/closed-days")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView addClosedDay(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                              @ModelAttribute ClosedDayForm form) {
        SchoolView school = SchoolScope.editable(district, code, user);
        DistrictResult result = district.addClosedDay(school.id(), form, user.username());
        if (result.saved()) {
            return redirect(school);
        }
        CalendarView calendar = district.calendar(school.id());
        return page(school, calendar, SchoolYearForm.of(calendar.year()), TermForm.empty(), form, result.errors(),
                false);
    }

    @PostMapping("/staff/schools/{code}/closed-days/{id}/remove")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView removeClosedDay(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                                 @PathVariable long id) {
        SchoolView school = SchoolScope.editable(district, code, user);
        if (!district.removeClosedDay(school.id(), id, user.username())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return redirect(school);
    }

    private static ModelAndView redirect(SchoolView school) {
        return new ModelAndView("redirect:/staff/schools/" + school.code() + "/calendar?saved");
    }

    private static ModelAndView page(SchoolView school, CalendarView calendar, SchoolYearForm year, TermForm term,
                                     ClosedDayForm closed, FormErrors errors, boolean saved) {
        ModelAndView view = new ModelAndView("district/calendar");
        view.addObject("school", school);
        view.addObject("calendar", calendar);
        view.addObject("yearForm", year);
        view.addObject("termForm", term);
        view.addObject("closedForm", closed);
        view.addObject("errors", errors);
        view.addObject("saved", saved);
        view.setStatus(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        return view;
    }
}
