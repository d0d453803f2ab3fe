package org.carrel.patrons.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
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
 * The roster import for ROSTER_MANAGE: upload a OneRoster zip, see the preview (what would be added, updated and
 * deactivated, every rejected line), then apply it. The upload is kept in the data folder between the two steps,
 * under a random name, and removed once applied.
 */
@Controller
class RosterPages {

    /** Changes and rejected lines listed on the preview; the counts cover all of them. */
    static final int LISTED = 200;
    private static final Pattern UPLOAD = Pattern.compile("[0-9a-f-]{36}");

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
        Path saved = save(file, upload);
        return run(upload, saved, new RosterImport.Options(fallback.orElse(null), createSchools, false, true),
                "preview");
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
        ModelAndView view = run(upload, saved, new RosterImport.Options(fallback.orElse(null), createSchools,
                confirmDeactivations, false), user.username());
        RosterReport report = (RosterReport) view.getModel().get("report");
        if (report.applied()) {
            deleteQuietly(saved);
        }
        return view;
    }

    private ModelAndView run(String upload, Path saved, RosterImport.Options options, String actor) {
        RosterReport report;
        try {
            report = imports.run(saved, options, actor);
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

    private Path save(MultipartFile file, String upload) {
        try {
            Files.createDirectories(uploads);
            Path target = uploads.resolve("roster-" + upload + ".zip");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path uploaded(String upload) {
        Path saved = uploads.resolve("roster-" + upload + ".zip");
        if (!UPLOAD.matcher(upload).matches() || !Files.isRegularFile(saved)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return saved;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover upload is harmless; the next cleanup of the data folder removes it
        }
    }
}
