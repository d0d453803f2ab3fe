package org.carrel.circulation.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.Refusal;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.stereotype.Component;

/**
 * Which school an API request acts at, and whether the caller may act there. The desk's school is the one the
 * request names; else the caller's only school (a desk's or a SIP2 terminal's token is scoped to its school, so a
 * copy of another school returned there goes in transit); else the copy's own school, which the caller must act
 * for. A district admin acts everywhere.
 */
@Component
class ApiScope {

    /**
     * Where a desk request acts: {@code schoolId} null means the copy's own school; {@code refusal} is set for a
     * school code the district does not have; {@code forbidden} when the caller may not act there.
     */
    record Desk(Long schoolId, Refusal refusal, boolean forbidden) {
        static final Desk COPYS_SCHOOL = new Desk(null, null, false);
        static final Desk FORBIDDEN = new Desk(null, null, true);
    }

    private final District district;
    private final Copies copies;

    ApiScope(District district, Copies copies) {
        this.district = district;
        this.copies = copies;
    }

    Desk desk(SignedInUser user, String schoolCode, String itemBarcode) {
        if (!ApiProblems.blank(schoolCode)) {
            Optional<SchoolView> school = school(schoolCode);
            if (school.isEmpty()) {
                return new Desk(null, Refusal.UNKNOWN_SCHOOL, false);
            }
            return user.actsFor(school.get().id()) ? new Desk(school.get().id(), null, false) : Desk.FORBIDDEN;
        }
        if (user.role() == Role.DISTRICT_ADMIN) {
            return Desk.COPYS_SCHOOL;
        }
        if (user.schoolIds().size() == 1) {
            return new Desk(user.schoolIds().iterator().next(), null, false);
        }
        Optional<ItemView> item = copies.itemByBarcode(itemBarcode == null ? "" : itemBarcode);
        // An unknown copy: circulation answers UNKNOWN_ITEM, which tells nothing about any school.
        return item.isEmpty() || user.actsFor(item.get().schoolId()) ? Desk.COPYS_SCHOOL : Desk.FORBIDDEN;
    }

    /** Whether the caller acts for any of these schools. */
    static boolean actsForAny(SignedInUser user, long... schoolIds) {
        for (long id : schoolIds) {
            if (user.actsFor(id)) {
                return true;
            }
        }
        return false;
    }

    /** A school by code, case-insensitive, from the district's list kept in memory. */
    Optional<SchoolView> school(String code) {
        String wanted = code.strip();
        return district.schools().stream().filter(s -> s.code().equalsIgnoreCase(wanted)).findFirst();
    }

    /** School codes by id, for answers. */
    Map<Long, String> codes() {
        Map<Long, String> codes = new HashMap<>();
        district.schools().forEach(s -> codes.put(s.id(), s.code()));
        return codes;
    }
}
