package org.carrel.patrons.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.CsvMapping;
import org.carrel.patrons.RosterImport;
import org.carrel.patrons.RosterReport;
import org.carrel.shared.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The roster import for ROSTER_MANAGE: upload a OneRoster zip (or a plain CSV file, whose columns are then matched
 * to patron values and the choice saved for the district), see the preview (what would be added, updated and
 * deactivated, every rejected line), then apply it. The upload is kept in the data folder between the two steps,
 * under a random name, and removed once applied, or by a later upload once it is a day old.
 */
@Controller
class RosterPages {

    /** Changes and rejected lines listed on the preview; the counts cover all of them. */
    static final int LISTED = 200;
    private static final Pattern UPLOAD = Pattern.compile("[0-9a-f-]{36}");
    /** How long an upload waits to be applied before the next upload deletes it. */
    static final java.time.Duration KEPT = java.time.Duration.ofDays(1);

    private final RosterImport imports;
    private final District district;
    private final Path uploads;

    RosterPages(RosterImport imports, District district, @Value("${carrel.data-dir}") String dataDir) {
        this.imports = imports;
        this.district = district;
        this.uploads = Path.of(dataDir).resolve("uploads");
    }

    @GetMapping("/staff/patrons/roster")
    @Allowed(Permission.ROSTER_MANAGE)
    ModelAndView form() {
        return form(FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/patrons/roster")
    @Allowed(Permission.ROSTER_MANAGE)
    ModelAndView preview(@RequestParam(name = "file", required = false) MultipartFile file,
                         @RequestParam(defaultValue = "") String school,
                         @RequestParam(defaultValue = "false") boolean createSchools) {
        if (file == null || file.isEmpty()) {
            return form(FormErrors.of("file", "patrons.roster.file.required"), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Optional<String> fallback = school(school);
        if (fallback == null) {
            return form(FormErrors.of("school", "patrons.school.unknown"), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String upload = UUID.randomUUID().toString();
        boolean csv = file.getOriginalFilename() != null
                && file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        Path saved = save(file, upload, csv ? ".csv" : ".zip");
        if (csv) {
            List<String> headers;
            try {
                headers = imports.headers(saved);
            } catch (RosterImport.UnreadablePackage e) {
                deleteQuietly(saved);
                return form(FormErrors.of("file", "patrons.roster.file.unreadable"), HttpStatus.UNPROCESSABLE_CONTENT)
                        .addObject("unreadable", e.getMessage());
            }
            CsvMapping remembered = imports.savedMapping();
            CsvMapping proposed = remembered.columns().values().stream().allMatch(headers::contains)
                    && remembered.missing().isEmpty() ? remembered : CsvMapping.guess(headers);
            return mapping(upload, headers, proposed, fallback.orElse(""), createSchools, FormErrors.NONE,
                    HttpStatus.OK);
        }
        return run(upload, saved, new RosterImport.Options(fallback.orElse(null), createSchools, false, true),
                "preview", null);
    }

    @PostMapping("/staff/patrons/roster/{upload}/mapping")
    @Allowed(Permission.ROSTER_MANAGE)
    ModelAndView map(@AuthenticationPrincipal SignedInUser user, @PathVariable String upload,
                     @RequestParam java.util.Map<String, String> params) {
        Path saved = uploaded(upload);
        String school = params.getOrDefault("school", "");
        boolean createSchools = "true".equals(params.get("createSchools"));
        Optional<String> fallback = school(school);
        if (fallback == null || !saved.toString().endsWith(".csv")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown school or not a CSV upload");
        }
        java.util.Map<CsvMapping.Field, String> columns = new java.util.EnumMap<>(CsvMapping.Field.class);
        for (CsvMapping.Field field : CsvMapping.Field.values()) {
            columns.put(field, params.getOrDefault("column." + field.name(), ""));
        }
        CsvMapping mapping = new CsvMapping(columns);
        List<String> headers;
        try {
            headers = imports.headers(saved);
        } catch (RosterImport.UnreadablePackage e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!mapping.missing().isEmpty() || !headers.containsAll(mapping.columns().values())) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            mapping.missing().forEach(field -> errors.put("column." + field.name(), "patrons.csv.column.required"));
            return mapping(upload, headers, mapping, fallback.orElse(""), createSchools, new FormErrors(errors),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        imports.saveMapping(mapping, user.username());
        return run(upload, saved, new RosterImport.Options(fallback.orElse(null), createSchools, false, true),
                "preview", mapping);
    }

    @PostMapping("/staff/patrons/roster/{upload}/apply")
    @Allowed(Permission.ROSTER_MANAGE)
    ModelAndView apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String upload,
                       @RequestParam(defaultValue = "") String school,
                       @RequestParam(defaultValue = "false") boolean createSchools,
                       @RequestParam(defaultValue = "false") boolean confirmDeactivations) {
        Path saved = uploaded(upload);
        Optional<String> fallback = school(school);
        if (fallback == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown school");
        }
        CsvMapping mapping = saved.toString().endsWith(".csv") ? imports.savedMapping() : null;
        ModelAndView view = run(upload, saved, new RosterImport.Options(fallback.orElse(null), createSchools,
                confirmDeactivations, false), user.username(), mapping);
        RosterReport report = (RosterReport) view.getModel().get("report");
        if (report.applied()) {
            deleteQuietly(saved);
        }
        return view;
    }

    private ModelAndView run(String upload, Path saved, RosterImport.Options options, String actor,
                             CsvMapping mapping) {
        RosterReport report;
        try {
            report = mapping == null ? imports.run(saved, options, actor)
                    : imports.runCsv(saved, mapping, options, actor);
        } catch (RosterImport.UnreadablePackage e) {
            deleteQuietly(saved);
            return form(FormErrors.of("file", "patrons.roster.file.unreadable"), HttpStatus.UNPROCESSABLE_CONTENT)
                    .addObject("unreadable", e.getMessage());
        }
        ModelAndView view = new ModelAndView("patrons/roster-preview");
        view.addObject("report", report);
        view.addObject("upload", upload);
        view.addObject("school", options.fallbackSchool() == null ? "" : options.fallbackSchool());
        view.addObject("createSchools", options.createSchools());
        view.addObject("listed", LISTED);
        return view;
    }

    /** The school code given (empty when none), or null when the district has no such school. */
    private Optional<String> school(String code) {
        if (code.isBlank()) {
            return Optional.empty();
        }
        return district.school(code.strip()).map(SchoolView::code).map(Optional::of).orElse(null);
    }

    private ModelAndView form(FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("patrons/roster");
        view.addObject("errors", errors);
        view.addObject("schools", district.schools());
        view.setStatus(status);
        return view;
    }

    private ModelAndView mapping(String upload, List<String> headers, CsvMapping mapping, String school,
                                 boolean createSchools, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("patrons/roster-mapping");
        view.addObject("upload", upload);
        view.addObject("headers", headers);
        view.addObject("mapping", mapping);
        view.addObject("fields", CsvMapping.Field.values());
        view.addObject("school", school);
        view.addObject("createSchools", createSchools);
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }

    private Path save(MultipartFile file, String upload, String extension) {
        try {
            Files.createDirectories(uploads);
            forgetOldUploads();
            Path target = uploads.resolve("roster-" + upload + extension);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes roster uploads older than {@link #KEPT}: a preview nobody applied must not leave students' data in the
     * data folder for good.
     */
    private void forgetOldUploads() throws IOException {
        java.time.Instant cutoff = java.time.Instant.now().minus(KEPT);
        try (java.util.stream.Stream<Path> files = Files.list(uploads)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("roster-")).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    deleteQuietly(file);
                }
            }
        }
    }

    private Path uploaded(String upload) {
        if (UPLOAD.matcher(upload).matches()) {
            for (String extension : List.of(".zip", ".csv")) {
                Path saved = uploads.resolve("roster-" + upload + extension);
                if (Files.isRegularFile(saved)) {
                    return saved;
                }
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover upload is harmless; the next cleanup of the data folder removes it
        }
    }
}
