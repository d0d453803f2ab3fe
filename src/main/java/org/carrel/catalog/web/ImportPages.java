package org.carrel.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.ImportJob;
import org.carrel.catalog.ImportLine;
import org.carrel.catalog.ImportOptions;
import org.carrel.catalog.MarcImports;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * MARC import for CATALOG_IMPORT: the upload form with the recent imports, and an import's page, whose progress part
 * htmx refreshes every second while the import runs (a plain Refresh link does without JavaScript).
 */
@Controller
class ImportPages {

    static final int LINES_PER_PAGE = 100;

    private final MarcImports imports;
    private final District district;
    private final Path uploads;

    ImportPages(MarcImports imports, District district, @Value("${carrel.data-dir}") String dataDir) {
        this.imports = imports;
        this.district = district;
        this.uploads = Path.of(dataDir).resolve("imports");
    }

    @GetMapping("/staff/catalog/imports")
    @Allowed(Permission.CATALOG_IMPORT)
    ModelAndView form(@AuthenticationPrincipal SignedInUser user) {
        return form(user, ImportForm.defaults(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/imports")
    @Allowed(Permission.CATALOG_IMPORT)
    ModelAndView start(@AuthenticationPrincipal SignedInUser user,
                       @RequestParam(name = "files", required = false) List<MultipartFile> files,
                       @ModelAttribute ImportForm form) {
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        if (sent.isEmpty()) {
            errors.put("files", "catalog.import.files.required");
        }
        if (form.schoolCode() != null) {
            Optional<SchoolView> school = district.school(form.schoolCode());
            if (school.isEmpty()) {
                errors.put("school", "catalog.import.school.unknown");
            } else if (!user.actsFor(school.get().id())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
        }
        if (form.onMatchChoice() == null) {
            errors.put("onMatch", "catalog.import.onMatch.invalid");
        }
        if (!errors.isEmpty()) {
            return form(user, form, new FormErrors(errors), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ImportOptions options = user.role() == Role.DISTRICT_ADMIN ? form.options()
                : form.options().onlyAt(user.schoolIds());
        List<Path> saved = save(sent);
        long job;
        try {
            job = imports.start(saved, sent.stream().map(ImportPages::nameOf).toList(), options, user.username());
        } catch (RuntimeException e) {
            saved.forEach(ImportPages::deleteQuietly);
            throw e;
        }
        return new ModelAndView("redirect:/staff/catalog/imports/" + job, HttpStatus.SEE_OTHER);
    }

    @GetMapping("/staff/catalog/imports/{id}")
    @Allowed(Permission.CATALOG_IMPORT)
    ModelAndView job(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        ImportJob job = imports.job(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (htmx != null) {
            if (!job.running()) {
                // The report lines below the progress part are written as the import goes; once it is over,
                // the whole page is loaded again to show them.
                response.setHeader("HX-Refresh", "true");
            }
            ModelAndView fragment = new ModelAndView("catalog/import-progress");
            fragment.addObject("job", job);
            return fragment;
        }
        int current = Math.max(1, page);
        List<ImportLine> lines = imports.lines(id, (current - 1) * LINES_PER_PAGE, LINES_PER_PAGE + 1);
        ModelAndView view = new ModelAndView("catalog/import-job");
        view.addObject("job", job);
        view.addObject("lines", lines.subList(0, Math.min(lines.size(), LINES_PER_PAGE)));
        view.addObject("pageNumber", current);
        view.addObject("hasNext", lines.size() > LINES_PER_PAGE);
        return view;
    }

    private ModelAndView form(SignedInUser user, ImportForm form, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/import");
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("schools", CatalogSchools.actedFor(district, user));
        view.addObject("recent", imports.recent(20));
        view.setStatus(status);
        return view;
    }

    /** Saves each upload to its own new file in the data folder; the import deletes them when it ends. */
    private List<Path> save(List<MultipartFile> files) {
        List<Path> saved = new ArrayList<>();
        try {
            Files.createDirectories(uploads);
            for (MultipartFile file : files) {
                Path target = uploads.resolve(UUID.randomUUID() + ".upload");
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                saved.add(target);
            }
            return saved;
        } catch (IOException e) {
            saved.forEach(ImportPages::deleteQuietly);
            throw new UncheckedIOException("cannot save an upload in " + uploads + ": " + e.getMessage(), e);
        }
    }

    /** The file's own name, without any folder a browser may send. */
    private static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "upload.mrc" : name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A file left behind is only disk space; the error that led here is the one to report.
        }
    }
}
