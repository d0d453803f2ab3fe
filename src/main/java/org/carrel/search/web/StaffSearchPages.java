package org.carrel.search.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.search.Search;
import org.carrel.search.SearchResult;
import org.carrel.district.District;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The staff search: the public catalogue's search over staff fields too (barcodes, item notes), each hit with its
 * copies. A barcode scanned into the box goes straight to its copy on the staff record page.
 */
@Controller
class StaffSearchPages {

    static final String PATH = "/staff/search";
    static final int PAGE_SIZE = 25;

    private final Search search;
    private final District district;
    private final MessageSource messages;

    StaffSearchPages(Search search, District district, MessageSource messages) {
        this.search = search;
        this.district = district;
        this.messages = messages;
    }

    @GetMapping(PATH)
    @Allowed(Permission.CATALOG_VIEW)
    ModelAndView search(HttpServletRequest request, Locale locale) {
        SearchParams params = SearchParams.of(request.getParameterMap());
        SearchResult result = params.isEmpty() ? null : search.search(params.request(PAGE_SIZE, true));
        if (result != null && result.barcode() != null) {
            RedirectView redirect = new RedirectView("/staff/catalog/records/" + result.barcode().recordId()
                    + "#item-" + result.barcode().itemId(), true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        Map<Long, String> schoolNames = new LinkedHashMap<>();
        district.schools().forEach(s -> schoolNames.put(s.id(), s.name()));
        ModelAndView view = new ModelAndView("search/staff");
        Results.addTo(view, params, result, new Labels(messages, locale, schoolNames), PATH, false);
        view.addObject("schoolNames", schoolNames);
        return view;
    }
}
