package org.carrel.patrons.web;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.patrons.PatronExport;
import org.carrel.patrons.PatronRecords;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;
import org.carrel.shared.FormErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A patron's records on request, for district admins (PATRON_RECORDS): the JSON export of everything Carrel holds
 * about the patron (a download), and erasing the patron's personal data after a confirmation page.
 */
@Controller
class PatronRecordPages {

    private final Patrons patrons;
    private final PatronRecords records;

    PatronRecordPages(Patrons patrons, PatronRecords records) {
        this.patrons = patrons;
        this.records = records;
    }

    @GetMapping("/staff/patrons/{id}/export")
    @Allowed(Permission.PATRON_RECORDS)
    ResponseEntity<PatronExport> export(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        requireRecords(user, PatronScope.patron(patrons, id));
        PatronExport export = records.export(id, user.username())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("patron-" + id + ".json").build().toString())
                .body(export);
    }

    @GetMapping("/staff/patrons/{id}/erase")
    @Allowed(Permission.PATRON_RECORDS)
    ModelAndView confirmErase(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        PatronSummary patron = PatronScope.patron(patrons, id);
        requireRecords(user, patron);
        return page(patron, FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/patrons/{id}/erase")
    @Allowed(Permission.PATRON_RECORDS)
    ModelAndView erase(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "") String confirm) {
        PatronSummary patron = PatronScope.patron(patrons, id);
        requireRecords(user, patron);
        if (!"yes".equals(confirm)) {
            return page(patron, FormErrors.of("confirm", "patrons.erase.confirmRequired"),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        PatronsResult result = records.erase(id, user.username());
        if (result.saved()) {
            return new ModelAndView("redirect:/staff/patrons/" + id + "?erased");
        }
        return page(patron, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** A district admin acts for every school; an API token of that role may be scoped to one. */
    private static void requireRecords(SignedInUser user, PatronSummary patron) {
        if (!user.has(Permission.PATRON_RECORDS) || !user.actsFor(patron.schoolId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static ModelAndView page(PatronSummary patron, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("patrons/erase");
        view.addObject("patron", patron);
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }
}
