package org.carrel.circulation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.Refusal;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/circulation/holds}: place a hold for a patron on a title or one copy, a patron's holds, one hold,
 * cancel (HOLDS_MANAGE, for staff acting for the patron's school or the pickup school; reads are audited). A
 * refusal is a 409 problem with a stable {@code reason}, as in {@link CirculationApi}.
 */
@RestController
@RequestMapping("/api/v1/circulation/holds")
@Tag(name = "Circulation")
@SecurityRequirement(name = "apiToken")
class HoldApi {

    record HoldBody(String patron, Long record, String item, String pickupSchool, LocalDate neededFrom,
                    LocalDate neededUntil, LocalDate notNeededAfter, String override) {
    }

    /** A hold: {@code position} in its title's queue (1 = next; 0 once a copy is set aside for it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HoldJson(long holdId, String patron, long record, String item, String pickupSchool, String status,
                    int position, int priority, String placedAt, String suspendedUntil, String neededFrom,
                    String neededUntil, String expiresOn, String trappedItem, String pickupBy) {
    }

    private final Holds holds;
    private final Patrons patrons;
    private final Copies copies;
    private final ApiScope scope;
    private final ApiProblems problems;

    HoldApi(Holds holds, Patrons patrons, Copies copies, ApiScope scope, ApiProblems problems) {
        this.holds = holds;
        this.patrons = patrons;
        this.copies = copies;
        this.scope = scope;
        this.problems = problems;
    }

    @PostMapping
    @Allowed(Permission.HOLDS_MANAGE)
    @Operation(summary = "Place a hold for a patron",
            description = "Body {\"patron\":\"PATRON-BARCODE\",\"record\":ID,\"item\":\"ITEM-BARCODE\","
                    + "\"pickupSchool\":\"CODE\",\"neededFrom\":\"YYYY-MM-DD\",\"neededUntil\":\"YYYY-MM-DD\","
                    + "\"notNeededAfter\":\"YYYY-MM-DD\",\"override\":\"reason\"}: item (a hold on one copy), "
                    + "pickupSchool (default: the patron's school), the dates (a teacher's reservation) and override "
                    + "(needs CIRCULATION_OVERRIDE) are optional.")
    @ApiResponse(responseCode = "201", description = "Placed; Location is the hold",
            content = @Content(schema = @Schema(implementation = HoldJson.class)))
    @ApiResponse(responseCode = "409", description = "Refused: 'reason' says why",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> place(@AuthenticationPrincipal SignedInUser user, @RequestBody HoldBody body, Locale locale) {
        List<String> unreadable = new ArrayList<>();
        if (ApiProblems.blank(body.patron())) {
            unreadable.add(problems.required("patron", locale));
        }
        if (body.record() == null) {
            unreadable.add(problems.required("record", locale));
        }
        if (body.neededFrom() != null && body.neededUntil() != null && body.neededFrom().isAfter(body.neededUntil())) {
            unreadable.add("neededUntil: " + problems.text("circulation.api.neededUntil.beforeFrom", locale));
        }
        if (!unreadable.isEmpty()) {
            return problems.unreadable(unreadable, locale);
        }
        if (!ApiProblems.blank(body.override()) && !user.has(Permission.CIRCULATION_OVERRIDE)) {
            return problems.forbidden("circulation.api.override.forbidden", locale);
        }
        Optional<PatronSummary> patron = patrons.byBarcode(body.patron());
        if (patron.isEmpty()) {
            return problems.refused(Refusal.UNKNOWN_PATRON, ApiProblems.cut(body.patron()), locale);
        }
        Long itemId = null;
        if (!ApiProblems.blank(body.item())) {
            Optional<ItemView> item = copies.itemByBarcode(body.item());
            if (item.isEmpty()) {
                return problems.refused(Refusal.UNKNOWN_ITEM, ApiProblems.cut(body.item()), locale);
            }
            itemId = item.get().id();
        }
        long pickup = patron.get().schoolId();
        if (!ApiProblems.blank(body.pickupSchool())) {
            Optional<SchoolView> school = scope.school(body.pickupSchool());
            if (school.isEmpty()) {
                return problems.refused(Refusal.UNKNOWN_SCHOOL, ApiProblems.cut(body.pickupSchool()), locale);
            }
            pickup = school.get().id();
        }
        if (!ApiScope.actsForAny(user, patron.get().schoolId(), pickup)) {
            return problems.forbidden("circulation.api.patron.forbidden", locale);
        }
        HoldResult result = holds.place(new HoldRequest(patron.get().id(), body.record(), itemId, pickup,
                body.neededFrom(), body.neededUntil(), body.notNeededAfter(), user.username(),
                ApiProblems.blank(body.override()) ? null : body.override().strip()));
        if (result instanceof HoldResult.Refused refused) {
            return problems.refused(refused.reason(), null, locale);
        }
        HoldResult.Placed placed = (HoldResult.Placed) result;
        return ResponseEntity.created(URI.create("/api/v1/circulation/holds/" + placed.hold().id()))
                .body(json(placed.hold(), patron.get().barcode(), placed.position(), scope.codes()));
    }

    @GetMapping
    @Allowed(Permission.HOLDS_MANAGE)
    @Operation(summary = "A patron's holds (audited)")
    @ApiResponse(responseCode = "200", description = "The holds",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = HoldJson.class))))
    @ApiResponse(responseCode = "404", description = "No patron has this barcode (reason UNKNOWN_PATRON)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> ofPatron(@AuthenticationPrincipal SignedInUser user,
                               @Parameter(description = "the patron's barcode") @RequestParam String patron,
                               Locale locale) {
        ApiScope.PatronRead read = scope.patronToRead(user, patron, locale);
        if (read.problem() != null) {
            return read.problem();
        }
        Map<Long, String> codes = scope.codes();
        Map<Long, Integer> positions = holds.positions(read.patron().id());
        return ResponseEntity.ok(holds.ofPatron(read.patron().id(), user.username()).stream()
                .map(hold -> json(hold, read.patron().barcode(), positions.getOrDefault(hold.id(), 0), codes))
                .toList());
    }

    @GetMapping("/{id}")
    @Allowed(Permission.HOLDS_MANAGE)
    @Operation(summary = "One hold (audited)")
    @ApiResponse(responseCode = "200", description = "The hold",
            content = @Content(schema = @Schema(implementation = HoldJson.class)))
    @ApiResponse(responseCode = "404", description = "No such hold (reason UNKNOWN_HOLD)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> one(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Locale locale) {
        Holder holder = holder(user, id, locale);
        if (holder.problem() != null) {
            return holder.problem();
        }
        Optional<HoldView> hold = holds.hold(id, user.username());
        if (hold.isEmpty()) {
            return problems.notFound(Refusal.UNKNOWN_HOLD, locale);
        }
        return ResponseEntity.ok(json(hold.get(), holder.patronBarcode(), holds.position(hold.get()),
                scope.codes()));
    }

    @DeleteMapping("/{id}")
    @Allowed(Permission.HOLDS_MANAGE)
    @Operation(summary = "Cancel a hold",
            description = "A waiting hold is gone; one with a copy set aside expires, so the copy is pulled from the "
                    + "hold shelf and goes to the next hold when scanned in.")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "404", description = "No such hold (reason UNKNOWN_HOLD)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Locale locale) {
        Holder holder = holder(user, id, locale);
        if (holder.problem() != null) {
            return holder.problem();
        }
        return holds.cancel(id, user.username()) ? ResponseEntity.noContent().build()
                : problems.notFound(Refusal.UNKNOWN_HOLD, locale);
    }

    /** The barcode of a hold's patron, or the problem: no such hold (404), or not the caller's to see (403). */
    private record Holder(String patronBarcode, ResponseEntity<ProblemDetail> problem) {
    }

    /** Staff see and cancel the holds of their schools' patrons, and those for pickup at their schools. */
    private Holder holder(SignedInUser user, long holdId, Locale locale) {
        Optional<HoldView> hold = holds.hold(holdId);
        if (hold.isEmpty()) {
            return new Holder(null, problems.notFound(Refusal.UNKNOWN_HOLD, locale));
        }
        Optional<PatronSummary> patron = patrons.summary(hold.get().patronId());
        if (!ApiScope.actsForAny(user, hold.get().pickupSchoolId(), patron.map(PatronSummary::schoolId).orElse(-1L))) {
            return new Holder(null, problems.forbidden("circulation.api.patron.forbidden", locale));
        }
        return new Holder(patron.map(PatronSummary::barcode).orElse(null), null);
    }

    private HoldJson json(HoldView hold, String patronBarcode, int position, Map<Long, String> codes) {
        return new HoldJson(hold.id(), patronBarcode, hold.recordId(), barcode(hold.itemId()),
                codes.get(hold.pickupSchoolId()), hold.status(), position, hold.priority(),
                hold.placedAt().toInstant().toString(), text(hold.suspendedUntil()), text(hold.neededFrom()),
                text(hold.neededUntil()), text(hold.expiresOn()), barcode(hold.trappedItemId()),
                text(hold.pickupBy()));
    }

    private String barcode(Long itemId) {
        return itemId == null ? null : copies.item(itemId).map(ItemView::barcode).orElse(null);
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
