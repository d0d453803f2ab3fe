package org.carrel.circulation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.TransitView;
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
 * What the holds staff of a school work from, on one printable page: the hold shelf (copies set aside, with the
 * ones to pull flagged), the pull list (copies on this school's shelves that waiting holds want), and copies in
 * transit to and from the school; and a title search leading to a title's queue. The page names patrons with the
 * titles they wait for, so each view is audited.
 */
@Controller
class HoldPages {

    /** Titles listed by the title search. */
    static final int FOUND = 20;

    private final Holds holds;
    private final Patrons patrons;
    private final Copies copies;
    private final Catalog catalog;
    private final District district;
    private final AuditLog audit;
    private final Clock clock;

    HoldPages(Holds holds, Patrons patrons, Copies copies, Catalog catalog, District district, AuditLog audit,
              Clock clock) {
        this.holds = holds;
        this.patrons = patrons;
        this.copies = copies;
        this.catalog = catalog;
        this.district = district;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/staff/circulation/holds")
    @Allowed(Permission.HOLDS_MANAGE)
    ModelAndView lists(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                       @RequestParam(defaultValue = "") String q) {
        SchoolView shown = HoldScope.school(district, user, school);
        Map<Long, String> schoolNames = LoanScope.schoolNames(district);
        Names names = new Names();
        List<HoldLines.Shelf> shelf = shelf(shown.id(), HoldScope.today(district, clock), names);
        List<HoldLines.Pull> pull = new ArrayList<>();
        holds.pullList(shown.id()).forEach((hold, item) -> pull.add(new HoldLines.Pull(item.recordId(), item.title(),
                item.callNumber(), item.barcode(), names.of(hold.patronId()),
                schoolNames.getOrDefault(hold.pickupSchoolId(), ""))));
        audit.record(user, "circulation.holds.listed", "school", shown.id(),
                shelf.size() + " on the hold shelf, " + pull.size() + " to pull");
        String query = q.strip();
        ModelAndView view = new ModelAndView("circulation/holds");
        view.addObject("school", shown);
        view.addObject("schools", LoanScope.schools(user, district));
        view.addObject("shelf", shelf);
        view.addObject("pull", pull);
        view.addObject("incoming", transits(holds.incoming(shown.id()), schoolNames, names));
        view.addObject("outgoing", transits(holds.outgoing(shown.id()), schoolNames, names));
        view.addObject("query", query);
        view.addObject("found", query.isEmpty() ? List.of() : catalog.records(query, 0, FOUND));
        return view;
    }

    private List<HoldLines.Shelf> shelf(long schoolId, LocalDate today, Names names) {
        List<HoldLines.Shelf> lines = new ArrayList<>();
        for (HoldView hold : holds.holdShelf(schoolId)) {
            Optional<ItemView> copy = hold.trappedItemId() == null ? Optional.empty()
                    : copies.item(hold.trappedItemId());
            boolean pull = "EXPIRED".equals(hold.status())
                    || hold.pickupBy() != null && hold.pickupBy().isBefore(today);
            lines.add(new HoldLines.Shelf(hold.id(), hold.recordId(), copy.map(ItemView::title).orElse(""),
                    copy.map(ItemView::barcode).orElse(""), names.of(hold.patronId()),
                    names.barcodeOf(hold.patronId()), hold.pickupBy(), pull));
        }
        return lines;
    }

    private List<HoldLines.Transit> transits(List<TransitView> transits, Map<Long, String> schoolNames,
                                             Names names) {
        List<HoldLines.Transit> lines = new ArrayList<>();
        for (TransitView transit : transits) {
            Optional<ItemView> copy = copies.item(transit.itemId());
            String patron = transit.holdId() == null ? null
                    : holds.hold(transit.holdId()).map(h -> names.of(h.patronId())).orElse(null);
            lines.add(new HoldLines.Transit(copy.map(ItemView::recordId).orElse(0L),
                    copy.map(ItemView::title).orElse(""), copy.map(ItemView::barcode).orElse(""),
                    schoolNames.getOrDefault(transit.fromSchoolId(), ""),
                    schoolNames.getOrDefault(transit.toSchoolId(), ""), HoldScope.day(district, transit.sentAt()),
                    patron));
        }
        return lines;
    }

    /** Patrons' names, each read once per page. */
    private final class Names {
        private final Map<Long, Optional<PatronSummary>> read = new HashMap<>();

        String of(long patronId) {
            return summary(patronId).map(PatronSummary::name).orElse("");
        }

        String barcodeOf(long patronId) {
            return summary(patronId).map(PatronSummary::barcode).orElse("");
        }

        private Optional<PatronSummary> summary(long patronId) {
            return read.computeIfAbsent(patronId, patrons::summary);
        }
    }
}
