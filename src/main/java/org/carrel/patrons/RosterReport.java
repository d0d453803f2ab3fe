package org.carrel.patrons;

import java.util.List;

/**
 * What a roster import adds, updates and deactivates (or did, when applied), the lines it rejected, and notes on
 * what it left alone. {@code held} means the import would deactivate more than {@link RosterImport#HOLD_SHARE} of
 * the active patrons and waits for an admin's confirmation; nothing was applied.
 */
public record RosterReport(int added, int updated, int deactivated, int unchanged, List<RosterProblem> rejected,
                           List<String> notes, boolean held, boolean applied, List<Change> changes) {

    /** What becomes of one patron: {@code ADD}, {@code UPDATE} or {@code DEACTIVATE}. */
    public record Change(String kind, String name, PatronType type, String sourceId) {
    }

    /** {@code {"added":N,"updated":N,"deactivated":N,"rejected":N}}. */
    public String json() {
        return "{\"added\":" + added + ",\"updated\":" + updated + ",\"deactivated\":" + deactivated
                + ",\"rejected\":" + rejected.size() + "}";
    }
}
