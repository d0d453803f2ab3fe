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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The district page: its settings for everyone with district access, the settings form for district editors. */
@Controller
class DistrictPages {

    private final District district;

    DistrictPages(District district) {
        this.district = district;
    }

    @GetMapping("/staff/district")
    @Allowed(Permission.DISTRICT_VIEW)
    ModelAndView show(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String saved) {
        DistrictSettings settings = district.settings();
        return page(user, settings, DistrictForm.of(settings), FormErrors.NONE, saved != null, HttpStatus.OK);
    }

    @PostMapping("/staff/district")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView update(@AuthenticationPrincipal SignedInUser user, @ModelAttribute DistrictForm form) {
        DistrictResult result = district.updateSettings(form, user.username());
        if (result.saved()) {
            return new ModelAndView("redirect:/staff/district?saved");
        }
        return page(user, district.settings(), form, result.errors(), false, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private static ModelAndView page(SignedInUser user, DistrictSettings settings, DistrictForm form,
                                     FormErrors errors, boolean saved, HttpStatus status) {
        ModelAndView view = new ModelAndView("district/district");
        view.addObject("settings", settings);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("canEdit", user.has(Permission.DISTRICT_EDIT));
        view.addObject("saved", saved);
        view.setStatus(status);
        return view;
    }
}
