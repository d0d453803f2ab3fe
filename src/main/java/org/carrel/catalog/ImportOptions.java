package org.carrel.catalog;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a MARC import treats its records.
 *
 * @param schoolCode the school every copy goes to; null to use the school each holdings field names
 * @param schoolMap  school codes in holdings fields mapped to the district's codes ({@code --school-map FROM=TO})
 * @param matchOn    identifiers that make an incoming record the same title as a stored one
 * @param onMatch    what to do with a record that matches: add it anyway, overlay, merge or skip
 * @param dryRun     report what would happen, change nothing
 * @param onlySchools the schools copies may go to (a librarian's own); null for every school
 */
public record ImportOptions(String schoolCode, Map<String, String> schoolMap, Set<MatchPoint> matchOn, OnMatch onMatch,
                            boolean dryRun, Set<Long> onlySchools) {

    /** Identifiers an import matches on; CONTROL is 001 with 003. */
    public enum MatchPoint { ISBN, LCCN, OCLC, CONTROL }

    /** What to do with an incoming record that matches a stored one. Its copies are added to the stored record. */
    public enum OnMatch {
        /** Add it as a new record all the same. */
        ADD,
        /** Replace the stored record with the incoming one. */
        OVERLAY,
        /** Take the incoming record but keep the stored record's local fields (59X and 9XX). */
        MERGE,
        /** Keep the stored record as it is. */
        SKIP
    }

    public ImportOptions {
        schoolMap = Map.copyOf(schoolMap);
        matchOn = Set.copyOf(matchOn);
        onlySchools = onlySchools == null ? null : Set.copyOf(onlySchools);
    }

    /** Options that may place copies at any school (the command line, a district admin). */
    public ImportOptions(String schoolCode, Map<String, String> schoolMap, Set<MatchPoint> matchOn, OnMatch onMatch,
                         boolean dryRun) {
        this(schoolCode, schoolMap, matchOn, onMatch, dryRun, null);
    }

    /** The same options for someone who may add copies only at these schools: others' copies are reported. */
    public ImportOptions onlyAt(Set<Long> schoolIds) {
        return new ImportOptions(schoolCode, schoolMap, matchOn, onMatch, dryRun, schoolIds);
    }

    /** Match on every identifier and keep stored records as they are: the safe choice. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, Map.of(), Set.of(MatchPoint.values()), OnMatch.SKIP, false);
    }

    /** The options as one line for the import's report. */
    public String describe() {
        return "match " + matchOn.stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                + ", on match " + onMatch + (schoolCode == null ? "" : ", school " + schoolCode)
                + (schoolMap.isEmpty() ? "" : ", school map " + new java.util.TreeMap<>(schoolMap))
                + (dryRun ? ", dry run" : "");
    }
}
