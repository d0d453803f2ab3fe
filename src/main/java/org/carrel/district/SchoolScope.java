package org.carrel.district;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Finds the school a page is about, and refuses (403) library edits by staff not scoped to it. */
final class SchoolScope {

    private SchoolScope() {
    }

    static SchoolView school(District district, String code) {
        return district.school(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The school, if the user may edit its locations and calendar: SCHOOL_EDIT and acting for it. */
    static SchoolView editable(District district, String code, SignedInUser user) {
        SchoolView school = school(district, code);
        if (!mayEdit(school, user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return school;
    }

    static boolean mayEdit(SchoolView school, SignedInUser user) {
        return user != null && user.has(Permission.SCHOOL_EDIT) && user.actsFor(school.id());
    }
}
