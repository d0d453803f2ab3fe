package org.carrel.circulation.web;

import static org.carrel.circulation.web.DeskAnswer.line;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CheckinResult;
import org.carrel.circulation.Routing;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.stereotype.Component;

/**
 * Where a copy checked in goes next, as the desk says it: the shelf, the hold shelf (with the patron's name and
 * the pickup-by day for staff who manage holds; a volunteer reads only "hold shelf"), or a transit to a school,
 * named.
 */
@Component
class DeskRouting {

    private final District district;

    DeskRouting(District district) {
        this.district = district;
    }

    DeskAnswer.Line whereNext(SignedInUser user, CheckinResult.CheckedIn in) {
        if (in.routing() == Routing.HOLD_SHELF) {
            if (user.has(Permission.HOLDS_MANAGE) && in.holdFor() != null && in.pickupBy() != null) {
                return line("circulation.desk.route.holdFor", in.holdFor().name(), in.pickupBy().toString());
            }
            return line("circulation.desk.route.holdShelf");
        }
        if (in.routing() == Routing.TRANSIT) {
            String school = in.destinationSchoolId() == null ? "" : district.school(in.destinationSchoolId())
                    .map(SchoolView::name).orElse("");
            return line(in.holdId() != null ? "circulation.desk.route.transitForHold"
                    : "circulation.desk.route.transit", school);
        }
        return line("circulation.desk.route.shelf");
    }
}
