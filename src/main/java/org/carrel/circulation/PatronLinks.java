package org.carrel.circulation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.patrons.PatronDataSource;
import org.carrel.patrons.PatronErased;
import org.carrel.patrons.PatronObligations;
import org.carrel.patrons.PatronsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What circulation owes the patrons module: copies out and charges for the year-end rollover
 * ({@link PatronObligations}), circulation's part of a patron's export ({@link PatronDataSource}), and following
 * a merge (loans, holds, charges, history and counts move to the patron kept) or an erase (history and waiting
 * holds go; a copy set aside is released to the next hold; open loans and charges stay on the anonymous row) in
 * the same transaction.
 */
@Component
class PatronLinks implements PatronObligations, PatronDataSource {

    private final LoanStore loans;
    private final HoldStore holds;
    private final ChargeStore charges;
    private final StatisticStore statistics;
    private final Charges chargeFacade;

    PatronLinks(LoanStore loans, HoldStore holds, ChargeStore charges, StatisticStore statistics,
                Charges chargeFacade) {
        this.loans = loans;
        this.holds = holds;
        this.charges = charges;
        this.statistics = statistics;
        this.chargeFacade = chargeFacade;
    }

    @Override
    public Map<Long, Integer> itemsOut(Collection<Long> patronIds) {
        return loans.itemsOut(patronIds);
    }

    @Override
    public int clearCharges(Collection<Long> patronIds, String actor, String reason) {
        return chargeFacade.forgive(patronIds, reason, actor);
    }

    @Override
    public String name() {
        return "circulation";
    }

    @Override
    public Object about(long patronId) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("loans", loans.ofPatron(patronId));
        about.put("holds", holds.ofPatron(patronId));
        about.put("charges", charges.unsettled(patronId));
        about.put("readingHistory", statistics.history(patronId));
        List<Map<String, Object>> counts = statistics.engagement(patronId).stream()
                .map(e -> Map.<String, Object>of("periodStartsOn", e.getKey().toString(), "loans", e.getValue()))
                .toList();
        about.put("loansPerPeriod", counts);
        return about;
    }

    @EventListener
    void on(PatronsMerged merged) {
        loans.moveToPatron(merged.mergedId(), merged.keptId());
        holds.moveToPatron(merged.mergedId(), merged.keptId());
        charges.moveToPatron(merged.mergedId(), merged.keptId());
        statistics.moveToPatron(merged.mergedId(), merged.keptId());
    }

    @EventListener
    void on(PatronErased erased) {
        statistics.forgetHistory(erased.patronId());
        for (HoldView hold : holds.ofPatron(erased.patronId())) {
            if (hold.waiting()) {
                holds.delete(hold.id());
            } else {
                holds.expireTrapped(hold.id());
            }
        }
    }
}
