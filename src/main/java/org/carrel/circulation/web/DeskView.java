package org.carrel.circulation.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.LoanView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Builds the desk page and its htmx update: the school of the desk, the patron panel and the visit list. The
 * patron's open loans are read through {@link Circulation#loans}, which audits the view, and only for staff with
 * LOANS_VIEW who act for the patron's school; everyone else (volunteers) sees the count and the copies lent at
 * this desk in this session.
 */
@Component
class DeskView {

    /** The most loans the panel lists (a teacher may hold a thousand class-set copies). */
    static final int MAX_LOANS_SHOWN = 100;

    private final Circulation circulation;
    private final Patrons patrons;
    private final District district;
    private final Clock clock;

    DeskView(Circulation circulation, Patrons patrons, District district, Clock clock) {
        this.circulation = circulation;
        this.patrons = patrons;
        this.district = district;
        this.clock = clock;
    }

    /** The schools the user acts for, in the district's order. */
    List<SchoolView> schools(SignedInUser user) {
        return district.schools().stream().filter(school -> user.actsFor(school.id())).toList();
    }

    /** The desk's school: the user's only school, else the one chosen in this session (if still theirs). */
    Optional<SchoolView> school(SignedInUser user, DeskState desk) {
        List<SchoolView> own = schools(user);
        if (own.size() == 1) {
            return Optional.of(own.get(0));
        }
        return own.stream().filter(s -> desk.schoolId() != null && s.id() == desk.schoolId()).findFirst();
    }

    /** The whole page; reads (and audits) the patron's loans when the user may see them. */
    ModelAndView page(SignedInUser user, DeskState desk, DeskMode mode, DeskAnswer answer, HttpStatus status) {
        ModelAndView view = new ModelAndView("circulation/desk");
        List<SchoolView> own = schools(user);
        view.addObject("schools", own);
        view.addObject("school", school(user, desk).orElse(null));
        return fill(view, user, desk, mode, answer, patron(user, desk, true), status);
    }

    /** The htmx answer to a scan: the answer, the patron panel and the visit, and the loans when they changed. */
    ModelAndView update(SignedInUser user, DeskState desk, DeskMode mode, DeskAnswer answer, boolean loans,
                        HttpStatus status) {
        ModelAndView view = new ModelAndView("circulation/desk-update");
        view.addObject("refreshLoans", loans);
        return fill(view, user, desk, mode, answer, patron(user, desk, loans), status);
    }

    /** The htmx answer after renewing all: the loans as the renewals left them, read once. */
    ModelAndView update(SignedInUser user, DeskState desk, DeskMode mode, DeskAnswer answer, List<LoanView> loans) {
        ModelAndView view = new ModelAndView("circulation/desk-update");
        view.addObject("refreshLoans", true);
        DeskPatron patron = patron(user, desk, false);
        DeskPatron withLoans = patron == null ? null : new DeskPatron(patron.patron(), patron.schoolName(),
                patron.blocked(), patron.itemsOut(), lines(loans), loans.size());
        return fill(view, user, desk, mode, answer, withLoans, HttpStatus.OK);
    }

    private ModelAndView fill(ModelAndView view, SignedInUser user, DeskState desk, DeskMode mode,
                              DeskAnswer answer, DeskPatron patron, HttpStatus status) {
        view.addObject("mode", mode);
        view.addObject("answer", answer);
        view.addObject("patron", patron);
        view.addObject("visit", patron == null ? List.of() : desk.lentTo(patron.patron().id()));
        view.addObject("canViewLoans", user.has(Permission.LOANS_VIEW));
        view.setStatus(status);
        return view;
    }

    private DeskPatron patron(SignedInUser user, DeskState desk, boolean withLoans) {
        if (desk.patronId() == null) {
            return null;
        }
        Optional<Borrower> found = patrons.borrower(desk.patronId());
        if (found.isEmpty()) {
            return null;
        }
        Borrower patron = found.get();
        String schoolName = district.school(patron.schoolId()).map(SchoolView::name).orElse("");
        List<DeskPatron.LoanLine> loans = null;
        int total = 0;
        if (withLoans && mayViewLoans(user, patron.schoolId())) {
            List<LoanView> open = circulation.loans(patron.id(), user.username());
            loans = lines(open);
            total = open.size();
        }
        return new DeskPatron(patron.summary(), schoolName, patron.blocked(), circulation.itemsOut(patron.id()),
                loans, total);
    }

    private List<DeskPatron.LoanLine> lines(List<LoanView> loans) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return loans.stream().limit(MAX_LOANS_SHOWN).map(loan -> new DeskPatron.LoanLine(loan, loan.overdueAt(now)))
                .toList();
    }

    static boolean mayViewLoans(SignedInUser user, long patronSchoolId) {
        return user.has(Permission.LOANS_VIEW) && user.actsFor(patronSchoolId);
    }
}
