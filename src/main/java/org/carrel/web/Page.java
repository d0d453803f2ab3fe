package org.carrel.web;

import java.util.List;
import java.util.Locale;

import org.carrel.accounts.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page template needs besides its own data: the language and messages, the signed-in person, the
 * navigation they may follow, and the CSRF token that every form and htmx request carries. Added to every model as
 * {@code page} by {@link PageAdvice}.
 */
public final class Page {

    private final MessageSource messages;
    private final Locale locale;
    private final SignedInUser user;
    private final CsrfToken csrf;
    private final String path;
    private final List<NavLink> nav;

    Page(MessageSource messages, Locale locale, SignedInUser user, CsrfToken csrf, String path,
         List<NavLink> nav) {
        this.messages = messages;
        this.locale = locale;
        this.user = user;
        this.csrf = csrf;
        this.path = path;
        this.nav = nav;
    }

    /** The message for {@code key} in the page's language; English when the Spanish bundle lacks it. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public boolean signedIn() {
        return user != null;
    }

    /** The signed-in person, or null on a public page. */
    public SignedInUser user() {
        return user;
    }

    public List<NavLink> nav() {
        return nav;
    }

    /** Whether {@code href} is the current page or a parent of it (for {@code aria-current}). */
    public boolean current(String href) {
        return path.equals(href) || (!href.equals("/") && !href.equals("/staff") && path.startsWith(href + "/"));
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }
}
