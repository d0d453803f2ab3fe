package org.carrel.circulation;

import java.util.ArrayList;
import java.util.List;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.district.SchoolLevel;
import org.carrel.patrons.PatronType;

/**
 * The loan rules a school can take as they are, by its level. All fine-free (the ALA's position for school
 * libraries, and the district default); everything not listed falls to the district default (14 days, 5 at once).
 * "Anyone" rules name an item type and no patron type, so they win over a patron type's rule (LoanRuleBook).
 *
 * <table>
 *   <caption>Recommended rules per school level (at once / renewals / holds)</caption>
 *   <tr><th>level</th><th>who</th><th>what</th><th>period</th><th>at once</th><th>renewals</th><th>holds</th></tr>
 *   <tr><td>elementary</td><td>students</td><td>any</td><td>7 days (a weekly class visit)</td><td>2</td>
 *       <td>1</td><td>yes</td></tr>
 *   <tr><td>elementary</td><td>students PK-1</td><td>any</td><td>7 days</td><td>1</td><td>1</td><td>yes</td></tr>
 *   <tr><td>elementary</td><td>anyone</td><td>equipment</td><td>4 hours</td><td>1</td><td>0</td><td>no</td></tr>
 *   <tr><td>middle</td><td>students</td><td>any</td><td>14 days</td><td>3</td><td>2</td><td>yes</td></tr>
 *   <tr><td>middle</td><td>students</td><td>DVD</td><td>3 school days</td><td>1</td><td>0</td><td>yes</td></tr>
 *   <tr><td>middle</td><td>anyone</td><td>equipment</td><td>1 school day (overnight)</td><td>1</td><td>0</td>
 *       <td>no</td></tr>
 *   <tr><td>high</td><td>students</td><td>any</td><td>21 days</td><td>5</td><td>2</td><td>yes</td></tr>
 *   <tr><td>high</td><td>students</td><td>DVD</td><td>7 days</td><td>2</td><td>1</td><td>yes</td></tr>
 *   <tr><td>high</td><td>anyone</td><td>equipment</td><td>3 school days</td><td>1</td><td>0</td><td>no</td></tr>
 *   <tr><td>other</td><td>students</td><td>any</td><td>14 days</td><td>3</td><td>1</td><td>yes</td></tr>
 *   <tr><td>other</td><td>anyone</td><td>equipment</td><td>1 school day</td><td>1</td><td>0</td><td>no</td></tr>
 *   <tr><td>every level</td><td>teachers</td><td>any</td><td>28 days (high: until the end of the term)</td>
 *       <td>25 (middle 30, high 40)</td><td>2</td><td>yes</td></tr>
 *   <tr><td>every level</td><td>anyone</td><td>reference</td><td>not for loan</td><td>0</td><td>0</td>
 *       <td>no</td></tr>
 *   <tr><td>every level</td><td>teachers</td><td>reference</td><td>1 day (overnight for a lesson)</td><td>2</td>
 *       <td>0</td><td>no</td></tr>
 * </table>
 */
final class RecommendedRules {

    private RecommendedRules() {
    }

    /** The recommended rules for a school of this level (ids 0, not saved). */
    static List<LoanRule> forSchool(long schoolId, SchoolLevel level) {
        Builder rules = new Builder(schoolId);
        switch (level) {
            case ELEMENTARY:
                rules.add(PatronType.STUDENT, null, null, null, LoanPeriod.days(7), 2, 1, true);
                rules.add(PatronType.STUDENT, Grade.PRE_K, Grade.of(1), null, LoanPeriod.days(7), 1, 1, true);
                rules.add(null, null, null, ItemType.EQUIPMENT, LoanPeriod.hours(4), 1, 0, false);
                rules.add(PatronType.TEACHER, null, null, null, LoanPeriod.days(28), 25, 2, true);
                break;
            case MIDDLE:
                rules.add(PatronType.STUDENT, null, null, null, LoanPeriod.days(14), 3, 2, true);
                rules.add(PatronType.STUDENT, null, null, ItemType.DVD, LoanPeriod.schoolDays(3), 1, 0, true);
                rules.add(null, null, null, ItemType.EQUIPMENT, LoanPeriod.schoolDays(1), 1, 0, false);
                rules.add(PatronType.TEACHER, null, null, null, LoanPeriod.days(28), 30, 2, true);
                break;
            case HIGH:
                rules.add(PatronType.STUDENT, null, null, null, LoanPeriod.days(21), 5, 2, true);
                rules.add(PatronType.STUDENT, null, null, ItemType.DVD, LoanPeriod.days(7), 2, 1, true);
                rules.add(null, null, null, ItemType.EQUIPMENT, LoanPeriod.schoolDays(3), 1, 0, false);
                rules.add(PatronType.TEACHER, null, null, null, LoanPeriod.termEnd(), 40, 2, true);
                break;
            default:
                rules.add(PatronType.STUDENT, null, null, null, LoanPeriod.days(14), 3, 1, true);
                rules.add(null, null, null, ItemType.EQUIPMENT, LoanPeriod.schoolDays(1), 1, 0, false);
                rules.add(PatronType.TEACHER, null, null, null, LoanPeriod.days(28), 25, 2, true);
                break;
        }
        // The period of a rule that lends nothing is never used; one day keeps the row valid.
        rules.add(null, null, null, ItemType.REFERENCE, LoanPeriod.days(1), 0, 0, false);
        rules.add(PatronType.TEACHER, null, null, ItemType.REFERENCE, LoanPeriod.days(1), 2, 0, false);
        return rules.list;
    }

    private static final class Builder {
        private final long schoolId;
        private final List<LoanRule> list = new ArrayList<>();

        Builder(long schoolId) {
            this.schoolId = schoolId;
        }

        void add(PatronType type, Grade lowest, Grade highest, ItemType itemType, LoanPeriod period, int maxLoans,
                 int renewals, boolean holds) {
            list.add(new LoanRule(0, schoolId, type, lowest, highest, itemType, period, maxLoans, renewals, holds,
                    null, null, 0));
        }
    }
}
