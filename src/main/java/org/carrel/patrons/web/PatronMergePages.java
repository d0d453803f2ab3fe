package org.carrel.patrons.web;

import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.PatronView;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Merging a duplicate into a patron (PATRON_EDIT, acting for both patrons' schools): choose the duplicate by
 * barcode, see both side by side (both reads audited), confirm. The confirmation names the duplicate by id.
 */
@Controller
class PatronMergePages {

    private final Patrons patrons;
    private final District district;

    PatronMergePages(Patrons patrons, District district) {
        this.patrons = patrons;
        this.district = district;
    }

    @GetMapping("/staff/patrons/{id}/merge")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView choose(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @RequestParam(defaultValue = "") String duplicate) {
        PatronSummary kept = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, kept.schoolId());
        if (duplicate.isBlank()) {
            return page(user, kept, null, duplicate, FormErrors.NONE, HttpStatus.OK);
        }
        Optional<PatronSummary> found = patrons.byBarcode(duplicate);
        String refusal = found.isEmpty() ? "patrons.merge.unknown" : refusal(user, kept, found.get());
        if (refusal != null) {
            return page(user, kept, null, duplicate, FormErrors.of("duplicate", refusal),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return page(user, kept, found.get(), duplicate, FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/patrons/{id}/merge")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView merge(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "") String duplicateId) {
        PatronSummary kept = PatronScope.patron(patrons, id);
        PatronScope.requireEdit(user, kept.schoolId());
        Optional<PatronSummary> duplicate = duplicateId.strip().matches("\\d{1,18}")
                ? patrons.summary(Long.parseLong(duplicateId.strip())) : Optional.empty();
        String refusal = duplicate.isEmpty() ? "patrons.merge.unknown" : refusal(user, kept, duplicate.get());
        if (refusal != null) {
            return page(user, kept, null, "", FormErrors.of("duplicate", refusal), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        PatronsResult result = patrons.merge(id, duplicate.get().id(), user.username());
        if (result.saved()) {
            return new ModelAndView("redirect:/staff/patrons/" + id + "?merged");
        }
        return page(user, kept, null, duplicate.get().barcode(), result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Refusals the page can tell before the facade: the duplicate's school, the patron itself, the type. */
    private static String refusal(SignedInUser user, PatronSummary kept, PatronSummary duplicate) {
        if (!PatronScope.mayEdit(user, duplicate.schoolId())) {
            return "patrons.merge.otherSchool";
        }
        if (duplicate.id() == kept.id()) {
            return "patrons.merge.self";
        }
        if (duplicate.type() != kept.type()) {
            return "patrons.merge.differentTypes";
        }
        return null;
    }

    private ModelAndView page(SignedInUser user, PatronSummary kept, PatronSummary duplicate, String barcode,
                              FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("patrons/merge");
        view.addObject("kept", kept);
        view.addObject("keptView", duplicate == null ? null : patrons.view(kept.id(), user.username()).orElseThrow());
        view.addObject("duplicate", duplicate == null ? null
                : patrons.view(duplicate.id(), user.username()).orElseThrow());
        view.addObject("barcode", barcode.strip());
        view.addObject("errors", errors);
        view.addObject("schoolNames", PatronScope.schoolNames(district));
        view.setStatus(status);
        return view;
    }
}
