package org.carrel.accounts;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The audit log, newest first, filtered by actor, record id or action prefix. */
@Controller
@Allowed(Permission.AUDIT_VIEW)
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/staff/audit")
    ModelAndView newest(@RequestParam(name = "q", required = false, defaultValue = "") String filter) {
        String q = filter.length() > 200 ? filter.substring(0, 200) : filter;
        return new ModelAndView("accounts/audit", Map.of("entries", audit.newest(q, 200), "q", q));
    }
}
