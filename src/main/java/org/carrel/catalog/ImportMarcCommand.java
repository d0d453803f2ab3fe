package org.carrel.catalog;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carrel.catalog.ImportOptions.MatchPoint;
import org.carrel.catalog.ImportOptions.OnMatch;
import org.carrel.district.District;
import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.stereotype.Component;

/**
 * {@code import-marc FILE... [--school CODE] [--school-map FROM=TO]... [--match isbn,lccn,oclc,001]
 * [--on-match skip|overlay|merge|add] [--dry-run] [--json]}: imports MARC files (ISO 2709 or MARCXML, MARC-8 or
 * UTF-8). Problems are printed one per line as they are found; with {@code --json} the last line is the counts as
 * one JSON object. Exit 1 when any record was rejected or any copy could not be created.
 */
@Component
class ImportMarcCommand implements AdminCommand {

    static final String USAGE_LINE = "import-marc FILE... [--school CODE] [--school-map FROM=TO]... "
            + "[--match isbn,lccn,oclc,001] [--on-match skip|overlay|merge|add] [--dry-run] [--json]";

    /** Report lines that only say what became of a record; the command prints problems and warnings. */
    private static final Set<String> OUTCOMES = Set.of("ADDED", "OVERLAID", "MERGED", "SKIPPED");

    private final MarcImports imports;
    private final District district;

    ImportMarcCommand(MarcImports imports, District district) {
        this.imports = imports;
        this.district = district;
    }

    @Override
    public String name() {
        return "import-marc";
    }

    @Override
    public String summary() {
        return USAGE_LINE.substring(name().length() + 1) + ": import MARC records and their copies";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine line;
        ImportOptions options;
        try {
            line = CommandLine.parse(args, Set.of("school", "school-map", "match", "on-match"),
                    Set.of("dry-run", "json"), true);
            if (line.positional().isEmpty()) {
                throw new CommandLine.UsageException("name at least one MARC file");
            }
            options = new ImportOptions(line.option("school").map(c -> c.strip().toUpperCase(Locale.ROOT)).orElse(null),
                    schoolMap(line.all("school-map")), matchPoints(line.option("match").orElse("isbn,lccn,oclc,001")),
                    onMatch(line.option("on-match").orElse("skip")), line.flag("dry-run"));
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            err.println("import-marc: " + e.getMessage() + ". Usage: " + USAGE_LINE);
            return USAGE;
        }
        List<Path> files = new ArrayList<>();
        for (String name : line.positional()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("import-marc: cannot read the file " + name + ".");
                return INPUT_ERRORS;
            }
            files.add(file);
        }
        List<String> unknown = new ArrayList<>();
        if (options.schoolCode() != null) {
            unknown.add(options.schoolCode());
        }
        unknown.addAll(options.schoolMap().values());
        unknown.removeIf(code -> district.school(code).isPresent());
        if (!unknown.isEmpty()) {
            err.println("import-marc: the district has no school with code " + String.join(", ", unknown) + ".");
            return INPUT_ERRORS;
        }
        int[] problems = {0};
        MarcImports.Finished finished = imports.run(files, line.positional(), options, "command-line", reported -> {
            if (OUTCOMES.contains(reported.outcome())) {
                return;
            }
            if (!"WARNING".equals(reported.outcome())) {
                problems[0]++;
            }
            out.println(reported.describe());
        });
        ImportCounts counts = finished.counts();
        if (line.flag("json")) {
            out.println(counts.toJson());
        } else {
            out.println((options.dryRun() ? "Dry run (nothing was changed): " : "Imported: ") + counts.read()
                    + " read, " + counts.added() + " added, " + counts.overlaid() + " overlaid, " + counts.merged()
                    + " merged, " + counts.skipped() + " skipped, " + counts.rejected() + " rejected, "
                    + counts.items() + " copies. Report: /staff/catalog/imports/" + finished.jobId());
        }
        return problems[0] == 0 ? OK : INPUT_ERRORS;
    }

    static Map<String, String> schoolMap(List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("--school-map takes FROM=TO, not '" + pair + "'");
            }
            map.put(pair.substring(0, equals).strip().toUpperCase(Locale.ROOT),
                    pair.substring(equals + 1).strip().toUpperCase(Locale.ROOT));
        }
        return map;
    }

    static Set<MatchPoint> matchPoints(String text) {
        Set<MatchPoint> points = EnumSet.noneOf(MatchPoint.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.equals("001") || name.equals("CONTROL")) {
                points.add(MatchPoint.CONTROL);
            } else if (name.equals("NONE")) {
                return EnumSet.noneOf(MatchPoint.class);
            } else {
                try {
                    points.add(MatchPoint.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--match takes isbn, lccn, oclc, 001 or none, not '"
                            + part.strip() + "'");
                }
            }
        }
        return points;
    }

    static OnMatch onMatch(String text) {
        try {
            return OnMatch.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--on-match takes skip, overlay, merge or add, not '" + text + "'");
        }
    }
}
