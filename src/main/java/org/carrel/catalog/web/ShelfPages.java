package org.carrel.catalog.web;

import java.util.List;
import java.util.stream.Collectors;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.labels.ShelfEntry;
import org.carrel.catalog.labels.ShelfList;
import org.carrel.district.District;
import org.carrel.district.LocationView;
import org.carrel.district.SchoolView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The shelf list for CATALOG_VIEW: a school's copies in shelf order, 100 a page. Staff who edit the catalogue for
 * that school tick copies to add them to its label queue; everyone else sees the list read-only.
 */
@Controller
class ShelfPages {

    static final int PER_PAGE = 100;

    private final ShelfList shelf;
    private final District district;

    ShelfPages(ShelfList shelf, District district) {
        this.shelf = shelf;
        this.district = district;
    }

    @GetMapping("/staff/catalog/shelf")
    @Allowed(Permission.CATALOG_VIEW)
    ModelAndView list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String school,
                      @RequestParam(required = false) Long location, @RequestParam(defaultValue = "1") int page,
                      @RequestParam(required = false) Integer queued) {
        SchoolView shown = CatalogSchools.viewed(district, user, school);
        List<LocationView> locations = district.locations(shown.id());
        Long only = location != null && locations.stream().anyMatch(l -> l.id() == location) ? location : null;
        int current = Math.max(1, page);
        List<ShelfEntry> entries = shelf.page(shown.id(), only, (current - 1) * PER_PAGE, PER_PAGE + 1);
        ModelAndView view = new ModelAndView("catalog/shelf");
        view.addObject("school", shown);
        view.addObject("schools", district.schools());
        view.addObject("locations", locations);
        view.addObject("location", only);
        view.addObject("locationNames", locations.stream().collect(Collectors.toMap(LocationView::id, LocationView::name)));
        view.addObject("entries", entries.subList(0, Math.min(entries.size(), PER_PAGE)));
        view.addObject("pageNumber", current);
        view.addObject("hasNext", entries.size() > PER_PAGE);
        view.addObject("canQueue", user.has(Permission.CATALOG_EDIT) && user.actsFor(shown.id()));
        view.addObject("queued", queued);
        return view;
    }
}
