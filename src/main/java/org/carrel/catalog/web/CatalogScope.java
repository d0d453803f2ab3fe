package org.carrel.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.RecordView;
import org.carrel.district.District;
import org.carrel.district.LocationView;
import org.carrel.district.SchoolView;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Finds what a catalogue page is about (404 when it is gone) and refuses (403) edits of another school's copies. */
final class CatalogScope {

    private CatalogScope() {
    }

    static RecordView record(Catalog catalog, long id) {
        return catalog.record(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static ItemView item(Copies copies, long id) {
        return copies.item(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The copy, if the user may change it: CATALOG_EDIT and acting for its school. */
    static ItemView editableItem(Copies copies, long id, SignedInUser user) {
        ItemView item = item(copies, id);
        requireSchool(user, item.schoolId());
        return item;
    }

    static void requireSchool(SignedInUser user, long schoolId) {
        if (!mayEdit(user, schoolId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    static boolean mayEdit(SignedInUser user, long schoolId) {
        return user != null && user.has(Permission.CATALOG_EDIT) && user.actsFor(schoolId);
    }

    /** The schools the user acts for, by name. */
    static List<SchoolView> schoolsOf(District district, SignedInUser user) {
        return district.schools().stream().filter(school -> user.actsFor(school.id())).toList();
    }

    static Map<Long, String> schoolNames(District district) {
        Map<Long, String> names = new LinkedHashMap<>();
        district.schools().forEach(school -> names.put(school.id(), school.name()));
        return names;
    }

    /** Every location of these schools by id (names for the copy table, options for the copy form). */
    static Map<Long, LocationView> locations(District district, List<SchoolView> schools) {
        Map<Long, LocationView> locations = new LinkedHashMap<>();
        schools.forEach(school -> district.locations(school.id()).forEach(l -> locations.put(l.id(), l)));
        return locations;
    }

    /** 303 See Other: after a POST the browser fetches the next page with GET. */
    static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }

    static String recordUrl(long recordId) {
        return "/staff/catalog/records/" + recordId;
    }
}
