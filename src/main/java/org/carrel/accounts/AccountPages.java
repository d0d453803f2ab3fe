package org.carrel.accounts;

import java.util.Map;

import jakarta.validation.Valid;

import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** District admins create sign-in accounts, give them a role and the schools they act for, and reset passwords. */
@Controller
@RequestMapping("/staff/accounts")
@Allowed(Permission.ACCOUNTS_MANAGE)
class AccountPages {

    private final Accounts accounts;
    private final SchoolDirectory schools;

    AccountPages(Accounts accounts, SchoolDirectory schools) {
        this.accounts = accounts;
        this.schools = schools;
    }

    @GetMapping
    ModelAndView list() {
        return new ModelAndView("accounts/list", Map.of("accounts", accounts.all(), "schoolNames", schoolNames()));
    }

    @GetMapping("/new")
    ModelAndView newAccount() {
        return form(null, new AccountForm("", "", Role.LIBRARIAN, null, true, "", null), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@Valid @ModelAttribute AccountForm form, BindingResult binding,
                        @AuthenticationPrincipal SignedInUser user) {
        if (binding.hasErrors()) {
            return form(null, form, FormErrors.of(binding), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        AccountResult result = accounts.create(form, user.username());
        if (result instanceof AccountResult.Invalid invalid) {
            return form(null, form, invalid.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/staff/accounts?saved");
    }

    @GetMapping("/{id}")
    ModelAndView edit(@PathVariable long id) {
        AccountView account = accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(account, AccountForm.of(account), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/{id}")
    ModelAndView update(@PathVariable long id, @Valid @ModelAttribute AccountForm form, BindingResult binding,
                        @AuthenticationPrincipal SignedInUser user) {
        AccountView account = accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The user name is not editable: it is what audit entries name.
        AccountForm submitted = new AccountForm(account.username(), form.displayName(), form.role(), form.schoolIds(),
                form.enabled() != null && form.enabled(), form.password(), form.version());
        // The user name is not part of the edit form, so its "required" error does not apply.
        FormErrors errors = FormErrors.of(binding).without("username");
        if (errors.any()) {
            return form(account, submitted, errors, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        boolean self = Long.valueOf(account.id()).equals(user.accountId()); // an API token has no account
        if (self && (submitted.role() != Role.DISTRICT_ADMIN || !submitted.enabled())) {
            return form(account, submitted, FormErrors.of("role", "accounts.account.notSelf"),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        AccountResult result = accounts.update(id, submitted, user.username());
        if (result instanceof AccountResult.Invalid invalid) {
            return form(account, submitted, invalid.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/staff/accounts?saved");
    }

    private ModelAndView form(AccountView account, AccountForm form, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("accounts/edit");
        view.addObject("account", account);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("roles", Role.values());
        view.addObject("schoolNames", schoolNames());
        view.setStatus(status);
        return view;
    }

    private Map<Long, String> schoolNames() {
        return schools.schoolNames();
    }
}
