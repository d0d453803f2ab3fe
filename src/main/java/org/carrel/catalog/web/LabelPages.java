package org.carrel.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.labels.LabelPrint;
import org.carrel.catalog.labels.LabelQueue;
import org.carrel.catalog.labels.LabelSheet;
import org.carrel.catalog.labels.Symbology;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The label print queue for CATALOG_EDIT, per school the user acts for: scan barcodes into it (the box keeps focus
 * and Enter sends each scan), take copies out, and print the whole queue as spine or barcode labels.
 */
@Controller
class LabelPages {

    private final LabelQueue labels;
    private final District district;

    LabelPages(LabelQueue labels, District district) {
        this.labels = labels;
        this.district = district;
    }

    @GetMapping("/staff/catalog/labels")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView queue(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                       @RequestParam(required = false) Integer added, @RequestParam(required = false) Integer removed) {
        List<SchoolView> own = CatalogSchools.actedFor(district, user);
        if (own.isEmpty() && school.isBlank()) {
            ModelAndView none = new ModelAndView("catalog/labels");
            none.addObject("schools", own);
            return none;
        }
        SchoolView shown = CatalogSchools.actedFor(district, user, school);
        List<LabelNotice> notices = new ArrayList<>();
        if (added != null) {
            notices.add(new LabelNotice("catalog.labels.added", added));
        }
        if (removed != null) {
            notices.add(new LabelNotice("catalog.labels.removed", removed));
        }
        return page(own, shown, LabelPrintForm.defaults(), notices, List.of(), HttpStatus.OK);
    }

    /** Queues copies ticked on the shelf list ({@code item}) or scanned into the box ({@code barcode}). */
    @PostMapping("/staff/catalog/labels/add")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView add(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                     @RequestParam(name = "item", required = false) List<Long> items,
                     @RequestParam(defaultValue = "") String barcode, @RequestParam(defaultValue = "") String from,
                     @RequestParam(required = false) Long location, @RequestParam(defaultValue = "1") int page) {
        SchoolView shown = CatalogSchools.actedFor(district, user, school);
        if (items != null || from.equals("shelf")) {
            int added = items == null ? 0 : labels.add(shown.id(), items, user.username());
            return from.equals("shelf") ? backToShelf(shown, location, page, added) : redirect(shown, "added", added);
        }
        if (barcode.isBlank()) {
            return page(CatalogSchools.actedFor(district, user), shown, LabelPrintForm.defaults(), List.of(),
                    List.of(new LabelNotice("catalog.labels.barcode.required")), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        // A scanner sends one barcode and Enter; a pasted list may hold several, one a line or separated by spaces.
        LabelQueue.Scanned scanned = labels.addBarcodes(shown.id(), Arrays.asList(barcode.strip().split("\\s+")),
                user.username());
        List<LabelNotice> problems = new ArrayList<>();
        if (!scanned.notFound().isEmpty()) {
            problems.add(new LabelNotice("catalog.labels.barcode.notFound", String.join(", ", scanned.notFound())));
        }
        if (!scanned.otherSchool().isEmpty()) {
            problems.add(new LabelNotice("catalog.labels.barcode.otherSchool", String.join(", ", scanned.otherSchool())));
        }
        if (problems.isEmpty() && scanned.alreadyQueued().isEmpty()) {
            return redirect(shown, "added", scanned.added());
        }
        List<LabelNotice> notices = new ArrayList<>();
        notices.add(new LabelNotice("catalog.labels.added", scanned.added()));
        if (!scanned.alreadyQueued().isEmpty()) {
            notices.add(new LabelNotice("catalog.labels.barcode.alreadyQueued", String.join(", ", scanned.alreadyQueued())));
        }
        return page(CatalogSchools.actedFor(district, user), shown, LabelPrintForm.defaults(), notices, problems,
                problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Takes the copies named by {@code item} out of the queue, or all of them when {@code all} is sent. */
    @PostMapping("/staff/catalog/labels/remove")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView remove(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                        @RequestParam(name = "item", required = false) List<Long> items,
                        @RequestParam(defaultValue = "false") boolean all) {
        SchoolView shown = CatalogSchools.actedFor(district, user, school);
        int removed = all ? labels.clear(shown.id()) : labels.remove(shown.id(), items == null ? List.of() : items);
        return redirect(shown, "removed", removed);
    }

    @PostMapping("/staff/catalog/labels/pdf")
    @Allowed(Permission.CATALOG_EDIT)
    Object pdf(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
               @ModelAttribute LabelPrintForm form) {
        SchoolView shown = CatalogSchools.actedFor(district, user, school);
        LabelPrint result = form.choicesKnown() ? labels.print(shown.id(), form.request())
                : new LabelPrint.Refused("catalog.labels.choice.invalid");
        if (result instanceof LabelPrint.Printed printed) {
            String name = "labels-" + shown.code().toLowerCase(java.util.Locale.ROOT) + "-" + district.today() + ".pdf";
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                    .body(printed.pdf());
        }
        LabelPrint.Refused refused = (LabelPrint.Refused) result;
        return page(CatalogSchools.actedFor(district, user), shown, form, List.of(),
                List.of(new LabelNotice(refused.messageKey(), refused.arguments())), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView page(List<SchoolView> own, SchoolView school, LabelPrintForm form, List<LabelNotice> notices,
                              List<LabelNotice> problems, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/labels");
        view.addObject("schools", own);
        view.addObject("school", school);
        view.addObject("queue", labels.queue(school.id()));
        view.addObject("form", form);
        view.addObject("sheets", LabelSheet.values());
        view.addObject("symbologies", Symbology.values());
        view.addObject("kinds", LabelPrint.Kind.values());
        view.addObject("notices", notices);
        view.addObject("problems", problems);
        view.setStatus(status);
        return view;
    }

    private static ModelAndView backToShelf(SchoolView school, Long location, int page, int added) {
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/staff/catalog/shelf")
                .queryParam("school", school.code()).queryParam("page", page).queryParam("queued", added);
        if (location != null) {
            back.queryParam("location", location);
        }
        return new ModelAndView("redirect:" + back.encode().toUriString(), HttpStatus.SEE_OTHER);
    }

    private static ModelAndView redirect(SchoolView school, String what, int count) {
        return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/staff/catalog/labels")
                .queryParam("school", school.code()).queryParam(what, count).encode().toUriString(),
                HttpStatus.SEE_OTHER);
    }
}
