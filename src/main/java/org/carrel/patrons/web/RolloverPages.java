package org.carrel.patrons.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.patrons.ChargesChoice;
import org.carrel.patrons.Rollover;
import org.carrel.patrons.RolloverPreview;
import org.carrel.patrons.RolloverResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The year-end rollover wizard for district admins (ROSTER_MANAGE): the receiving-school choices and the preview on
 * one page (a GET form, so changing a choice only shows a new preview), then a POST that applies exactly what was
 * previewed. Choices travel as {@code to-<school id>} parameters, the charges choice as {@code charges}.
 */
@Controller
class RolloverPages {

    private final Rollover rollover;

    RolloverPages(Rollover rollover) {
        this.rollover = rollover;
    }

    @GetMapping("/staff/patrons/rollover")
    @Allowed(Permission.ROSTER_MANAGE)
    ModelAndView show(@RequestParam Map<String, String> params) {
        ChargesChoice charges = params.containsKey("charges") ? ChargesChoice.parse(params.get("charges"))
                : ChargesChoice.KEEP;
        return page(rollover.preview(choices(params), charges), List.of(), params.containsKey("applied"),
                HttpStatus.OK);
    }

    @PostMapping("/staff/patrons/rollover")
    @Allowed(Permission.ROSTER_MANAGE)
    ModelAndView apply(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params) {
        Map<Long, String> choices = choices(params);
        ChargesChoice charges = ChargesChoice.parse(params.get("charges"));
        RolloverResult result = rollover.apply(choices, charges, params.getOrDefault("fingerprint", ""),
                user.username());
        if (result instanceof RolloverResult.Applied) {
            return new ModelAndView("redirect:/staff/patrons/rollover?applied");
        }
        return page(rollover.preview(choices, charges), ((RolloverResult.Refused) result).reasons(), false,
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView page(RolloverPreview preview, List<RolloverPreview.Notice> refusals,
                              boolean justApplied, HttpStatus status) {
        ModelAndView view = new ModelAndView("patrons/rollover");
        view.addObject("checksLoans", rollover.checksLoansAndCharges());
        view.addObject("preview", preview);
        view.addObject("refusals", refusals);
        view.addObject("justApplied", justApplied && preview.applied() != null);
        view.addObject("charges", ChargesChoice.values());
        view.setStatus(status);
        return view;
    }

    /** The {@code to-<school id>} parameters; others are ignored. */
    private static Map<Long, String> choices(Map<String, String> params) {
        Map<Long, String> choices = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.matches("to-\\d{1,18}")) {
                choices.put(Long.parseLong(name.substring(3)), value);
            }
        });
        return choices;
    }
}
