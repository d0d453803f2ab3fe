package org.carrel.circulation;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.carrel.catalog.ItemType;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loan-rule matrix and the district's circulation settings: which rule applies to a loan, and what it would
 * make due ("a grade 2 student borrowing a picture book at Oak Hill today: due on ...").
 */
@Service
public class LoanRules {

    /** Which rule applies to such a loan and the due date it gives now (empty: its fixed date has passed). */
    public record Preview(LoanRule rule, Optional<Due> due) {
    }

    private final RuleStore rules;
    private final District district;
    private final CirculationTime time;

    LoanRules(RuleStore rules, District district, CirculationTime time) {
        this.rules = rules;
        this.district = district;
        this.time = time;
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
}
