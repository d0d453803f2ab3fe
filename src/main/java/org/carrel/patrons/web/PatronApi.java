package org.carrel.patrons.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronBlock;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.PatronView;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/patrons?q=}: patrons by name, barcode or student number (staff session or token with
 * PATRON_LOOKUP), each as the desk sees them. {@code GET /api/v1/patrons/{id}}: the patron in full, audited, for
 * staff with PATRON_VIEW at the patron's school; others with PATRON_LOOKUP get the desk's view only.
 */
@RestController
class PatronApi {

    record SummaryJson(long id, String name, String barcode, String school, String type, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PatronJson(long id, String name, String barcode, String school, String type, String status,
                      String givenName, String familyName, String preferredName, String studentNumber, String grade,
                      String homeroom, Integer graduationYear, String email, String preferredLanguage,
                      Boolean keepHistory, Boolean blocked, List<BlockJson> blocks, List<SummaryJson> guardians,
                      List<SummaryJson> students, String notes) {
    }

    record BlockJson(long id, String reason, String placedBy, String placedAt, String liftedAt) {
    }

    private final Patrons patrons;
    private final District district;

    PatronApi(Patrons patrons, District district) {
        this.patrons = patrons;
        this.district = district;
    }

    @GetMapping("/api/v1/patrons")
    @Allowed(Permission.PATRON_LOOKUP)
    ResponseEntity<?> find(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String school,
                           @RequestParam(defaultValue = "20") String limit) {
        Long schoolId = null;
        if (school != null && !school.isBlank()) {
            var found = district.school(school.strip());
            if (found.isEmpty()) {
                return problem("school: the district has no school '" + cut(school) + "'");
            }
            schoolId = found.get().id();
        }
        if (!limit.strip().matches("\\d{1,3}") || Integer.parseInt(limit.strip()) < 1
                || Integer.parseInt(limit.strip()) > Patrons.MAX_FOUND) {
            return problem("limit: '" + cut(limit) + "' is not a whole number from 1 to " + Patrons.MAX_FOUND);
        }
        if (q.isBlank()) {
            return problem("q: give a name, a barcode or a student number");
        }
        Map<Long, String> codes = codes();
        List<SummaryJson> found = patrons.find(q, schoolId, Integer.parseInt(limit.strip())).stream()
                .map(p -> json(p, codes)).toList();
        return ResponseEntity.ok(found);
    }

    @GetMapping("/api/v1/patrons/{id}")
    @Allowed(Permission.PATRON_LOOKUP)
    ResponseEntity<?> patron(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        PatronSummary summary = PatronScope.patron(patrons, id);
        Map<Long, String> codes = codes();
        if (!PatronScope.mayView(user, summary.schoolId())) {
            return ResponseEntity.ok(json(summary, codes));
        }
        PatronView p = patrons.view(id, user.username()).orElseThrow();
        List<BlockJson> blocks = p.blocks().stream().map(PatronApi::json).toList();
        return ResponseEntity.ok(new PatronJson(p.id(), p.displayName(), p.barcode(), codes.get(p.schoolId()),
                p.type().name(), p.status().name(), p.givenName(), p.familyName(), p.preferredName(),
                p.studentNumber(), p.grade() == null ? null : p.grade().label(),
                p.homeroom() == null ? null : p.homeroom().name(), p.graduationYear(), p.email(),
                p.preferredLanguage(), p.keepHistory(), p.blocked(), blocks,
                p.guardians().stream().map(g -> json(g, codes)).toList(),
                p.students().stream().map(s -> json(s, codes)).toList(), p.notes()));
    }

    private Map<Long, String> codes() {
        Map<Long, String> codes = new java.util.HashMap<>();
        for (SchoolView school : district.schools()) {
            codes.put(school.id(), school.code());
        }
        return codes;
    }

    private static SummaryJson json(PatronSummary p, Map<Long, String> codes) {
        return new SummaryJson(p.id(), p.name(), p.barcode(), codes.get(p.schoolId()), p.type().name(),
                p.status().name());
    }

    private static BlockJson json(PatronBlock b) {
        return new BlockJson(b.id(), b.reason(), b.placedBy(), b.placedAt().toString(),
                b.liftedAt() == null ? null : b.liftedAt().toString());
    }

    private static ResponseEntity<ProblemDetail> problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Patron search parameters that cannot be read");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String cut(String text) {
        String stripped = text.strip();
        return stripped.length() <= 40 ? stripped : stripped.substring(0, 40) + "...";
    }
}
