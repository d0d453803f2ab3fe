package org.carrel.catalog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.stereotype.Component;

/**
 * {@code export-marc --out FILE [--format marc|marcxml] [--school CODE] [--no-item-details]}: writes the catalogue
 * to a file, first to a temporary file beside it, so a failed export never leaves half a file under the name asked.
 */
@Component
class ExportMarcCommand implements AdminCommand {

    static final String USAGE_LINE = "export-marc --out FILE [--format marc|marcxml] [--school CODE] [--no-item-details]";

    private final MarcExport export;
    private final District district;

    ExportMarcCommand(MarcExport export, District district) {
        this.export = export;
        this.district = district;
    }

    @Override
    public String name() {
        return "export-marc";
    }

    @Override
    public String summary() {
        return USAGE_LINE.substring(name().length() + 1) + ": write the catalogue with its copies as MARC";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file;
        MarcExport.Format format;
        Optional<String> schoolCode;
        boolean details;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("out", "format", "school"), Set.of("no-item-details"),
                    false);
            file = Path.of(line.required("out"));
            String formatName = line.option("format").orElse("marc");
            format = MarcExport.Format.parse(formatName).orElseThrow(() -> new CommandLine.UsageException(
                    "--format takes marc or marcxml, not '" + formatName + "'"));
            schoolCode = line.option("school");
            details = !line.flag("no-item-details");
        } catch (CommandLine.UsageException e) {
            err.println("export-marc: " + e.getMessage() + ". Usage: " + USAGE_LINE);
            return USAGE;
        }
        Long schoolId = null;
        if (schoolCode.isPresent()) {
            Optional<SchoolView> school = district.school(schoolCode.get());
            if (school.isEmpty()) {
                err.println("export-marc: the district has no school with code '" + schoolCode.get() + "'.");
                return INPUT_ERRORS;
            }
            schoolId = school.get().id();
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            Path partial = Files.createTempFile(folder, ".export-", ".part");
            int written;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                written = export.write(stream, format, schoolId, details);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println("Exported " + written + " records to " + file + ".");
            return OK;
        } catch (IOException e) {
            err.println("export-marc: cannot write " + file + ": " + e.getMessage());
            return INPUT_ERRORS;
        }
    }
}
