package org.carrel.catalog.web;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.ItemForm;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.RecordView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adding, editing, changing the status of and deleting copies: CATALOG_EDIT, and only copies of a school the user
 * acts for (any other answers 403).
 */
@Controller
class ItemPages {

    /** Statuses staff set by hand; circulation sets the others. */
    static final java.util.List<ItemStatus> HAND_SET = java.util.Arrays.stream(ItemStatus.values())
            .filter(s -> s != ItemStatus.CHECKED_OUT && s != ItemStatus.IN_TRANSIT && s != ItemStatus.ON_HOLD_SHELF)
            .toList();

    private final Catalog catalog;
    private final Copies copies;
    private final District district;

    ItemPages(Catalog catalog, Copies copies, District district) {
        this.catalog = catalog;
        this.copies = copies;
        this.district = district;
    }

    /** A status change: the new status, why, and the copy's version when the page was shown. */
    record StatusForm(String status, String reason, Long version) {
    }

    @GetMapping("/staff/catalog/records/{id}/items/new")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView newItem(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        RecordView record = CatalogScope.record(catalog, id);
        java.util.List<SchoolView> schools = CatalogScope.schoolsOf(district, user);
        if (schools.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return form(user, record, null, ItemForm.blank(schools.get(0).id()), FormErrors.NONE, null, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/records/{id}/items/new")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView add(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @ModelAttribute ItemForm form) {
        RecordView record = CatalogScope.record(catalog, id);
        requireChosenSchool(user, form);
        CatalogResult result = copies.addItem(id, form, user.username());
        if (result instanceof CatalogResult.Saved saved) {
            return CatalogScope.seeOther(CatalogScope.recordUrl(id) + "?saved#item-" + saved.id());
        }
        return form(user, record, null, form, result.errors(), refusal(result), status(result));
    }

    @GetMapping("/staff/catalog/items/{id}/edit")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        ItemView item = CatalogScope.editableItem(copies, id, user);
        return form(user, CatalogScope.record(catalog, item.recordId()), item, ItemForm.of(item), FormErrors.NONE,
                null, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/items/{id}/edit")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView update(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                        @ModelAttribute ItemForm form) {
        ItemView item = CatalogScope.editableItem(copies, id, user);
        requireChosenSchool(user, form);
        CatalogResult result = copies.updateItem(id, form, user.username());
        if (result.saved()) {
            return CatalogScope.seeOther(CatalogScope.recordUrl(item.recordId()) + "?saved#item-" + id);
        }
        return form(user, CatalogScope.record(catalog, item.recordId()), item, form, result.errors(), refusal(result),
                status(result));
    }

    @PostMapping("/staff/catalog/items/{id}/status")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView changeStatus(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                              @ModelAttribute StatusForm form) {
        ItemView item = CatalogScope.editableItem(copies, id, user);
        ItemStatus status = parseStatus(form.status());
        CatalogResult result = status == null ? CatalogResult.invalid("status", "form.choice.invalid")
                : copies.changeStatus(id, form.version() == null ? -1 : form.version(), status, form.reason(),
                        user.username());
        if (result.saved()) {
            return CatalogScope.seeOther(CatalogScope.recordUrl(item.recordId()) + "?saved#item-" + id);
        }
        ModelAndView view = form(user, CatalogScope.record(catalog, item.recordId()), item, ItemForm.of(item),
                FormErrors.NONE, refusal(result), status(result));
        view.addObject("statusValue", form.status());
        view.addObject("statusReason", form.reason() == null ? "" : form.reason());
        view.addObject("statusErrors", result.errors());
        return view;
    }

    @GetMapping("/staff/catalog/items/{id}/delete")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView confirmDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return confirm(CatalogScope.editableItem(copies, id, user), null, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/items/{id}/delete")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        ItemView item = CatalogScope.editableItem(copies, id, user);
        CatalogResult result = copies.deleteItem(id, user.username());
        return result.saved() ? CatalogScope.seeOther(CatalogScope.recordUrl(item.recordId()) + "?saved")
                : confirm(item, refusal(result), HttpStatus.CONFLICT);
    }

    /** A copy may be put only in a school the user acts for; an unreadable choice is left to the form rules. */
    private static void requireChosenSchool(SignedInUser user, ItemForm form) {
        try {
            CatalogScope.requireSchool(user, Long.parseLong(form.school() == null ? "" : form.school().strip()));
        } catch (NumberFormatException e) {
            // Catalog answers "choose a school".
        }
    }

    private static ItemStatus parseStatus(String text) {
        try {
            ItemStatus status = ItemStatus.valueOf(text == null ? "" : text.strip());
            return HAND_SET.contains(status) ? status : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CatalogResult.Refused refusal(CatalogResult result) {
        return result instanceof CatalogResult.Refused refused ? refused : null;
    }

    private static HttpStatus status(CatalogResult result) {
        if (result instanceof CatalogResult.Refused refused) {
            return refused.messageKey().endsWith("notFound") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private ModelAndView confirm(ItemView item, CatalogResult.Refused refused, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/delete");
        view.addObject("title", item.barcode());
        view.addObject("action", "/staff/catalog/items/" + item.id() + "/delete");
        view.addObject("back", CatalogScope.recordUrl(item.recordId()) + "#item-" + item.id());
        view.addObject("record", false);
        view.addObject("refused", refused);
        view.setStatus(status);
        return view;
    }

    private ModelAndView form(SignedInUser user, RecordView record, ItemView item, ItemForm form, FormErrors errors,
                              CatalogResult.Refused refused, HttpStatus status) {
        java.util.List<SchoolView> schools = CatalogScope.schoolsOf(district, user);
        ModelAndView view = new ModelAndView("catalog/item-form");
        view.addObject("record", record);
        view.addObject("item", item);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("refused", refused);
        view.addObject("schools", schools);
        view.addObject("locations", CatalogScope.locations(district, schools));
        view.addObject("types", ItemType.values());
        view.addObject("statuses", HAND_SET);
        view.addObject("statusValue", item == null ? "" : item.status().name());
        view.addObject("statusReason", "");
        view.addObject("statusVersion", item == null ? null : item.version());
        view.addObject("statusErrors", FormErrors.NONE);
        view.setStatus(status);
        return view;
    }
}
