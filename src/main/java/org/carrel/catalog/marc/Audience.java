package org.carrel.catalog.marc;

/** Who a work is for, as coded in 008/22 (target audience) of books, music, films and computer files. */
public enum Audience {
    /** a: preschool, ages 0-5. */
    PRESCHOOL,
    /** b: primary, ages 6-8. */
    PRIMARY,
    /** c: pre-adolescent, ages 9-13. */
    PRE_ADOLESCENT,
    /** d: adolescent, ages 14-17. */
    ADOLESCENT,
    /** e: adult. */
    ADULT,
    /** f: specialized, for a particular audience. */
    SPECIALIZED,
    /** g: general, of interest to most people. */
    GENERAL,
    /** j: juvenile, under 15, not more precisely. */
    JUVENILE,
    /** Blank, {@code |} (not coded) or a code MARC 21 does not define. */
    UNKNOWN;

    static Audience ofCode(char code) {
        return switch (code) {
            case 'a' -> PRESCHOOL;
            case 'b' -> PRIMARY;
            case 'c' -> PRE_ADOLESCENT;
            case 'd' -> ADOLESCENT;
            case 'e' -> ADULT;
            case 'f' -> SPECIALIZED;
            case 'g' -> GENERAL;
            case 'j' -> JUVENILE;
            default -> UNKNOWN;
        };
    }
}
