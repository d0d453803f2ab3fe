package org.carrel.catalog.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carrel.catalog.ImportOptions;
import org.carrel.catalog.ImportOptions.MatchPoint;
import org.carrel.catalog.ImportOptions.OnMatch;

/**
 * The import form as sent: {@code school} is a school code, or blank for the school named in each holdings field;
 * {@code matchOn} names {@link MatchPoint}s; {@code dryRun} is present when ticked.
 */
public record ImportForm(String school, List<String> matchOn, String onMatch, String dryRun) {

    /** Match on every identifier, skip matches: the safe choice, as the command line defaults. */
    static ImportForm defaults() {
        ImportOptions options = ImportOptions.defaults();
        return new ImportForm("", options.matchOn().stream().map(Enum::name).sorted().toList(),
                options.onMatch().name(), null);
    }

    public String schoolCode() {
        return school == null || school.isBlank() ? null : school.strip().toUpperCase(Locale.ROOT);
    }

    public boolean matches(MatchPoint point) {
        return matchOn != null && matchOn.contains(point.name());
    }

    public boolean isDryRun() {
        return dryRun != null && !dryRun.isBlank() && !dryRun.equals("false");
    }

    /** The on-match choice, or null when it names none. */
    public OnMatch onMatchChoice() {
        for (OnMatch choice : OnMatch.values()) {
            if (choice.name().equals(onMatch)) {
                return choice;
            }
        }
        return null;
    }

    ImportOptions options() {
        Set<MatchPoint> points = EnumSet.noneOf(MatchPoint.class);
        for (MatchPoint point : MatchPoint.values()) {
            if (matches(point)) {
                points.add(point);
            }
        }
        return new ImportOptions(schoolCode(), Map.of(), points, onMatchChoice(), isDryRun());
    }
}
