package org.carrel.patrons;

import java.util.List;

import org.carrel.district.Grade;
import org.carrel.district.SchoolView;

/**
 * What a year-end rollover would do, shown before it is applied: per school and grade how many students stay
 * (promoted at their school), move (to which school), graduate or are marked transferred; the students leaving their
 * school; the students left unchanged and why; the receiving-school choice of each school whose top grade is below
 * 12; and the problems that stop it being applied. {@code fingerprint} identifies exactly these changes, so apply can
 * refuse when the students changed since the preview. {@code applied} is this school year's rollover, if done.
 */
public record RolloverPreview(String schoolYear, RolloverRecord applied, ChargesChoice charges,
                              List<SchoolChoice> choices, List<GradeRow> rows, List<Leaver> leaving,
                              List<Unchanged> unchanged, List<Notice> problems, Totals totals, String fingerprint) {

    /** The choice value that marks a school's leaving students as transferred (they leave the district). */
    public static final String TRANSFER = "TRANSFER";

    /** What becomes of a student. Message key {@code patrons.rollover.outcome.NAME}. */
    public enum Outcome {
        STAY, MOVE, GRADUATE, TRANSFER;

        public String messageKey() {
            return "patrons.rollover.outcome." + name();
        }
    }

    /** A message key and its arguments. */
    public record Notice(String key, Object... args) {
    }

    /**
     * Where the students leaving a school go: one of {@code receivers} (the schools whose span holds the next grade,
     * by name) by id, or {@link #TRANSFER}; empty when nobody chose and no school can receive them.
     */
    public record SchoolChoice(long schoolId, String schoolName, Grade nextGrade, int leaving,
                               List<SchoolView> receivers, String chosen) {
        public boolean chosen(String value) {
            return value.equals(chosen);
        }
    }

    /** The students of one school and grade today, and what becomes of them. */
    public record GradeRow(long schoolId, String schoolName, Grade grade, Grade nextGrade, int stay, int move,
                           String moveTo, int graduate, int transfer, int unchanged) {
    }

    /**
     * A student leaving their school: graduating, moving to another school, or leaving the district; with the copies
     * still out to them, as {@link PatronObligations} report them.
     */
    public record Leaver(long patronId, String name, String barcode, String schoolName, Grade grade, Outcome outcome,
                         String toSchool, int itemsOut) {
    }

    /** This preview with each leaver's copies still out (leavers not in {@code itemsOut} have none). */
    RolloverPreview withItemsOut(java.util.Map<Long, Integer> itemsOut) {
        List<Leaver> counted = leaving.stream().map(l -> new Leaver(l.patronId(), l.name(), l.barcode(),
                l.schoolName(), l.grade(), l.outcome(), l.toSchool(), itemsOut.getOrDefault(l.patronId(), 0)))
                .toList();
        return new RolloverPreview(schoolYear, applied, charges, choices, rows, counted, unchanged, problems, totals,
                fingerprint);
    }

    /** The leavers with copies still out. */
    public List<Leaver> leavingWithItemsOut() {
        return leaving.stream().filter(l -> l.itemsOut() > 0).toList();
    }

    /** A student the rollover leaves as they are, and why (message key and argument). */
    public record Unchanged(long patronId, String name, String barcode, String schoolName, String reasonKey,
                            String reasonArg) {
    }

    public record Totals(int stay, int move, int graduate, int transfer, int unchanged) {
        public int changed() {
            return stay + move + graduate + transfer;
        }
    }

    /** Whether the rollover may be applied as previewed. */
    public boolean canApply() {
        return applied == null && problems.isEmpty() && totals.changed() > 0;
    }
}
