package org.carrel.accounts;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page and a person's own account page (password change). Sign-in itself is Spring Security's. */
@Controller
class SignInPages {

    record PasswordChange(@NotBlank(message = "{form.required}") String currentPassword,
                          @NotBlank(message = "{form.required}") String newPassword,
                          @NotBlank(message = "{form.required}") String confirmPassword) {
    }

    private final Accounts accounts;

    SignInPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    @PublicEndpoint
    ModelAndView signIn(@RequestParam Map<String, String> params) {
        return signInPage(params);
    }

    /** The sign-in page's model; the home page shows the same page to visitors who have not signed in. */
    static ModelAndView signInPage(Map<String, String> params) {
        String message = params.containsKey("throttled") ? "accounts.signin.throttled"
                : params.containsKey("disabled") ? "accounts.signin.disabled"
                : params.containsKey("error") ? "accounts.signin.failed" : null;
        String notice = params.containsKey("signedOut") ? "accounts.signin.signedOut" : null;
        ModelAndView view = new ModelAndView("accounts/signin");
        view.addObject("error", message);
        view.addObject("notice", notice);
        return view;
    }

    @GetMapping("/account")
    @Allowed(Permission.OWN_ACCOUNT)
    ModelAndView account(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String saved) {
        return accountPage(user, FormErrors.NONE, saved != null, HttpStatus.OK);
    }

    @PostMapping("/account/password")
    @Allowed(Permission.OWN_ACCOUNT)
    ModelAndView changePassword(@AuthenticationPrincipal SignedInUser user,
                                @Valid @ModelAttribute PasswordChange form, BindingResult binding) {
        if (user.isApiToken()) {
            return accountPage(user, FormErrors.of("", "accounts.password.notForTokens"), false,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (binding.hasErrors()) {
            return accountPage(user, FormErrors.of(binding), false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (!form.newPassword().equals(form.confirmPassword())) {
            return accountPage(user, FormErrors.of("confirmPassword", "accounts.password.mismatch"), false,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        AccountResult result = accounts.changePassword(user.accountId(), form.currentPassword(), form.newPassword());
        if (result instanceof AccountResult.Invalid invalid) {
            return accountPage(user, invalid.errors(), false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:/account?saved");
    }

    private static ModelAndView accountPage(SignedInUser user, FormErrors errors, boolean saved, HttpStatus status) {
        ModelAndView view = new ModelAndView("accounts/account");
        view.addObject("errors", errors);
        view.addObject("saved", saved);
        view.setStatus(status);
        return view;
    }
}
