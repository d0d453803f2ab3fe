package org.carrel.accounts;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import org.springframework.web.servlet.ModelAndView;

/** District admins create API tokens for scripts (shown once) and revoke them. */
@Controller
@RequestMapping("/staff/api-tokens")
@Allowed(Permission.API_TOKENS_MANAGE)
class ApiTokenPages {

    record TokenForm(@NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}") String name,
                     @NotNull(message = "{accounts.role.required}") Role role,
                     Long schoolId) {
    }

    private final ApiTokens tokens;
    private final SchoolDirectory schools;

    ApiTokenPages(ApiTokens tokens, SchoolDirectory schools) {
        this.tokens = tokens;
        this.schools = schools;
    }

    @GetMapping
    ModelAndView list() {
        return page(new TokenForm("", Role.LIBRARIAN, null), FormErrors.NONE, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@Valid @ModelAttribute TokenForm form, BindingResult binding,
                        @AuthenticationPrincipal SignedInUser user) {
        if (binding.hasErrors()) {
            return page(form, FormErrors.of(binding), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (form.schoolId() != null && !schoolNames().containsKey(form.schoolId())) {
            return page(form, FormErrors.of("schoolId", "accounts.token.unknownSchool"), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ApiTokens.NewToken created = tokens.create(form.name(), form.role(), form.schoolId(), user.username());
        // Shown in this response only; Spring Security's default Cache-Control: no-store keeps it out of caches.
        return page(new TokenForm("", Role.LIBRARIAN, null), FormErrors.NONE, created.token(), HttpStatus.OK);
    }

    @PostMapping("/{id}/revoke")
    ModelAndView revoke(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        tokens.revoke(id, user.username());
        return new ModelAndView("redirect:/staff/api-tokens");
    }

    private ModelAndView page(TokenForm form, FormErrors errors, String newToken, HttpStatus status) {
        ModelAndView view = new ModelAndView("accounts/tokens", Map.of("tokens", tokens.all(), "roles", Role.values(),
                "schoolNames", schoolNames(), "errors", errors));
        view.addObject("form", form);
        view.addObject("newToken", newToken);
        view.setStatus(status);
        return view;
    }

    private Map<Long, String> schoolNames() {
        return schools.schoolNames();
    }
}
