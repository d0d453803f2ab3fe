package org.carrel.circulation;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.ItemType;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronType;
import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The loan-rule matrix and the district's circulation settings: which rule applies to a loan, and what it would
 * make due ("a grade 2 student borrowing a picture book at Oak Hill today: due on ..."); rules edited, deleted and
 * recommended per school level; the settings edited.
 *
 * <p>Who may change what: rules of a school need {@code LOAN_RULES_EDIT} and acting for the school; district-wide
 * rules and the settings need {@code DISTRICT_EDIT} as well (the district admin). Refusals, including these, are
 * {@link LoanRulesResult.Invalid} values with a message key per field. Changes use the {@code version} the editor
 * saw and write an audit entry ({@code circulation.rule.saved}, {@code circulation.rule.deleted},
 * {@code circulation.settings.saved}) in their transaction.
 */
@Service
public class LoanRules {

    /** Which rule applies to such a loan and the due date it gives now (empty: its fixed date has passed). */
    public record Preview(LoanRule rule, Optional<Due> due) {
    }

    private final RuleStore rules;
    private final District district;
    private final CirculationTime time;
    private final AuditLog audit;

    LoanRules(RuleStore rules, District district, CirculationTime time, AuditLog audit) {
        this.rules = rules;
        this.district = district;
        this.time = time;
        this.audit = audit;
    }

    /** Every rule, district-wide ones first. */
    @Transactional(readOnly = true)
    public List<LoanRule> rules() {
        return rules.all();
    }

    @Transactional(readOnly = true)
    public Optional<LoanRule> rule(long id) {
        return rules.find(id);
    }

    @Transactional(readOnly = true)
    public CirculationSettings settings() {
        return rules.settings();
    }

    /**
     * Whether {@code user} may change the rules of a school ({@code schoolId} null: the district-wide rules, which
     * only a district admin may change).
     */
    public static boolean mayEdit(SignedInUser user, Long schoolId) {
        if (user == null || !user.has(Permission.LOAN_RULES_EDIT)) {
            return false;
        }
        return schoolId == null ? user.has(Permission.DISTRICT_EDIT) : user.actsFor(schoolId);
    }

    /**
     * Creates a rule ({@code form.id()} null) or changes one. Refuses invalid values, a school the user may not
     * edit, criteria another rule already has, new criteria for the district default, and a stale version.
     */
    @Transactional
    public LoanRulesResult save(LoanRuleForm form, SignedInUser user) {
        Optional<LoanRule> existing = form.id() == null ? Optional.empty() : rules.find(form.id());
        if (form.id() != null) {
            if (existing.isEmpty()) {
                return LoanRulesResult.invalid("", "circulation.rule.notFound");
            }
            if (!mayEdit(user, existing.get().schoolId())) {
                return LoanRulesResult.invalid("", refusalFor(existing.get().schoolId()));
            }
        }
        LoanRuleChecks.Checked checked = LoanRuleChecks.check(form, time.now().toLocalDate(),
                id -> district.school(id).isPresent(), schoolId -> mayEdit(user, schoolId));
        if (checked.errors().any()) {
            return new LoanRulesResult.Invalid(checked.errors());
        }
        LoanRule rule = checked.rule();
        if (existing.isPresent() && existing.get().districtDefault() && !rule.districtDefault()) {
            return LoanRulesResult.invalid("", "circulation.rule.default.criteria");
        }
        rules.lockRules();
        if (rules.all().stream().anyMatch(other -> other.id() != rule.id()
                && LoanRuleChecks.sameCriteria(other, rule))) {
            return LoanRulesResult.invalid("", "circulation.rule.duplicate");
        }
        long id;
        try {
            if (existing.isEmpty()) {
                id = rules.insert(rule);
            } else if (rules.update(rule)) {
                id = rule.id();
            } else {
                return LoanRulesResult.invalid("", "form.staleVersion");
            }
        } catch (DuplicateKeyException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return LoanRulesResult.invalid("", "circulation.rule.duplicate");
        }
        audit.record(user, "circulation.rule.saved", "loan_rule", id, (existing.isEmpty() ? "added: " : "changed: ")
                + describe(rule));
        return new LoanRulesResult.Saved(id);
    }

    /** Deletes a rule, never the district default. */
    @Transactional
    public LoanRulesResult delete(long id, long version, SignedInUser user) {
        Optional<LoanRule> rule = rules.find(id);
        if (rule.isEmpty()) {
            return LoanRulesResult.invalid("", "circulation.rule.notFound");
        }
        if (rule.get().districtDefault()) {
            return LoanRulesResult.invalid("", "circulation.rule.default.undeletable");
        }
        if (!mayEdit(user, rule.get().schoolId())) {
            return LoanRulesResult.invalid("", refusalFor(rule.get().schoolId()));
        }
        if (!rules.delete(id, version)) {
            return LoanRulesResult.invalid("", "form.staleVersion");
        }
        audit.record(user, "circulation.rule.deleted", "loan_rule", id, describe(rule.get()));
        return new LoanRulesResult.Saved(id);
    }

    /** Adds the recommended rules for the school's level ({@link RecommendedRules}), if the user may edit them. */
    @Transactional
    public LoanRulesResult applyRecommended(long schoolId, SignedInUser user) {
        if (!mayEdit(user, schoolId)) {
            return LoanRulesResult.invalid("school", "circulation.rule.notYourSchool");
        }
        return applyRecommended(schoolId, user.username());
    }

    /**
     * Adds the recommended rules for the school's level, skipping those whose criteria the school already has (so
     * applying twice adds nothing). For callers that checked the actor's right, or act as the system (demo data).
     */
    @Transactional
    public LoanRulesResult applyRecommended(long schoolId, String actor) {
        Optional<SchoolView> school = district.school(schoolId);
        if (school.isEmpty()) {
            return LoanRulesResult.invalid("school", "circulation.rule.school.unknown");
        }
        rules.lockRules();
        List<LoanRule> present = rules.forSchool(schoolId);
        int added = 0;
        int skipped = 0;
        for (LoanRule rule : RecommendedRules.forSchool(schoolId, school.get().level())) {
            if (present.stream().anyMatch(other -> LoanRuleChecks.sameCriteria(other, rule))) {
                skipped++;
                continue;
            }
            long id = rules.insert(rule);
            audit.record(actor, "circulation.rule.saved", "loan_rule", id, "recommended: " + describe(rule));
            added++;
        }
        return new LoanRulesResult.Applied(added, skipped);
    }

    /** Changes the district's circulation settings: district admins only. */
    @Transactional
    public LoanRulesResult updateSettings(CirculationSettingsForm form, SignedInUser user) {
        if (user == null || !user.has(Permission.DISTRICT_EDIT)) {
            return LoanRulesResult.invalid("", "circulation.settings.notAllowed");
        }
        Fields fields = new Fields();
        Integer lost = requiredWhole(fields, "lostAfterDays", form.lostAfterDays(), 365);
        Integer shelf = requiredWhole(fields, "holdShelfDays", form.holdShelfDays(), 60);
        java.math.BigDecimal replacement = fields.money("defaultReplacement", form.defaultReplacement());
        if (replacement == null && fields.ok("defaultReplacement")) {
            fields.refuse("defaultReplacement", "form.required");
        } else if (replacement != null && replacement.compareTo(LoanRuleChecks.MAX_FINE_CAP) > 0) {
            fields.refuse("defaultReplacement", "circulation.settings.replacement.tooHigh");
        }
        if (fields.any()) {
            return new LoanRulesResult.Invalid(fields.errors());
        }
        CirculationSettings settings = new CirculationSettings(lost, shelf, "true".equals(form.teachersFirst()),
                "true".equals(form.interSchoolHolds()), replacement, form.version() == null ? -1 : form.version());
        if (!rules.updateSettings(settings)) {
            return new LoanRulesResult.Invalid(FormErrors.of("", "form.staleVersion"));
        }
        audit.record(user, "circulation.settings.saved", "circulation_settings", 1, "lost after " + lost
                + " days, hold shelf " + shelf + " days, teachers first " + settings.teachersFirst()
                + ", inter-school holds " + settings.interSchoolHolds() + ", replacement " + replacement);
        return new LoanRulesResult.Saved(1);
    }

    /** The rule for a loan at {@code schoolId} to such a patron of such a copy, and its due date from now. */
    @Transactional(readOnly = true)
    public Preview preview(long schoolId, PatronType type, Grade grade, ItemType itemType) {
        return preview(schoolId, type, grade, itemType, time.now());
    }

    /** As {@link #preview(long, PatronType, Grade, ItemType)}, for a loan starting at {@code at}. */
    @Transactional(readOnly = true)
    public Preview preview(long schoolId, PatronType type, Grade grade, ItemType itemType, ZonedDateTime at) {
        LoanRule rule = LoanRuleBook.ruleFor(rules.forSchool(schoolId), schoolId, type, grade, itemType)
                .orElseThrow(() -> new IllegalStateException("the district default loan rule is gone"));
        return new Preview(rule, DueDates.due(rule.period(), district.schoolCalendar(schoolId, at.toLocalDate()),
                at.withZoneSameInstant(time.zone())));
    }

    /** Now in the district's time zone (the preview's default date). */
    public ZonedDateTime now() {
        return time.now();
    }

    private static Integer requiredWhole(Fields fields, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            fields.refuse(field, "form.required");
            return null;
        }
        return fields.whole(field, value, 1, max);
    }

    private static String refusalFor(Long schoolId) {
        return schoolId == null ? "circulation.rule.districtOnly" : "circulation.rule.notYourSchool";
    }

    /** The rule in one line for the audit log. */
    private static String describe(LoanRule rule) {
        LoanPeriod period = rule.period();
        return "school " + (rule.schoolId() == null ? "any" : rule.schoolId())
                + ", patrons " + (rule.patronType() == null ? "any" : rule.patronType())
                + (rule.lowestGrade() == null ? "" : " grades " + rule.lowestGrade() + "-" + rule.highestGrade())
                + ", items " + (rule.itemType() == null ? "any" : rule.itemType())
                + ": " + period.kind() + (period.length() == null ? "" : " " + period.length())
                + (period.fixedDate() == null ? "" : " " + period.fixedDate())
                + ", " + rule.maxLoans() + " at once, " + rule.maxRenewals() + " renewals, holds "
                + (rule.holdsAllowed() ? "allowed" : "not allowed")
                + (rule.fineFree() ? ", fine-free" : ", fine " + rule.dailyFine() + " a day up to " + rule.fineCap());
    }
}
