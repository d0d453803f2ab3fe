package org.carrel.circulation.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.LoanView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The checkout receipt: a printable page of the copies lent to one patron at this desk in this session, with their
 * due dates and the desk's school. It lists only what this session lent (so it shows a volunteer nothing they did
 * not scan), as each loan stands now: copies checked in since are left out, renewals show their new date.
 */
@Controller
class ReceiptPages {

    private final Circulation circulation;
    private final Patrons patrons;
    private final District district;
    private final DeskView views;

    ReceiptPages(Circulation circulation, Patrons patrons, District district, DeskView views) {
        this.circulation = circulation;
        this.patrons = patrons;
        this.district = district;
        this.views = views;
    }

    @GetMapping(DeskPages.PATH + "/receipt")
    @Allowed(Permission.CIRCULATION_DESK)
    ModelAndView receipt(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long patron,
                         HttpSession session) {
        DeskState desk = DeskState.of(session);
        Long patronId = patron != null ? patron : desk.patronId();
        List<LentCopy> copies = patronId == null ? List.of() : desk.lentTo(patronId).stream()
                .map(this::asNow).flatMap(Optional::stream).toList();
        ModelAndView view = new ModelAndView("circulation/receipt");
        view.addObject("patron", copies.isEmpty() ? null : patrons.summary(patronId).orElse(null));
        view.addObject("copies", copies);
        view.addObject("schoolName", views.school(user, desk).map(SchoolView::name).orElse(""));
        view.addObject("today", district.today());
        return view;
    }

    /** The copy as its loan stands now: gone when checked in, with a renewal's due date. */
    private Optional<LentCopy> asNow(LentCopy lent) {
        Optional<LoanView> loan = circulation.loan(lent.loanId());
        return loan.filter(l -> l.patronId() == lent.patronId())
                .map(l -> new LentCopy(lent.loanId(), lent.patronId(), lent.barcode(), lent.title(), l.dueOn()));
    }
}
