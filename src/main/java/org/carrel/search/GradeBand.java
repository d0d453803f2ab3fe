package org.carrel.search;

import java.util.EnumSet;
import java.util.Set;

/**
 * The grade bands a school library shelves and filters by, read from the MARC target audience (008/22) and the
 * grade or interest level notes (521). Message key: {@code search.gradeBand.NAME}.
 */
public enum GradeBand {
    PRE_K, K_2, GRADES_3_5, GRADES_6_8, GRADES_9_12, ADULT;

    /** The bands that grades {@code from} to {@code to} fall in (PK is -1, K is 0, past 12 is adult). */
    public static Set<GradeBand> ofGrades(int from, int to) {
        Set<GradeBand> bands = EnumSet.noneOf(GradeBand.class);
        ReadingBands.addGrades(from, to, bands);
        return bands;
    }
}
