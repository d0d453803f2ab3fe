package org.carrel.patrons;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.stereotype.Component;

/**
 * {@code import-roster PATH [--school CODE] [--create-schools] [--confirm-deactivations] [--map FIELD=COLUMN]...
 * [--dry-run] [--json]}: imports a OneRoster 1.1 or 1.2 CSV package (zip or folder) into patrons, or a plain CSV file
 * ({@code .csv}) read with the district's saved column mapping, which {@code --map} options change and save.
 * Rejected lines are printed first, one per line ({@code FILE:LINE: reason}), then notes; with {@code --json} the
 * last line is {@code {"added":N,"updated":N,"deactivated":N,"rejected":N}}. Exit 1 when a line was rejected or the
 * import was held (too many deactivations to apply without {@code --confirm-deactivations}).
 */
@Component
class ImportRosterCommand implements AdminCommand {

    static final String USAGE_LINE = "import-roster PATH [--school CODE] [--create-schools] [--confirm-deactivations]"
            + " [--map FIELD=COLUMN]... [--dry-run] [--json]";

    private final RosterImport imports;

    ImportRosterCommand(RosterImport imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "import-roster";
    }

    @Override
    public String summary() {
        return USAGE_LINE.substring(name().length() + 1) + ": import students, staff and guardians from OneRoster CSV";
    }

    /** The saved mapping with the {@code --map FIELD=COLUMN} options on top (field names as in {@link CsvMapping}). */
    static CsvMapping mapping(CsvMapping saved, List<String> pairs) {
        java.util.Map<CsvMapping.Field, String> columns = new java.util.EnumMap<>(CsvMapping.Field.class);
        columns.putAll(saved.columns());
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--map takes FIELD=COLUMN, not '" + pair + "'");
            }
            String field = pair.substring(0, equals).strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                columns.put(CsvMapping.Field.valueOf(field), pair.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--map knows the fields " + java.util.Arrays.stream(
                        CsvMapping.Field.values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(java.util.stream.Collectors.joining(", ")) + ", not '" + field + "'");
            }
        }
        return new CsvMapping(columns);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Set.of("school", "map"),
                    Set.of("create-schools", "confirm-deactivations", "dry-run", "json"), true);
            if (line.positional().size() != 1) {
                throw new CommandLine.UsageException("name one roster package (a zip file or a folder)");
            }
        } catch (CommandLine.UsageException e) {
            err.println("import-roster: " + e.getMessage() + ". Usage: " + USAGE_LINE);
            return USAGE;
        }
        RosterImport.Options options = new RosterImport.Options(
                line.option("school").map(code -> code.strip().toUpperCase(Locale.ROOT)).orElse(null),
                line.flag("create-schools"), line.flag("confirm-deactivations"), line.flag("dry-run"));
        RosterReport report;
        long started = System.nanoTime();
        Path path = Path.of(line.positional().get(0));
        try {
            if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                CsvMapping mapping = mapping(imports.savedMapping(), line.all("map"));
                if (!line.all("map").isEmpty() && !options.dryRun()) {
                    imports.saveMapping(mapping, "command-line");
                }
                report = imports.runCsv(path, mapping, options, "command-line");
            } else {
                report = imports.run(path, options, "command-line");
            }
        } catch (IllegalArgumentException e) {
            err.println("import-roster: " + e.getMessage() + ". Usage: " + USAGE_LINE);
            return USAGE;
        } catch (RosterImport.UnreadablePackage e) {
            err.println("import-roster: " + e.getMessage() + ".");
            return INPUT_ERRORS;
        }
        err.println("import-roster: " + (report.applied() ? "read, checked and applied" : "read and checked") + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        report.rejected().forEach(problem -> out.println(problem));
        report.notes().forEach(note -> out.println("note: " + note));
        if (line.flag("json")) {
            out.println(report.json());
        } else {
            String counts = report.added() + " added, " + report.updated() + " updated, " + report.deactivated()
                    + " deactivated, " + report.unchanged() + " unchanged, " + report.rejected().size() + " rejected";
            out.println(report.applied() ? "Imported: " + counts + "."
                    : (report.held() ? "Held" : "Dry run") + " (nothing was changed); it would make: " + counts + ".");
        }
        return report.rejected().isEmpty() && !report.held() ? OK : INPUT_ERRORS;
    }
}
