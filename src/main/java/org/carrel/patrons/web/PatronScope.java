package org.carrel.patrons.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see and change which patron: anyone with PATRON_LOOKUP finds patrons district-wide by name or barcode;
 * personal data and changes are for staff with PATRON_VIEW or PATRON_EDIT who act for the patron's home school.
 */
final class PatronScope {

    private PatronScope() {
    }

    /** School names by id, for lists of patrons and homerooms. */
    static Map<Long, String> schoolNames(District district) {
        Map<Long, String> names = new LinkedHashMap<>();
        district.schools().forEach(school -> names.put(school.id(), school.name()));
        return names;
    }

    static PatronSummary patron(Patrons patrons, long id) {
        return patrons.summary(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static boolean mayView(SignedInUser user, long schoolId) {
        return user != null && user.has(Permission.PATRON_VIEW) && user.actsFor(schoolId);
    }

    static boolean mayEdit(SignedInUser user, long schoolId) {
        return user != null && user.has(Permission.PATRON_EDIT) && user.actsFor(schoolId);
    }

    static void requireView(SignedInUser user, long schoolId) {
        if (!mayView(user, schoolId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    static void requireEdit(SignedInUser user, long schoolId) {
        if (!mayEdit(user, schoolId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
