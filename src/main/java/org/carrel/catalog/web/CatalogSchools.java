package org.carrel.catalog.web;

import java.util.List;

import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Which school a catalogue page is about: the one asked for, or the user's first; 403 for a school not one's own. */
final class CatalogSchools {

    private CatalogSchools() {
    }

    /** The schools the user acts for, by name (every school for a district admin). */
    static List<SchoolView> actedFor(District district, SignedInUser user) {
        return district.schools().stream().filter(school -> user.actsFor(school.id())).toList();
    }

    /** The school with this code (any school when blank: the user's first, else the district's first); 404 if none. */
    static SchoolView viewed(District district, SignedInUser user, String code) {
        if (code != null && !code.isBlank()) {
            return district.school(code.strip()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        List<SchoolView> own = actedFor(district, user);
        List<SchoolView> all = own.isEmpty() ? district.schools() : own;
        return all.stream().findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The school with this code (the user's first when blank), if the user acts for it; 403 otherwise. */
    static SchoolView actedFor(District district, SignedInUser user, String code) {
        SchoolView school = code == null || code.isBlank()
                ? actedFor(district, user).stream().findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                : viewed(district, user, code);
        if (!user.actsFor(school.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return school;
    }
}
