package org.carrel.circulation.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see and act on which patron's loans and charges: staff with the permission who act for the patron's home
 * school (a district admin acts for all), as {@code PatronScope} does for personal data. Also the schools a user
 * picks from, and amounts as typed.
 */
final class LoanScope {

    private LoanScope() {
    }

    static Borrower patron(Patrons patrons, long id) {
        return patrons.borrower(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static boolean may(SignedInUser user, Permission permission, long schoolId) {
        return user != null && user.has(permission) && user.actsFor(schoolId);
    }

    static void require(SignedInUser user, Permission permission, long schoolId) {
        if (!may(user, permission, schoolId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The schools the user acts for (every school for a district admin), in the district's order. */
    static List<SchoolView> schools(SignedInUser user, District district) {
        return district.schools().stream().filter(s -> user.actsFor(s.id())).toList();
    }

    static Map<Long, String> schoolNames(District district) {
        Map<Long, String> names = new LinkedHashMap<>();
        district.schools().forEach(school -> names.put(school.id(), school.name()));
        return names;
    }

    /**
     * The school chosen by code: 404 when unknown, 403 when the user does not act for it; without a code, the
     * user's only school, else none (the page asks).
     */
    static Optional<SchoolView> chosen(SignedInUser user, District district, String code) {
        if (code == null || code.isBlank()) {
            List<SchoolView> mine = schools(user, district);
            return mine.size() == 1 ? Optional.of(mine.get(0)) : Optional.empty();
        }
        SchoolView school = district.school(code.strip())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.actsFor(school.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return Optional.of(school);
    }

    /** An amount as typed ("12", "12.5", "$12.50"); empty when it is not dollars and cents (a comma is refused). */
    static Optional<BigDecimal> amount(String text) {
        String value = text == null ? "" : text.strip().replace("$", "");
        if (!value.matches("[0-9]{1,9}(\\.[0-9]{0,2})?|\\.[0-9]{1,2}")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.endsWith(".") ? value + "0" : value));
    }
}
