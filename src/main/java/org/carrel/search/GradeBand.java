package org.carrel.search;

/**
 * The grade bands a school library shelves and filters by, read from the MARC target audience (008/22) and the
 * grade or interest level notes (521). Message key: {@code search.gradeBand.NAME}.
 */
public enum GradeBand {
    PRE_K, K_2, GRADES_3_5, GRADES_6_8, GRADES_9_12, ADULT
}
