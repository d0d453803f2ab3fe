package org.carrel.circulation.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.ItemType;
import org.carrel.circulation.CirculationSettingsForm;
import org.carrel.circulation.LoanRule;
import org.carrel.circulation.LoanRuleForm;
import org.carrel.circulation.LoanRules;
import org.carrel.circulation.LoanRulesResult;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronType;
import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The loan-rule pages under {@code /staff/circulation/rules}: the matrix (district-wide rules, then each school's
 * the person acts for), the rule form, delete with confirmation, the recommended rules per school, the district's
 * circulation settings, and the preview ("a grade 2 student borrowing a book at Oak Hill on ...: due on ...").
 *
 * <p>Who: {@code LOAN_RULES_EDIT}; a school's rules only for staff acting for it (403 otherwise); district-wide
 * rules and the settings for district admins: a librarian sees a district-wide rule read-only, and the facade
 * refuses a change to one with a message (422).
 */
@Controller
class LoanRulePages {

    private static final String RULES = "/staff/circulation/rules";

    private final LoanRules loanRules;
    private final District district;

    LoanRulePages(LoanRules loanRules, District district) {
        this.loanRules = loanRules;
        this.district = district;
    }

    @GetMapping(RULES)
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView rules(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long saved,
                       @RequestParam(required = false) Long deleted, @RequestParam(required = false) Integer applied,
                       @RequestParam(required = false) Integer skipped,
                       @RequestParam(required = false) String settingsSaved) {
        List<SchoolView> schools = actedFor(user);
        ModelAndView view = rulesPage(user, RulePreviewForm.first(schools.isEmpty() ? null : schools.get(0).id(),
                loanRules.now().toLocalDate().toString()), null, FormErrors.NONE, HttpStatus.OK);
        if (saved != null) {
            view.addObject("notice", "circulation.rules.saved");
        } else if (deleted != null) {
            view.addObject("notice", "circulation.rules.deleted");
        } else if (applied != null) {
            view.addObject("notice", "circulation.rules.applied");
            view.addObject("noticeArguments", new Object[] {applied, skipped == null ? 0 : skipped});
        } else if (settingsSaved != null) {
            view.addObject("notice", "circulation.settings.saved");
        }
        return view;
    }

    /**
     * The preview: the whole rules page with its answer, or (for htmx) only the answer, with status 200 even when
     * the input is invalid, since htmx swaps no 4xx answer; the page without htmx answers 422 then.
     */
    @GetMapping(RULES + "/preview")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView preview(@AuthenticationPrincipal SignedInUser user, @ModelAttribute RulePreviewForm form,
                         @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Fields fields = new Fields();
        SchoolView school = previewSchool(fields, user, form.school());
        PatronType type = parse(fields, "patronType", form.patronType(), PatronType.class);
        ItemType itemType = parse(fields, "itemType", form.itemType(), ItemType.class);
        Grade grade = null;
        if (form.grade() != null && !form.grade().isBlank()) {
            grade = Grade.parse(form.grade()).orElse(null);
            if (grade == null) {
                fields.refuse("grade", "circulation.rule.grade.invalid");
            }
        }
        ZonedDateTime now = loanRules.now();
        LocalDate on = form.date() == null || form.date().isBlank() ? now.toLocalDate()
                : fields.date("date", form.date());
        RulePreview answer = null;
        if (!fields.any()) {
            Grade studentGrade = type == PatronType.STUDENT ? grade : null;
            answer = new RulePreview(school.name(), type, studentGrade, itemType, on, loanRules.preview(school.id(),
                    type, studentGrade, itemType, ZonedDateTime.of(on, now.toLocalTime(), now.getZone())));
        }
        HttpStatus status = fields.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
        if (htmx != null) {
            ModelAndView fragment = new ModelAndView("circulation/rules-preview");
            fragment.addObject("preview", answer);
            fragment.addObject("previewErrors", fields.errors());
            return fragment;
        }
        return rulesPage(user, form, answer, fields.errors(), status);
    }

    @GetMapping(RULES + "/new")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView newRule(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long school) {
        if (school != null) {
            requireActsFor(user, school(school).id());
        }
        return form(user, null, LoanRuleForm.empty(school), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping(RULES)
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView create(@AuthenticationPrincipal SignedInUser user, @ModelAttribute LoanRuleForm form) {
        requireActsForChosen(user, form.school());
        LoanRulesResult result = loanRules.save(form.withId(null), user);
        if (result instanceof LoanRulesResult.Saved saved) {
            return new ModelAndView("redirect:" + RULES + "?saved=" + saved.id() + "#rule-" + saved.id());
        }
        return form(user, null, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping(RULES + "/{id}/edit")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        LoanRule rule = rule(user, id);
        return form(user, rule, LoanRuleForm.of(rule), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping(RULES + "/{id}")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView update(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @ModelAttribute LoanRuleForm form) {
        LoanRule rule = rule(user, id);
        requireActsForChosen(user, form.school());
        LoanRulesResult result = loanRules.save(form.withId(id), user);
        if (result.done()) {
            return new ModelAndView("redirect:" + RULES + "?saved=" + id + "#rule-" + id);
        }
        return form(user, rule, form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping(RULES + "/{id}/delete")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView confirmDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return deletePage(user, rule(user, id), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping(RULES + "/{id}/delete")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @RequestParam(defaultValue = "-1") long version) {
        LoanRule rule = rule(user, id);
        LoanRulesResult result = loanRules.delete(id, version, user);
        if (result.done()) {
            return new ModelAndView("redirect:" + RULES + "?deleted=" + id);
        }
        return deletePage(user, rule, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @PostMapping(RULES + "/recommended")
    @Allowed(Permission.LOAN_RULES_EDIT)
    ModelAndView applyRecommended(@AuthenticationPrincipal SignedInUser user,
                                  @RequestParam(defaultValue = "") String school) {
        SchoolView chosen = school(idOf(school));
        requireActsFor(user, chosen.id());
        LoanRulesResult result = loanRules.applyRecommended(chosen.id(), user);
        if (!(result instanceof LoanRulesResult.Applied applied)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return new ModelAndView("redirect:" + RULES + "?applied=" + applied.added() + "&skipped="
                + applied.skipped() + "#school-" + chosen.id());
    }

    @GetMapping(RULES + "/settings")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView settings() {
        return settingsPage(CirculationSettingsForm.of(loanRules.settings()), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping(RULES + "/settings")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView saveSettings(@AuthenticationPrincipal SignedInUser user,
                              @ModelAttribute CirculationSettingsForm form) {
        LoanRulesResult result = loanRules.updateSettings(form, user);
        if (result.done()) {
            return new ModelAndView("redirect:" + RULES + "?settingsSaved#settings");
        }
        return settingsPage(form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView rulesPage(SignedInUser user, RulePreviewForm previewForm, RulePreview preview,
                                   FormErrors previewErrors, HttpStatus status) {
        List<SchoolView> schools = actedFor(user);
        List<LoanRule> all = loanRules.rules();
        List<RuleGroup> groups = new ArrayList<>();
        groups.add(new RuleGroup(null, all.stream().filter(r -> r.schoolId() == null).toList(),
                LoanRules.mayEdit(user, null)));
        for (SchoolView school : schools) {
            groups.add(new RuleGroup(school, all.stream().filter(r -> r.schoolId() != null
                    && r.schoolId() == school.id()).toList(), LoanRules.mayEdit(user, school.id())));
        }
        ModelAndView view = new ModelAndView("circulation/rules");
        view.addObject("groups", groups);
        view.addObject("schools", schools);
        view.addObject("settings", loanRules.settings());
        view.addObject("canEditSettings", user.has(Permission.DISTRICT_EDIT));
        view.addObject("previewForm", previewForm);
        view.addObject("preview", preview);
        view.addObject("previewErrors", previewErrors);
        view.setStatus(status);
        return view;
    }

    private ModelAndView form(SignedInUser user, LoanRule rule, LoanRuleForm form, FormErrors errors,
                              HttpStatus status) {
        ModelAndView view = new ModelAndView("circulation/rules-form");
        view.addObject("rule", rule);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("editable", rule == null || LoanRules.mayEdit(user, rule.schoolId()));
        view.addObject("schools", actedFor(user));
        view.addObject("districtWide", LoanRules.mayEdit(user, null));
        view.addObject("schoolName", rule == null || rule.schoolId() == null ? ""
                : district.school(rule.schoolId()).map(SchoolView::name).orElse(""));
        view.setStatus(status);
        return view;
    }

    private ModelAndView deletePage(SignedInUser user, LoanRule rule, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("circulation/rules-delete");
        view.addObject("rule", rule);
        view.addObject("errors", errors);
        view.addObject("deletable", !rule.districtDefault() && LoanRules.mayEdit(user, rule.schoolId()));
        view.addObject("schoolName", rule.schoolId() == null ? ""
                : district.school(rule.schoolId()).map(SchoolView::name).orElse(""));
        view.setStatus(status);
        return view;
    }

    private ModelAndView settingsPage(CirculationSettingsForm form, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("circulation/rules-settings");
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }

    /** The schools whose rules the person sees: all for a district admin, else those they act for. */
    private List<SchoolView> actedFor(SignedInUser user) {
        return district.schools().stream().filter(school -> user.actsFor(school.id())).toList();
    }

    /** The rule, if it is district-wide or of a school the person acts for (404, 403 otherwise). */
    private LoanRule rule(SignedInUser user, long id) {
        LoanRule rule = loanRules.rule(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (rule.schoolId() != null) {
            requireActsFor(user, rule.schoolId());
        }
        return rule;
    }

    private SchoolView school(long id) {
        return district.school(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private SchoolView previewSchool(Fields fields, SignedInUser user, String value) {
        SchoolView school = null;
        try {
            school = value == null || value.isBlank() ? null : district.school(Long.parseLong(value.strip()))
                    .orElse(null);
        } catch (NumberFormatException e) {
            school = null;
        }
        if (school == null) {
            fields.refuse("school", "circulation.preview.school.required");
        } else {
            requireActsFor(user, school.id());
        }
        return school;
    }

    /** A school chosen on the rule form must be one the person acts for (a blank one is district-wide). */
    private void requireActsForChosen(SignedInUser user, String school) {
        if (school == null || school.isBlank()) {
            return;
        }
        try {
            district.school(Long.parseLong(school.strip())).ifPresent(s -> requireActsFor(user, s.id()));
        } catch (NumberFormatException e) {
            // an unknown school: the facade refuses it with a message
        }
    }

    private static void requireActsFor(SignedInUser user, long schoolId) {
        if (!user.actsFor(schoolId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static long idOf(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static <E extends Enum<E>> E parse(Fields fields, String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.refuse(field, "circulation.preview." + field + ".required");
            return null;
        }
    }
}
