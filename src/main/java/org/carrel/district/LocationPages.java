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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Adding, editing and removing a school library's locations: SCHOOL_EDIT for a school one acts for. */
@Controller
class LocationPages {

    private final District district;

    LocationPages(District district) {
        this.district = district;
    }

    @GetMapping("/staff/schools/{code}/locations/new")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView newLocation(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        SchoolView school = SchoolScope.editable(district, code, user);
        return form(school, null, LocationForm.empty(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/schools/{code}/locations")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView add(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
                     @ModelAttribute LocationForm form) {
        SchoolView school = SchoolScope.editable(district, code, user);
        DistrictResult result = district.addLocation(school.id(), form, user.username());
        return result.saved() ? SchoolPages.redirectTo(school.code())
                : form(school, null, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/staff/schools/{code}/locations/{id}")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView edit(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable long id) {
        SchoolView school = SchoolScope.editable(district, code, user);
        LocationView location = location(school, id);
        return form(school, location, LocationForm.of(location), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/schools/{code}/locations/{id}")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView update(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable long id,
                        @ModelAttribute LocationForm form) {
        SchoolView school = SchoolScope.editable(district, code, user);
        LocationView location = location(school, id);
        DistrictResult result = district.updateLocation(school.id(), id, form, user.username());
        return result.saved() ? SchoolPages.redirectTo(school.code())
                : form(school, location, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @PostMapping("/staff/schools/{code}/locations/{id}/remove")
    @Allowed(Permission.SCHOOL_EDIT)
    ModelAndView remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable long id) {
        SchoolView school = SchoolScope.editable(district, code, user);
        LocationView location = location(school, id);
        DistrictResult result = district.removeLocation(school.id(), id, user.username())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return result.saved() ? SchoolPages.redirectTo(school.code())
                : form(school, location, LocationForm.of(location), result.errors(), HttpStatus.CONFLICT);
    }

    private LocationView location(SchoolView school, long id) {
        return district.location(school.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ModelAndView form(SchoolView school, LocationView location, LocationForm form, FormErrors errors,
                                     HttpStatus status) {
        ModelAndView view = new ModelAndView("district/location-form");
        view.addObject("school", school);
        view.addObject("location", location);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }
}
