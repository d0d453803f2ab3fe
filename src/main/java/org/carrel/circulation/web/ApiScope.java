package org.carrel.circulation.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.Refusal;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    /** A patron found by barcode for a read the caller may make, or the problem to answer instead. */
    record PatronRead(PatronSummary patron, ResponseEntity<ProblemDetail> problem) {
    }

    private final District district;
    private final Copies copies;
    private final Patrons patrons;
    private final ApiProblems problems;

    ApiScope(District district, Copies copies, Patrons patrons, ApiProblems problems) {
        this.district = district;
        this.copies = copies;
        this.patrons = patrons;
        this.problems = problems;
    }

    /** The patron with this barcode if the caller acts for the patron's school; else a 404 or 403 problem. */
    PatronRead patronToRead(SignedInUser user, String barcode, Locale locale) {
        Optional<PatronSummary> found = patrons.byBarcode(barcode);
        if (found.isEmpty()) {
            return new PatronRead(null, problems.notFound(Refusal.UNKNOWN_PATRON, locale));
        }
        if (!user.actsFor(found.get().schoolId())) {
            return new PatronRead(null, problems.forbidden("circulation.api.patron.forbidden", locale));
        }
        return new PatronRead(found.get(), null);
    }

    /** The problem to answer for a desk that names an unknown school or one the caller may not act at. */
    Optional<ResponseEntity<ProblemDetail>> problem(Desk desk, String schoolCode, Locale locale) {
        if (desk.refusal() != null) {
            return Optional.of(problems.refused(desk.refusal(), ApiProblems.cut(schoolCode), locale));
        }
        return desk.forbidden() ? Optional.of(problems.forbidden("circulation.api.school.forbidden", locale))
                : Optional.empty();
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
