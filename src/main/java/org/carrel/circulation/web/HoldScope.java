package org.carrel.circulation.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.HoldView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Which school a hold page is about and which holds a staff member may act on: a hold belongs to its pickup school
 * and to its patron's home school, and staff with HOLDS_MANAGE who act for either may see who it is for and cancel
 * or suspend it (403 otherwise).
 */
final class HoldScope {

    private HoldScope() {
    }

    /** The school with this code (the user's first when blank) if the user acts for it; 404 unknown, 403 not theirs. */
    static SchoolView school(District district, SignedInUser user, String code) {
        SchoolView school = code == null || code.isBlank()
                ? LoanScope.schools(user, district).stream().findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                : district.school(code.strip()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.actsFor(school.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return school;
    }

    static boolean mayManage(SignedInUser user, HoldView hold, long patronSchoolId) {
        return user.has(Permission.HOLDS_MANAGE) && (user.actsFor(hold.pickupSchoolId())
                || user.actsFor(patronSchoolId));
    }

    static void requireManage(SignedInUser user, HoldView hold, long patronSchoolId) {
        if (!mayManage(user, hold, patronSchoolId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** Today where the district is. */
    static LocalDate today(District district, java.time.Clock clock) {
        return day(district, OffsetDateTime.now(clock));
    }

    /** The day of an instant where the district is ({@link District#zone()}). */
    static LocalDate day(District district, OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(district.zone()).toLocalDate();
    }

    /** 303 See Other: after a POST the browser fetches the next page with GET. */
    static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(redirect);
    }
}
