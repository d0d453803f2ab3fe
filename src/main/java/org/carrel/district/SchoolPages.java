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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/** The school list, a school's page (details, locations, calendar), and the school form for district editors. */
@Controller
class SchoolPages {

    private final District district;

    SchoolPages(District district) {
        this.district = district;
    }

    @GetMapping("/staff/schools")
    @Allowed(Permission.DISTRICT_VIEW)
    ModelAndView list(@AuthenticationPrincipal SignedInUser user) {
        ModelAndView view = new ModelAndView("district/schools");
        view.addObject("schools", district.schools());
        view.addObject("canEdit", user.has(Permission.DISTRICT_EDIT));
        return view;
    }

    @GetMapping("/staff/schools/new")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView newSchool() {
        return form(null, SchoolForm.empty(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/schools")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView create(@AuthenticationPrincipal SignedInUser user, @ModelAttribute SchoolForm form) {
        DistrictResult result = district.createSchool(form, user.username());
        if (result.saved()) {
            return redirectTo(SchoolRules.normaliseCode(form.code()));
        }
        return form(null, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/staff/schools/{code}")
    @Allowed(Permission.DISTRICT_VIEW)
    ModelAndView show(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                      @RequestParam(required = false) String saved) {
        SchoolView school = SchoolScope.school(district, code);
        ModelAndView view = new ModelAndView("district/school");
        view.addObject("school", school);
        view.addObject("locations", district.locations(school.id()));
        view.addObject("calendar", district.calendar(school.id()));
        view.addObject("canEditSchool", user.has(Permission.DISTRICT_EDIT));
        view.addObject("canEditLibrary", SchoolScope.mayEdit(school, user));
        view.addObject("saved", saved != null);
        return view;
    }

    @GetMapping("/staff/schools/{code}/edit")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView edit(@PathVariable String code) {
        SchoolView school = SchoolScope.school(district, code);
        return form(school, SchoolForm.of(school), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/schools/{code}")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView update(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                        @ModelAttribute SchoolForm form) {
        SchoolView school = SchoolScope.school(district, code);
        DistrictResult result = district.updateSchool(school.id(), form, user.username());
        if (result.saved()) {
            return redirectTo(SchoolRules.normaliseCode(form.code()));
        }
        return form(school, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    static ModelAndView redirectTo(String code) {
        return new ModelAndView("redirect:/staff/schools/" + UriUtils.encodePathSegment(code, "UTF-8") + "?saved");
    }

    private static ModelAndView form(SchoolView school, SchoolForm form, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("district/school-form");
        view.addObject("school", school);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("levels", SchoolLevel.values());
        view.setStatus(status);
        return view;
    }
}
