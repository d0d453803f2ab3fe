package org.carrel.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.carrel.accounts.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Page} into the model of every controller, so every template can render the layout. */
@ControllerAdvice
class PageAdvice {

    private final MessageSource messages;

    PageAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("page")
    Page page(HttpServletRequest request, Locale locale, @AuthenticationPrincipal SignedInUser user) {
        return pageFor(request, locale, user);
    }

    Page pageFor(HttpServletRequest request, Locale locale, SignedInUser user) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Page(messages, locale, user, csrf, request.getRequestURI(), Navigation.linksFor(user));
    }
}
