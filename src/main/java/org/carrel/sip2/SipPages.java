package org.carrel.sip2;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * District admins manage SIP2 terminal accounts and see the server: whether it listens, the terminals connected now
 * with their last message, and the recent protocol errors.
 */
@Controller
@RequestMapping("/staff/sip2")
@Allowed(Permission.SIP2_MANAGE)
public class SipPages {

    /** The new-terminal form. */
    public record TerminalForm(String login, String password, String school, String allowFrom) {
    }

    private final SipTerminals terminals;
    private final SipServer server;
    private final District district;

    SipPages(SipTerminals terminals, SipServer server, District district) {
        this.terminals = terminals;
        this.server = server;
        this.district = district;
    }

    @GetMapping
    ModelAndView page() {
        return page(new TerminalForm("", "", "", ""), FormErrors.NONE, List.of(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@ModelAttribute TerminalForm form, @AuthenticationPrincipal SignedInUser user) {
        SipTerminals.Created created = terminals.create(form.login(), form.password(), form.school(),
                form.allowFrom(), user.username());
        if (created.problem() != null) {
            return page(new TerminalForm(form.login(), "", form.school(), form.allowFrom()),
                    FormErrors.of(created.field(), created.problem()), created.args(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/staff/sip2?created");
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        terminals.delete(id, user.username());
        return new ModelAndView("redirect:/staff/sip2");
    }

    /** A moment as the district's clock reads it, to the second. */
    public static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    private ModelAndView page(TerminalForm form, FormErrors errors, List<Object> errorArgs, HttpStatus status) {
        ModelAndView view = new ModelAndView("sip2/terminals", Map.of("terminals", terminals.all(),
                "connections", server.connections(), "errorNotes", server.recentErrors(), "port", server.localPort(),
                "tls", server.tls(), "schools", district.schools(), "errors", errors, "errorArgs", errorArgs,
                "zone", district.zone()));
        view.addObject("form", form);
        view.setStatus(status);
        return view;
    }
}
