package org.carrel.circulation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;

/**
 * Picks the rule for a loan: of the rules that match, the most specific. A school's own rule beats a district-wide
 * one; then a rule for the item type beats one for any type; then a grade band beats no band (the narrower band
 * first); then a patron type beats any type. Equal rules (impossible through the unique criteria, except for two
 * overlapping bands of one width) go to the older rule. The district default matches everything, so a rule is
 * always found while it exists.
 */
final class LoanRuleBook {

    static final Comparator<LoanRule> MOST_SPECIFIC_FIRST = Comparator
            .comparing((LoanRule r) -> r.schoolId() == null)
            .thenComparing(r -> r.itemType() == null)
            .thenComparing(r -> r.lowestGrade() == null)
            .thenComparingInt(r -> r.lowestGrade() == null ? 0
                    : r.highestGrade().value() - r.lowestGrade().value())
            .thenComparing(r -> r.patronType() == null)
            .thenComparingLong(LoanRule::id);

    private LoanRuleBook() {
    }

    static Optional<LoanRule> ruleFor(List<LoanRule> rules, long schoolId, PatronType type, Grade grade,
                                      ItemType itemType) {
        return rules.stream().filter(r -> r.matches(schoolId, type, grade, itemType)).min(MOST_SPECIFIC_FIRST);
    }
}
