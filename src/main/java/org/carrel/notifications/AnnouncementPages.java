package org.carrel.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A librarian's "new in the library" message to a school's teachers ({@code /staff/notices/announce},
 * NOTICES_MANAGE, schools one acts for): pick titles, write the message, preview every message, then send.
 */
@Controller
@Allowed(Permission.NOTICES_MANAGE)
public class AnnouncementPages {

    static final String PATH = "/staff/notices/announce";

    /** The form as typed; {@code titles} are record numbers or copy barcodes, {@code record} the titles ticked. */
    public record AnnouncementForm(String school, String message, String titles, List<Long> record) {

        public boolean chose(long recordId) {
            return record != null && record.contains(recordId);
        }
    }

    private final Announcements announcements;
    private final District district;

    AnnouncementPages(Announcements announcements, District district) {
        this.announcements = announcements;
        this.district = district;
    }

    @GetMapping(PATH)
    ModelAndView form(@RequestParam(required = false) String school, @RequestParam(required = false) Integer queued,
                      @AuthenticationPrincipal SignedInUser user) {
        List<SchoolView> schools = schools(user);
        SchoolView chosen = pick(schools, school).orElse(schools.isEmpty() ? null : schools.get(0));
        AnnouncementForm form = new AnnouncementForm(chosen == null ? "" : chosen.code(), "", "", List.of());
        return page(schools, chosen, form, FormErrors.NONE, null, Optional.ofNullable(queued), HttpStatus.OK);
    }

    @PostMapping(PATH + "/preview")
    ModelAndView preview(AnnouncementForm form, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return checked(form, user, locale, (schools, prepared) -> page(schools, prepared.draft().school(), form,
                FormErrors.NONE, prepared.draft(), Optional.empty(), HttpStatus.OK));
    }

    @PostMapping(PATH)
    ModelAndView send(AnnouncementForm form, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        return checked(form, user, locale, (schools, prepared) -> {
            int queued = announcements.send(prepared.draft(), user.username()).size();
            return new ModelAndView("redirect:" + PATH + "?school=" + prepared.draft().school().code()
                    + "&queued=" + queued);
        });
    }

    /** Checks the form for one of the user's schools: the form again with its problems (422), else {@code then}. */
    private ModelAndView checked(AnnouncementForm form, SignedInUser user, Locale locale,
                                 BiFunction<List<SchoolView>, Announcements.Prepared, ModelAndView> then) {
        List<SchoolView> schools = schools(user);
        Optional<SchoolView> school = pick(schools, form.school());
        if (school.isEmpty()) {
            return page(schools, null, form, FormErrors.of("school", "notices.announce.school.invalid"), null,
                    Optional.empty(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Announcements.Prepared prepared = announcements.prepare(school.get(), form.message(), form.titles(),
                form.record(), locale);
        if (prepared.problems().any()) {
            return page(schools, school.get(), form, prepared.problems(), null, Optional.empty(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return then.apply(schools, prepared);
    }

    private ModelAndView page(List<SchoolView> schools, SchoolView school, AnnouncementForm form, FormErrors errors,
                              AnnouncementDraft draft, Optional<Integer> queued, HttpStatus status) {
        ModelAndView view = new ModelAndView("notifications/announce");
        view.addObject("schools", schools);
        view.addObject("school", Optional.ofNullable(school));
        view.addObject("newest", school == null ? List.of() : announcements.newest(school.id()));
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("draft", Optional.ofNullable(draft));
        view.addObject("queued", queued);
        view.addObject("maxTitles", Announcements.MAX_TITLES);
        view.setStatus(status);
        return view;
    }

    /** The schools the user acts for. */
    private List<SchoolView> schools(SignedInUser user) {
        return district.schools().stream().filter(s -> user.actsFor(s.id())).toList();
    }

    private static Optional<SchoolView> pick(List<SchoolView> schools, String code) {
        return code == null ? Optional.empty()
                : schools.stream().filter(s -> s.code().equalsIgnoreCase(code.strip())).findFirst();
    }
}
