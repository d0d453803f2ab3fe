package org.carrel.circulation.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationJobs;
import org.carrel.circulation.OverdueLoan;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.HomeroomView;
import org.carrel.patrons.Patrons;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Overdue lists of a school (the user's, or one picked from theirs): every overdue loan with its patron and homeroom,
 * optionally one homeroom's, and the same per homeroom teacher as a PDF to print. Names with titles: LOANS_VIEW
 * only; every list is audited ({@code circulation.overdues.viewed}). District admins also run the daily jobs here.
 */
@Controller
class OverduePages {

    private final Circulation circulation;
    private final CirculationJobs jobs;
    private final Patrons patrons;
    private final District district;
    private final MessageSource messages;

    OverduePages(Circulation circulation, CirculationJobs jobs, Patrons patrons, District district,
                 MessageSource messages) {
        this.circulation = circulation;
        this.jobs = jobs;
        this.patrons = patrons;
        this.district = district;
        this.messages = messages;
    }

    @GetMapping("/staff/circulation/overdues")
    @Allowed(Permission.LOANS_VIEW)
    ModelAndView overdues(@AuthenticationPrincipal SignedInUser user,
                          @RequestParam(defaultValue = "") String school,
                          @RequestParam(required = false) Long homeroom) {
        ModelAndView view = new ModelAndView("circulation/overdues");
        Optional<SchoolView> chosen = LoanScope.chosen(user, district, school);
        view.addObject("schools", LoanScope.schools(user, district));
        view.addObject("school", chosen.orElse(null));
        view.addObject("canForgive", user.has(Permission.CHARGES_FORGIVE));
        view.addObject("canRunJobs", user.has(Permission.DISTRICT_EDIT));
        if (chosen.isEmpty()) {
            view.addObject("homerooms", Map.of());
            view.addObject("lines", List.of());
            view.addObject("homeroom", null);
            return view;
        }
        Map<Long, HomeroomView> homerooms = homerooms(chosen.get().id());
        HomeroomView only = homeroom == null ? null : Optional.ofNullable(homerooms.get(homeroom))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<OverdueLoan> lines = circulation.overdue(chosen.get().id(), user.username()).stream()
                .filter(line -> only == null || Long.valueOf(only.id()).equals(line.patron().homeroomId()))
                .toList();
        view.addObject("homerooms", homerooms);
        view.addObject("lines", lines);
        view.addObject("homeroom", only);
        return view;
    }

    @GetMapping("/staff/circulation/overdues/homerooms.pdf")
    @Allowed(Permission.LOANS_VIEW)
    ResponseEntity<byte[]> homeroomPdf(@AuthenticationPrincipal SignedInUser user, Locale locale,
                                       @RequestParam(defaultValue = "") String school,
                                       @RequestParam(required = false) Long homeroom) {
        SchoolView chosen = LoanScope.chosen(user, district, school)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "which school?"));
        Map<Long, HomeroomView> homerooms = homerooms(chosen.id());
        if (homeroom != null && !homerooms.containsKey(homeroom)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<OverdueLoan> lines = circulation.overdue(chosen.id(), user.username()).stream()
                .filter(line -> homeroom == null || homeroom.equals(line.patron().homeroomId())).toList();
        byte[] pdf = new OverduePdf((key, args) -> messages.getMessage(key, args, key, locale))
                .print(chosen.name(), district.today(), homeroom == null ? homerooms.values()
                        : List.of(homerooms.get(homeroom)), lines, homeroom == null);
        String file = "overdues-" + chosen.code().toLowerCase(Locale.ROOT) + "-" + district.today() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(pdf);
    }

    @PostMapping("/staff/circulation/jobs/run")
    @Allowed(Permission.DISTRICT_EDIT)
    ModelAndView runJobs() {
        ModelAndView view = new ModelAndView("circulation/jobs");
        view.addObject("counts", jobs.runNow());
        return view;
    }

    /** The school's homerooms and classes by id, in name order. */
    private Map<Long, HomeroomView> homerooms(long schoolId) {
        Map<Long, HomeroomView> byId = new LinkedHashMap<>();
        patrons.homerooms(schoolId).stream()
                .sorted(Comparator.comparing(HomeroomView::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(h -> byId.put(h.id(), h));
        return byId;
    }
}
