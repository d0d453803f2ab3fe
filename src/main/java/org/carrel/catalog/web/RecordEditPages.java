package org.carrel.catalog.web;

import java.util.Locale;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.RecordView;
import org.carrel.district.District;
import org.carrel.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** Original cataloguing with the simple form, and the line-by-line MARC editor for new and existing records. */
@Controller
class RecordEditPages {

    /** What the MARC editor starts a new record with: a book leader, an 008 to complete and the title field. */
    static final String NEW_RECORD = """
            LDR 00000nam a2200000 i 4500
            008 ||||||s||||    xx            000 0 eng d
            245 00 $a
            """;

    private final Catalog catalog;
    private final District district;
    private final MessageSource messages;

    RecordEditPages(Catalog catalog, District district, MessageSource messages) {
        this.catalog = catalog;
        this.district = district;
        this.messages = messages;
    }

    /** The MARC editor's form: the text and, for an existing record, the version it was read at. */
    record MarcForm(String marc, Long version) {
    }

    @GetMapping("/staff/catalog/records/new")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView newRecord() {
        return form(RecordForm.blank(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/records/new")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView catalogue(@AuthenticationPrincipal SignedInUser user, @ModelAttribute RecordForm form,
                           Locale locale) {
        RecordFormRules.Checked checked = RecordFormRules.check(form, district.today().getYear());
        if (!checked.valid()) {
            FormErrors errors = checked.errors();
            if (checked.badIsbn() != null) {
                // The message names the ISBN, so it is put in words here rather than as a bare key.
                java.util.Map<String, String> named = new java.util.LinkedHashMap<>(errors.byField());
                named.put("isbns", messages.getMessage("catalog.record.isbn.invalid",
                        new Object[] {checked.badIsbn()}, locale));
                errors = new FormErrors(named);
            }
            return form(form, errors, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        CatalogResult result = catalog.catalogue(checked.description(), user.username());
        return result instanceof CatalogResult.Saved saved ? savedRecord(saved.id())
                : form(form, result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/staff/catalog/records/new/marc")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView newMarc() {
        return editor(null, new MarcForm(NEW_RECORD, null), java.util.List.of(), FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/records/new/marc")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView createFromMarc(@AuthenticationPrincipal SignedInUser user, @ModelAttribute MarcForm form) {
        MarcLines.Parsed parsed = MarcLines.parse(form.marc());
        if (!parsed.valid()) {
            return editor(null, form, parsed.problems(), FormErrors.NONE, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        CatalogResult result = catalog.createRecord(parsed.record(), user.username());
        return result instanceof CatalogResult.Saved saved ? savedRecord(saved.id())
                : editor(null, form, java.util.List.of(), result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/staff/catalog/records/{id}/marc/edit")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView editMarc(@PathVariable long id) {
        RecordView record = CatalogScope.record(catalog, id);
        return editor(record, new MarcForm(MarcLines.render(record.marc()), record.version()), java.util.List.of(),
                FormErrors.NONE, HttpStatus.OK);
    }

    @PostMapping("/staff/catalog/records/{id}/marc/edit")
    @Allowed(Permission.CATALOG_EDIT)
    ModelAndView saveMarc(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                          @ModelAttribute MarcForm form) {
        RecordView record = CatalogScope.record(catalog, id);
        MarcLines.Parsed parsed = MarcLines.parse(form.marc());
        if (!parsed.valid()) {
            return editor(record, form, parsed.problems(), FormErrors.NONE, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        long version = form.version() == null ? -1 : form.version();
        CatalogResult result = catalog.updateRecord(id, version, parsed.record(), user.username());
        return result.saved() ? savedRecord(id)
                : editor(record, form, java.util.List.of(), result.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private static ModelAndView savedRecord(long id) {
        return CatalogScope.seeOther(CatalogScope.recordUrl(id) + "?saved");
    }

    private static ModelAndView form(RecordForm form, FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/record-form");
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("audiences", RecordForm.AUDIENCES);
        view.setStatus(status);
        return view;
    }

    private static ModelAndView editor(RecordView record, MarcForm form, java.util.List<MarcLines.Problem> problems,
                                       FormErrors errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("catalog/marc-edit");
        view.addObject("record", record);
        view.addObject("marc", form.marc() == null ? "" : form.marc());
        view.addObject("version", record == null ? null : form.version());
        view.addObject("problems", problems);
        view.addObject("errors", errors);
        view.setStatus(status);
        return view;
    }
}
