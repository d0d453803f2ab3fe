package org.carrel.web;

import java.util.Map;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.PublicEndpoint;
import org.carrel.accounts.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The front door: sign-in for visitors, the right home for each role, the staff dashboard. The public catalogue is the search module's. */
@Controller
class HomePages {

    @GetMapping("/")
    @PublicEndpoint
    ModelAndView home(@AuthenticationPrincipal SignedInUser user) {
        if (user == null) {
            return new ModelAndView("accounts/signin", Map.of());
        }
        return new ModelAndView(user.has(Permission.STAFF_AREA) ? "redirect:/staff" : "redirect:/account");
    }

    @GetMapping("/staff")
    @Allowed(Permission.STAFF_AREA)
    String dashboard() {
        return "web/dashboard";
    }
}
