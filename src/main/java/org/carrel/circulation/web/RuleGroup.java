package org.carrel.circulation.web;

import java.util.List;

import org.carrel.circulation.LoanRule;
import org.carrel.district.SchoolView;

/** One block of the matrix: the district-wide rules ({@code school} null) or one school's, and whether the
 * signed-in person may change them. */
public record RuleGroup(SchoolView school, List<LoanRule> rules, boolean editable) {

    /** The anchor of the block on the rules page. */
    public String anchor() {
        return school == null ? "district-wide" : "school-" + school.id();
    }
}
