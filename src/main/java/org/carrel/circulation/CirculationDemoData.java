package org.carrel.circulation;

import java.util.List;

import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.DemoData;
import org.springframework.stereotype.Component;

/** The demo district's loan rules: every school takes the recommended rules for its level. Runs after patrons. */
@Component
class CirculationDemoData implements DemoData {

    private final LoanRules loanRules;
    private final District district;

    CirculationDemoData(LoanRules loanRules, District district) {
        this.loanRules = loanRules;
        this.district = district;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public List<String> seed() {
        for (SchoolView school : district.schools()) {
            if (!loanRules.applyRecommended(school.id(), "demo").done()) {
                throw new IllegalStateException("recommended loan rules refused for " + school.code());
            }
        }
        return List.of();
    }
}
