package org.carrel.circulation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Charges;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Patrons;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bulk forgiveness: every unsettled charge of a school's students in a grade or of a graduation year, waived with one
 * reason. The page previews how many patrons owe on how many charges and how much, then asks for the reason.
 * CHARGES_FORGIVE, for the schools one acts for.
 */
@Controller
class ForgivenessPages {

    private final Charges charges;
    private final Patrons patrons;
    private final District district;

    ForgivenessPages(Charges charges, Patrons patrons, District district) {
        this.charges = charges;
        this.patrons = patrons;
        this.district = district;
    }

    /** Whom a forgiveness reaches, as typed: a school code and a grade or a graduation year. */
    private record Group(SchoolView school, Grade grade, Integer graduationYear) {
    }

    @GetMapping("/staff/circulation/charges/forgive")
    @Allowed(Permission.CHARGES_FORGIVE)
    ModelAndView form(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                      @RequestParam(defaultValue = "") String grade,
                      @RequestParam(defaultValue = "") String graduationYear,
                      @RequestParam(required = false) Integer forgiven) {
        ModelAndView view = page(user, school, grade, graduationYear);
        view.addObject("forgiven", forgiven);
        if (school.isBlank()) {
            return view;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<Group> group = group(user, school, grade, graduationYear, problems);
        if (group.isEmpty()) {
            return invalid(view, problems);
        }
        view.addObject("owing", charges.owing(ids(group.get())));
        return view;
    }

    @PostMapping("/staff/circulation/charges/forgive")
    @Allowed(Permission.CHARGES_FORGIVE)
    ModelAndView forgive(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                         @RequestParam(defaultValue = "") String grade,
                         @RequestParam(defaultValue = "") String graduationYear,
                         @RequestParam(defaultValue = "") String reason) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<Group> group = group(user, school, grade, graduationYear, problems);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            problems.put("reason", why.isEmpty() ? "circulation.charge.reason.required" : "form.tooLong");
        }
        if (!problems.isEmpty()) {
            ModelAndView view = invalid(page(user, school, grade, graduationYear), problems);
            group.ifPresent(g -> view.addObject("owing", charges.owing(ids(g))));
            return view;
        }
        int waived = charges.forgive(ids(group.get()), why, user.username());
        return new ModelAndView("redirect:/staff/circulation/charges/forgive?forgiven=" + waived);
    }

    private List<Long> ids(Group group) {
        return patrons.ids(group.school().id(), group.grade(), group.graduationYear());
    }

    /** The group as typed, or empty with the problems found; 403 for a school the user does not act for. */
    private Optional<Group> group(SignedInUser user, String school, String grade, String graduationYear,
                                  Map<String, String> problems) {
        Optional<SchoolView> found = district.school(school.strip());
        if (found.isEmpty()) {
            problems.put("school", "form.choice.invalid");
        } else if (!user.actsFor(found.get().id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Optional<Grade> level = Grade.parse(grade);
        Integer year = null;
        if (!graduationYear.isBlank()) {
            year = graduationYear.strip().matches("[0-9]{4}") ? Integer.valueOf(graduationYear.strip()) : null;
            if (year == null || year < 1950 || year > 2200) {
                problems.put("graduationYear", "form.number.invalid");
            }
        }
        if (!grade.isBlank() && level.isEmpty()) {
            problems.put("grade", "form.choice.invalid");
        } else if (grade.isBlank() == graduationYear.isBlank()) {
            problems.put("grade", "circulation.forgive.oneOf");
        }
        return problems.isEmpty() ? Optional.of(new Group(found.get(), level.orElse(null), year)) : Optional.empty();
    }

    private ModelAndView page(SignedInUser user, String school, String grade, String graduationYear) {
        ModelAndView view = new ModelAndView("circulation/forgive");
        view.addObject("schools", LoanScope.schools(user, district));
        view.addObject("school", school.strip());
        view.addObject("grade", grade.strip());
        view.addObject("graduationYear", graduationYear.strip());
        view.addObject("errors", FormErrors.NONE);
        return view;
    }

    private static ModelAndView invalid(ModelAndView view, Map<String, String> problems) {
        view.addObject("errors", new FormErrors(problems));
        view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return view;
    }
}
