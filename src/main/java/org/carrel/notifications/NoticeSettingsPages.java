package org.carrel.notifications;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
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
 * The district admin's notice settings (who gets which notice, and when) and the wording of each notice type in
 * each language, with a preview on sample data before saving (NOTICE_SETTINGS_EDIT).
 */
@Controller
@Allowed(Permission.NOTICE_SETTINGS_EDIT)
public class NoticeSettingsPages {

    /** The settings form as typed. */
    public record SettingsForm(String courtesyDaysBefore, String overdueFirstDays, String overdueSecondDays,
                        String holdExpiringDaysBefore, Boolean toStudent, Boolean toGuardians, Boolean homeroomDigest,
                        Boolean homeroomDigestTitles, Long version) {

        /** An unticked box is not sent at all. */
        public SettingsForm {
            toStudent = Boolean.TRUE.equals(toStudent);
            toGuardians = Boolean.TRUE.equals(toGuardians);
            homeroomDigest = Boolean.TRUE.equals(homeroomDigest);
            homeroomDigestTitles = Boolean.TRUE.equals(homeroomDigestTitles);
            version = version == null ? -1 : version; // no version: cannot be the current one
        }

        static SettingsForm of(NoticeSettings s) {
            return new SettingsForm(String.valueOf(s.courtesyDaysBefore()), String.valueOf(s.overdueFirstDays()),
                    String.valueOf(s.overdueSecondDays()), String.valueOf(s.holdExpiringDaysBefore()), s.toStudent(),
                    s.toGuardians(), s.homeroomDigest(), s.homeroomDigestTitles(), s.version());
        }
    }

    private final NoticeSettingsService settings;
    private final NoticeTemplates templates;

    NoticeSettingsPages(NoticeSettingsService settings, NoticeTemplates templates) {
        this.settings = settings;
        this.templates = templates;
    }

    @GetMapping("/staff/notices/settings")
    ModelAndView settings(@RequestParam(required = false) String saved) {
        return settingsPage(SettingsForm.of(settings.get()), FormErrors.NONE, saved != null, HttpStatus.OK);
    }

    @PostMapping("/staff/notices/settings")
    ModelAndView save(SettingsForm form, @AuthenticationPrincipal SignedInUser user) {
        FormErrors errors = settings.save(form, user.username());
        if (errors.byField().isEmpty()) {
            return new ModelAndView("redirect:/staff/notices/settings?saved");
        }
        return settingsPage(form, errors, false, errors.has("version") ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/staff/notices/templates")
    ModelAndView templates() {
        return new ModelAndView("notifications/templates", Map.of("templates", templates.all()));
    }

    @GetMapping("/staff/notices/templates/{kind}/{language}")
    ModelAndView template(@PathVariable String kind, @PathVariable String language) {
        NoticeTemplates.Template t = templates.template(kind(kind), language(language));
        return templatePage(t.kind(), t.language(), t.subject(), t.body(), NoticeTemplates.Saved.OK, null,
                HttpStatus.OK);
    }

    /** {@code action}: preview (show it filled with sample data), save, or reset (back to the shipped wording). */
    @PostMapping("/staff/notices/templates/{kind}/{language}")
    ModelAndView editTemplate(@PathVariable String kind, @PathVariable String language,
                              @RequestParam(defaultValue = "") String subject,
                              @RequestParam(defaultValue = "") String body,
                              @RequestParam(defaultValue = "preview") String action,
                              @AuthenticationPrincipal SignedInUser user) {
        NoticeKind k = kind(kind);
        String lang = language(language);
        if ("reset".equals(action)) {
            templates.reset(k, lang, user.username());
            return new ModelAndView("redirect:/staff/notices/templates/" + k + "/" + lang);
        }
        NoticeTemplates.Saved check = "save".equals(action) ? templates.save(k, lang, subject, body, user.username())
                : templates.check(k, lang, subject, body);
        if (check.ok() && "save".equals(action)) {
            return new ModelAndView("redirect:/staff/notices/templates?saved=" + k + "/" + lang);
        }
        NoticeTemplates.Rendered preview = check.ok()
                ? NoticeTemplates.render(subject, body, NoticeTemplates.sample(k, lang)) : null;
        return templatePage(k, lang, subject, body, check, preview,
                check.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView settingsPage(SettingsForm form, FormErrors errors, boolean saved, HttpStatus status) {
        ModelAndView view = new ModelAndView("notifications/settings", Map.of("form", form, "errors", errors,
                "saved", saved));
        view.setStatus(status);
        return view;
    }

    private ModelAndView templatePage(NoticeKind kind, String language, String subject, String body,
                                      NoticeTemplates.Saved check, NoticeTemplates.Rendered preview,
                                      HttpStatus status) {
        ModelAndView view = new ModelAndView("notifications/template");
        view.addObject("kind", kind);
        view.addObject("language", language);
        view.addObject("subject", subject);
        view.addObject("body", body);
        view.addObject("check", check);
        view.addObject("preview", Optional.ofNullable(preview));
        view.addObject("placeholders", NoticeTemplates.PLACEHOLDERS.get(kind));
        view.addObject("edited", templates.template(kind, language).edited());
        view.setStatus(status);
        return view;
    }

    private static NoticeKind kind(String text) {
        return Arrays.stream(NoticeKind.values()).filter(k -> k.name().equals(text)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String language(String text) {
        if (!NoticeTemplates.LANGUAGES.contains(text)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return text;
    }
}
