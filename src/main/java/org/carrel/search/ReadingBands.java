package org.carrel.search;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrel.catalog.marc.Audience;
import org.carrel.catalog.marc.ReadingLevels;

/** Reading levels and grade bands as numbers and names the index can filter and count. */
final class ReadingBands {

    /** "Grades 3-5", "gr. 4 to 6", "K-2", "PK-1", "3+" as written in 521. */
    private static final Pattern GRADES = Pattern.compile(
            "(?<![A-Za-z0-9])(PK|K|\\d{1,2})(?:\\s*(?:-|to|through|–)\\s*(K|\\d{1,2}))?(\\+)?(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);
    /** "Ages 8-12". */
    private static final Pattern AGES = Pattern.compile("ages?\\s*(\\d{1,2})(?:\\s*(?:-|to|–)\\s*(\\d{1,2}))?",
            Pattern.CASE_INSENSITIVE);

    private ReadingBands() {
    }

    /** The Lexile measure as a number (BR and beginning-reader codes count as 0), or null. */
    static Integer lexile(ReadingLevels levels) {
        String lexile = levels.lexile();
        if (lexile == null) {
            return null;
        }
        if (lexile.toUpperCase(Locale.ROOT).startsWith("BR")) {
            return 0;
        }
        String digits = lexile.replaceAll("\\D", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }

    /** Guided reading A..Z as 1..26 (Z+ as 27), or null. */
    static Integer guided(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        char letter = Character.toUpperCase(level.strip().charAt(0));
        if (letter < 'A' || letter > 'Z') {
            return null;
        }
        return letter - 'A' + 1 + (level.strip().endsWith("+") ? 1 : 0);
    }

    /** The 200-wide Lexile band a measure falls in, named by its lower bound. */
    static String lexileBand(int lexile) {
        return Integer.toString(Math.min(lexile, 1600) / 200 * 200);
    }

    /** Grade bands from the coded audience and the grade or interest notes. */
    static Set<GradeBand> gradeBands(Audience audience, ReadingLevels levels, String audienceNote) {
        Set<GradeBand> bands = EnumSet.noneOf(GradeBand.class);
        if (audience != null) {
            switch (audience) {
                case PRESCHOOL -> bands.add(GradeBand.PRE_K);
                case PRIMARY -> bands.add(GradeBand.K_2);
                case PRE_ADOLESCENT -> bands.addAll(EnumSet.of(GradeBand.GRADES_3_5, GradeBand.GRADES_6_8));
                case ADOLESCENT -> bands.add(GradeBand.GRADES_9_12);
                case ADULT -> bands.add(GradeBand.ADULT);
                case JUVENILE -> bands.addAll(EnumSet.of(GradeBand.K_2, GradeBand.GRADES_3_5, GradeBand.GRADES_6_8));
                default -> { }
            }
        }
        interest(levels.interestLevel(), bands);
        grades(audienceNote, bands);
        return bands;
    }

    /** Accelerated Reader interest levels: LG K-3, MG 4-8, MG+ 6 and up, UG 9-12. */
    private static void interest(String level, Set<GradeBand> bands) {
        if (level == null) {
            return;
        }
        switch (level.strip().toUpperCase(Locale.ROOT)) {
            case "LG" -> bands.addAll(EnumSet.of(GradeBand.K_2, GradeBand.GRADES_3_5));
            case "MG" -> bands.addAll(EnumSet.of(GradeBand.GRADES_3_5, GradeBand.GRADES_6_8));
            case "MG+" -> bands.add(GradeBand.GRADES_6_8);
            case "UG" -> bands.add(GradeBand.GRADES_9_12);
            default -> { }
        }
    }

    private static void grades(String note, Set<GradeBand> bands) {
        if (note == null) {
            return;
        }
        String lower = note.toLowerCase(Locale.ROOT);
        Matcher ages = AGES.matcher(note);
        if (ages.find()) {
            int from = Integer.parseInt(ages.group(1));
            int to = ages.group(2) == null ? from : Integer.parseInt(ages.group(2));
            addGrades(from - 5, to - 5, bands);
        } else if (lower.contains("grade") || lower.matches(".*\\b(pk|k)\\b.*")) {
            Matcher grades = GRADES.matcher(note);
            if (grades.find()) {
                int from = grade(grades.group(1));
                int to = grades.group(2) != null ? grade(grades.group(2)) : grades.group(3) != null ? 12 : from;
                addGrades(from, to, bands);
            }
        }
    }

    private static int grade(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.equals("PK") ? -1 : upper.equals("K") ? 0 : Integer.parseInt(upper);
    }

    /** Grades from..to, PK as -1 and K as 0; past 12 is adult. */
    static void addGrades(int from, int to, Set<GradeBand> bands) {
        for (int grade = Math.max(-1, from); grade <= Math.min(13, Math.max(from, to)); grade++) {
            bands.add(grade < 0 ? GradeBand.PRE_K : grade <= 2 ? GradeBand.K_2 : grade <= 5 ? GradeBand.GRADES_3_5
                    : grade <= 8 ? GradeBand.GRADES_6_8 : grade <= 12 ? GradeBand.GRADES_9_12 : GradeBand.ADULT);
        }
    }
}
