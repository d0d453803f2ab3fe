package org.carrel.catalog.web;

import java.util.Locale;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.catalog.MarcExport;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.FormErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * MARC export for CATALOG_IMPORT: the form, and the download streamed as it is written, so a large catalogue never
 * sits in memory. The form is a GET form: the file is a read, and its address can be bookmarked.
 */
@Controller
class ExportPages {

    static final MediaType MARC = MediaType.parseMediaType("application/marc");
    static final MediaType MARCXML = MediaType.parseMediaType("application/marcxml+xml");

    private final MarcExport export;
    private final District district;

    ExportPages(MarcExport export, District district) {
        this.export = export;
        this.district = district;
    }

    @GetMapping("/staff/catalog/export")
    @Allowed(Permission.CATALOG_IMPORT)
    ModelAndView form() {
        return form(FormErrors.NONE, HttpStatus.OK);
    }

    @GetMapping("/staff/catalog/export/file")
    @Allowed(Permission.CATALOG_IMPORT)
    ResponseEntity<StreamingResponseBody> file(@RequestParam(defaultValue = "MARC") String format, @RequestParam(defaultValue = "") String school,
                @RequestParam(defaultValue = "false") boolean details) {
        Optional<MarcExport.Format> chosen = format(format);
        Optional<SchoolView> only = school.isBlank() ? Optional.empty() : district.school(school.strip());
        if (chosen.isEmpty() || (!school.isBlank() && only.isEmpty())) {
            throw new InvalidExport(chosen.isEmpty() ? FormErrors.of("format", "catalog.export.format.invalid")
                    : FormErrors.of("school", "catalog.export.school.unknown"));
        }
        MarcExport.Format as = chosen.get();
        Long schoolId = only.map(SchoolView::id).orElse(null);
        StreamingResponseBody body = out -> export.write(out, as, schoolId, details);
        String name = "carrel-catalog-" + district.today() + (as == MarcExport.Format.MARCXML ? ".xml" : ".mrc");
        return ResponseEntity.ok()
                .contentType(as == MarcExport.Format.MARCXML ? MARCXML : MARC)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** The download's address was not made by the form (a format or school that does not exist): the form, 422. */
    @ExceptionHandler(InvalidExport.class)
    ModelAndView invalid(InvalidExport invalid) {
        return form(invalid.errors, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView form(FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/export");
        view.addObject("schools", district.schools());
        view.addObject("formats", MarcExport.Format.values());
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }

    /** Thrown before the download starts, so the answer can still be a page. */
    static final class InvalidExport extends RuntimeException {
        private final transient FormErrors errors;

        InvalidExport(FormErrors errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    private static Optional<MarcExport.Format> format(String name) {
        for (MarcExport.Format format : MarcExport.Format.values()) {
            if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
