package org.carrel.circulation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.LoanView;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronType;
import org.carrel.patrons.Patrons;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Class-set checkout: a teacher's barcode and up to {@link Circulation#MAX_CLASS_SET} copy barcodes, one a line,
 * lent at once (not counted against the teacher's limit); each copy answers on its own, lent with its due day or
 * refused with its reason. The copies lent join the desk session's receipt for the teacher.
 */
@Controller
class ClassSetPages {

    static final String PATH = "/staff/circulation/class-set";

    private final Circulation circulation;
    private final Patrons patrons;
    private final DeskView views;

    ClassSetPages(Circulation circulation, Patrons patrons, DeskView views) {
        this.circulation = circulation;
        this.patrons = patrons;
        this.views = views;
    }

    @GetMapping(PATH)
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView form(@AuthenticationPrincipal SignedInUser user, HttpSession session) {
        Optional<SchoolView> school = views.school(user, DeskState.of(session));
        return page(user, school.map(SchoolView::id).orElse(null), "", "", FormErrors.NONE, null, null,
                HttpStatus.OK);
    }

    @PostMapping(PATH)
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView lend(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long school,
                      @RequestParam(defaultValue = "") String teacher, @RequestParam(defaultValue = "") String barcodes,
                      HttpSession session) {
        DeskState desk = DeskState.of(session);
        if (school != null && views.schools(user).stream().noneMatch(s -> s.id() == school)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Long schoolId = school != null ? school : views.school(user, desk).map(SchoolView::id).orElse(null);
        List<String> copies = barcodes(barcodes);
        Map<String, String> errors = new LinkedHashMap<>();
        if (schoolId == null) {
            errors.put("school", "circulation.desk.chooseSchool");
        }
        Optional<Borrower> found = teacher.isBlank() ? Optional.empty() : patrons.borrower(teacher.strip());
        if (teacher.isBlank()) {
            errors.put("teacher", "circulation.classSet.teacher.required");
        } else if (found.isEmpty()) {
            errors.put("teacher", "circulation.refusal.UNKNOWN_PATRON");
        } else if (found.get().type() != PatronType.TEACHER && found.get().type() != PatronType.STAFF) {
            errors.put("teacher", "circulation.classSet.teacher.notTeacher");
        }
        if (copies.isEmpty()) {
            errors.put("barcodes", "circulation.classSet.barcodes.required");
        } else if (copies.size() > Circulation.MAX_CLASS_SET) {
            errors.put("barcodes", "circulation.classSet.barcodes.tooMany");
        }
        if (!errors.isEmpty()) {
            return page(user, schoolId, teacher, barcodes, new FormErrors(errors), null, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        List<CheckoutResult> results = circulation.checkoutClassSet(found.get().barcode(), copies, schoolId,
                user.username(), null);
        List<ClassSetLine> lines = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            lines.add(line(desk, copies.get(i), results.get(i)));
        }
        return page(user, schoolId, found.get().barcode(), "", FormErrors.NONE, lines, found.get(), HttpStatus.OK);
    }

    private static ClassSetLine line(DeskState desk, String barcode, CheckoutResult result) {
        if (result instanceof CheckoutResult.CheckedOut out) {
            LoanView loan = out.loan();
            desk.lent(new LentCopy(loan.id(), loan.patronId(), loan.barcode(), loan.title(), loan.dueOn()));
            return new ClassSetLine(loan.barcode(), loan.title(), loan.dueOn(), null);
        }
        return new ClassSetLine(barcode, null, null, ((CheckoutResult.Refused) result).reason());
    }

    /** The barcodes typed or scanned, one a line (spaces and commas also part them), each once, in order. */
    static List<String> barcodes(String text) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String part : text.split("[\\s,;]+")) {
            if (!part.isBlank()) {
                unique.add(part.strip());
            }
        }
        return List.copyOf(unique);
    }

    private ModelAndView page(SignedInUser user, Long schoolId, String teacher, String barcodes, FormErrors errors,
                              List<ClassSetLine> lines, Borrower lentTo, HttpStatus status) {
        ModelAndView view = new ModelAndView("circulation/class-set");
        view.addObject("schools", views.schools(user));
        view.addObject("schoolId", schoolId);
        view.addObject("teacher", teacher);
        view.addObject("barcodes", barcodes);
        view.addObject("errors", errors);
        view.addObject("lines", lines);
        view.addObject("lentTo", lentTo == null ? null : lentTo.summary());
        view.addObject("max", Circulation.MAX_CLASS_SET);
        view.setStatus(status);
        return view;
    }
}
