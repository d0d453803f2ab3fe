package org.carrel.catalog.web;

import java.util.Locale;

import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.catalog.MarcExport;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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
        ModelAndView view = new ModelAndView("catalog/export");
        view.addObject("schools", district.schools());
        view.addObject("formats", MarcExport.Format.values());
        return view;
    }

    /**
     * The download, streamed while it is written. Only a hand-made address can name a format or school that does not
     * exist: that gets the 422 error page (there is no form input to correct).
     */
    @GetMapping("/staff/catalog/export/file")
    @Allowed(Permission.CATALOG_IMPORT)
    ResponseEntity<StreamingResponseBody> file(@RequestParam(defaultValue = "MARC") String format,
                                               @RequestParam(defaultValue = "") String school,
                                               @RequestParam(defaultValue = "false") boolean details) {
        MarcExport.Format as = format(format)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT));
        Long schoolId = school.isBlank() ? null : district.school(school.strip()).map(SchoolView::id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT));
        String name = "carrel-catalog-" + district.today() + (as == MarcExport.Format.MARCXML ? ".xml" : ".mrc");
        StreamingResponseBody body = out -> export.write(out, as, schoolId, details);
        return ResponseEntity.ok()
                .contentType(as == MarcExport.Format.MARCXML ? MARCXML : MARC)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
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
