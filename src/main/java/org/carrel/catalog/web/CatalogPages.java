package org.carrel.catalog.web;

import java.util.List;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.RecordSummary;
import org.carrel.catalog.RecordView;
import org.carrel.district.District;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Finding records by title or a copy by barcode, a record's display and its tagged MARC, deleting a record. */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 50;
    static final int NEWEST = 20;

    private final Catalog catalog;
    private final Copies copies;
    private final District district;

    CatalogPages(Catalog catalog, Copies copies, District district) {
        this.catalog = catalog;
        this.copies = copies;
        this.district = district;
    }

    @GetMapping("/staff/catalog")
    @Allowed(Permission.CATALOG_VIEW)
    ModelAndView records(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
                         @RequestParam(required = false) String deleted) {
        String query = q == null ? "" : q.strip();
        ModelAndView view = list(query, "", null, HttpStatus.OK);
        int number = Math.max(1, page);
        if (!query.isEmpty()) {
            int total = catalog.countRecords(query);
            view.addObject("records", catalog.records(query, (number - 1) * PAGE_SIZE, PAGE_SIZE));
            view.addObject("total", total);
            view.addObject("pageNumber", number);
            view.addObject("hasNext", number * PAGE_SIZE < total);
        }
        view.addObject("deleted", deleted != null);
        return view;
    }

    @GetMapping("/staff/catalog/items")
    @Allowed(Permission.CATALOG_VIEW)
    ModelAndView byBarcode(@RequestParam(defaultValue = "") String barcode) {
        return copies.itemByBarcode(barcode)
                .map(item -> CatalogScope.seeOther(CatalogScope.recordUrl(item.recordId()) + "#item-" + item.id()))
                .orElseGet(() -> list("", barcode.strip(), barcode.strip(), HttpStatus.NOT_FOUND));
    }

    @GetMapping("/staff/catalog/records/{id}")
    @Allowed(Permission.CATALOG_VIEW)
    ModelAndView record(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @RequestParam(required = false) String saved) {
        RecordView record = CatalogScope.record(catalog, id);
        ModelAndView view = new ModelAndView("catalog/record");
        view.addObject("record", record);
        view.addObject("schoolNames", CatalogScope.schoolNames(district));
        view.addObject("locations", CatalogScope.locations(district, district.schools()));
        view.addObject("editable", record.items().stream().filter(item -> CatalogScope.mayEdit(user, item.schoolId()))
                .map(ItemView::id).toList());
        view.addObject("canEdit", user.has(Permission.CATALOG_EDIT));
        view.addObject("saved", saved != null);
        return view;
    }

    @GetMapping("/staff/catalog/records/{id}/marc")
    @Allowed(Permission.CATALOG_VIEW)
    ModelAndView marc(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        RecordView record = CatalogScope.record(catalog, id);
        ModelAndView view = new ModelAndView("catalog/marc");
        view.addObject("record", record);
        view.addObject("lines", MarcLines.display(record.marc()));
        view.addObject("canEdit", user.has(Permission.CATALOG_EDIT));
        return view;
    }

    @GetMapping("/staff/catalog/records/{id}/delete")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView confirmDelete(@PathVariable long id) {
        return confirm(CatalogScope.record(catalog, id), null, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/records/{id}/delete")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        RecordView record = CatalogScope.record(catalog, id);
        CatalogResult result = catalog.deleteRecord(id, user.username());
        return result.saved() ? CatalogScope.seeOther("/staff/catalog?deleted")
                : confirm(record, (CatalogResult.Refused) result, HttpStatus.CONFLICT);
    }

    private static ModelAndView confirm(RecordView record, CatalogResult.Refused refused, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/delete");
        view.addObject("title", record.description().title());
        view.addObject("action", CatalogScope.recordUrl(record.id()) + "/delete");
        view.addObject("back", CatalogScope.recordUrl(record.id()));
        view.addObject("record", true);
        view.addObject("refused", refused);
        view.setStatus(status);
        return view;
    }

    private ModelAndView list(String query, String barcode, String notFound, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/records");
        view.addObject("query", query);
        view.addObject("barcode", barcode);
        view.addObject("notFound", notFound);
        view.addObject("records", query.isEmpty() ? catalog.newest(NEWEST) : List.<RecordSummary>of());
        view.addObject("total", 0);
        view.addObject("pageNumber", 1);
        view.addObject("hasNext", false);
        view.addObject("deleted", false);
        view.setStatus(status);
        return view;
    }
}
