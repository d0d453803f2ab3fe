package org.carrel.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.Patrons;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A teacher's own new-arrival subscriptions ({@code /account/new-arrivals}, NEW_ARRIVAL_ALERTS): list, add, change
 * and remove them, each with links to its new-arrivals page and feed in the public catalogue. Subscriptions belong to
 * the patron record the sign-in account is linked to; an account without one is told so.
 */
@Controller
@Allowed(Permission.NEW_ARRIVAL_ALERTS)
public class SubscriptionPages {

    /** A subscription with the addresses of its page and feed at the teacher's school. */
    public record Listed(Subscription subscription, String page, String feed) {
    }

    private final ArrivalSubscriptions subscriptions;
    private final Patrons patrons;
    private final District district;

    SubscriptionPages(ArrivalSubscriptions subscriptions, Patrons patrons, District district) {
        this.subscriptions = subscriptions;
        this.patrons = patrons;
        this.district = district;
    }

    @GetMapping(Links.SUBSCRIPTIONS)
    ModelAndView list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String saved) {
        return page(user, SubscriptionForm.EMPTY, FormErrors.NONE, saved != null, HttpStatus.OK);
    }

    @PostMapping(Links.SUBSCRIPTIONS)
    ModelAndView add(SubscriptionForm form, @AuthenticationPrincipal SignedInUser user) {
        Optional<Borrower> patron = patron(user);
        if (patron.isEmpty()) {
            return page(user, form, FormErrors.of("", "notices.subscriptions.notLinked"),
                    false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        FormErrors errors = subscriptions.add(patron.get().id(), form);
        if (errors.any()) {
            return page(user, form, errors, false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:" + Links.SUBSCRIPTIONS + "?saved");
    }

    @GetMapping(Links.SUBSCRIPTIONS + "/{id}/edit")
    ModelAndView edit(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        Subscription subscription = own(id, user);
        return editPage(subscription, SubscriptionForm.of(subscription), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping(Links.SUBSCRIPTIONS + "/{id}")
    ModelAndView update(@PathVariable long id, SubscriptionForm form, @AuthenticationPrincipal SignedInUser user) {
        Subscription subscription = own(id, user);
        FormErrors errors = subscriptions.update(id, subscription.patronId(), form);
        if (errors.any()) {
            return editPage(subscription, form, errors, errors.has("version") ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView("redirect:" + Links.SUBSCRIPTIONS + "?saved");
    }

    @PostMapping(Links.SUBSCRIPTIONS + "/{id}/delete")
    ModelAndView delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        Subscription subscription = own(id, user);
        subscriptions.delete(subscription.id(), subscription.patronId());
        return new ModelAndView("redirect:" + Links.SUBSCRIPTIONS);
    }

    private ModelAndView page(SignedInUser user, SubscriptionForm form, FormErrors errors, boolean saved,
                              HttpStatus status) {
        Optional<Borrower> patron = patron(user);
        String school = patron.flatMap(p -> district.school(p.schoolId())).map(SchoolView::code).orElse(null);
        List<Listed> listed = patron.map(p -> subscriptions.of(p.id()).stream().map(s -> listed(s, school)).toList())
                .orElse(List.of());
        ModelAndView view = new ModelAndView("notifications/subscriptions");
        view.addObject("linked", patron.isPresent());
        view.addObject("subscriptions", listed);
        view.addObject("allNew", Links.NEW_ARRIVALS + (school == null ? ""
                : "?school=" + URLEncoder.encode(school, StandardCharsets.UTF_8)));
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("saved", saved);
        view.addObject("max", ArrivalSubscriptions.MAX_PER_PATRON);
        view.setStatus(status);
        return view;
    }

    private ModelAndView editPage(Subscription subscription, SubscriptionForm form, FormErrors errors,
                                  HttpStatus status) {
        ModelAndView view = new ModelAndView("notifications/subscription-edit");
        view.addObject("subscription", subscription);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }

    private static Listed listed(Subscription s, String school) {
        String query = s.criteria().query() + (school == null ? "" : "&school="
                + URLEncoder.encode(school, StandardCharsets.UTF_8));
        String params = query.startsWith("&") ? query.substring(1) : query;
        String suffix = params.isEmpty() ? "" : "?" + params;
        return new Listed(s, Links.NEW_ARRIVALS + suffix, Links.NEW_ARRIVALS + ".atom" + suffix);
    }

    private Optional<Borrower> patron(SignedInUser user) {
        return user.accountId() == null ? Optional.empty() : patrons.byAccount(user.accountId());
    }

    private Subscription own(long id, SignedInUser user) {
        return patron(user).flatMap(p -> subscriptions.find(id, p.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
