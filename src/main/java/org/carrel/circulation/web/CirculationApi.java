package org.carrel.circulation.web;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.circulation.CheckinResult;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.Refusal;
import org.carrel.circulation.RenewalResult;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/circulation}: checkout, check-in and renewal by barcode (CIRCULATION_DESK; going past an
 * overridable refusal needs CIRCULATION_OVERRIDE), and a patron's open loans (LOANS_VIEW, audited). Used by the
 * SIP2 server, scripts and offline-desk uploads. Every refusal is a 409 problem with a stable {@code reason}
 * ({@link Refusal}), unknown barcodes included; see {@link ApiProblems} for the other statuses and {@link ApiScope}
 * for the school a request acts at.
 */
@RestController
@RequestMapping("/api/v1/circulation")
@Tag(name = "Circulation", description = "Checkout, check-in, renewal and loans by barcode. A refusal is a 409 "
        + "problem whose 'reason' is a stable code (UNKNOWN_PATRON, UNKNOWN_ITEM, PATRON_BLOCKED, LOAN_LIMIT_REACHED, "
        + "...); an optional 'school' is the desk's school code, else the token's only school, else the copy's.")
@SecurityRequirement(name = "apiToken")
class CirculationApi {

    record CheckoutBody(String patron, String item, String school, String override) {
    }

    record CheckinBody(String item, String school) {
    }

    record RenewalBody(String item, String override) {
    }

    /** An open loan; {@code overridden} only in the answer to a checkout or renewal that went past refusals. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoanJson(long loanId, String item, String title, String callNumber, String patron, String school,
                    String checkedOutAt, String due, String dueAt, int renewals, int maxRenewals, boolean overdue,
                    boolean lost, boolean claimedReturned, boolean classSet, List<String> overridden) {
    }

    record CheckinJson(String item, String title, Long returnedLoanId, int overdueDays, String fine, boolean wasLost,
                       String routing, String destinationSchool, Long holdId, String holdPatron, String pickupBy) {
    }

    private final Circulation circulation;
    private final Patrons patrons;
    private final ApiScope scope;
    private final ApiProblems problems;
    private final Clock clock;

    CirculationApi(Circulation circulation, Patrons patrons, ApiScope scope, ApiProblems problems, Clock clock) {
        this.circulation = circulation;
        this.patrons = patrons;
        this.scope = scope;
        this.problems = problems;
        this.clock = clock;
    }

    @PostMapping("/checkouts")
    @Allowed(Permission.CIRCULATION_DESK)
    @Operation(summary = "Check a copy out to a patron",
            description = "Body {\"patron\":\"PATRON-BARCODE\",\"item\":\"ITEM-BARCODE\",\"school\":\"CODE\","
                    + "\"override\":\"reason\"}; school and override are optional (override needs "
                    + "CIRCULATION_OVERRIDE and is audited). The loan is committed before the answer is sent.")
    @ApiResponse(responseCode = "201", description = "Checked out; Location is the loan",
            content = @Content(schema = @Schema(implementation = LoanJson.class)))
    @ApiResponse(responseCode = "409", description = "Refused: 'reason' says why",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "400", description = "Malformed JSON or missing fields, named",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not allowed at this school, or to override",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> checkout(@AuthenticationPrincipal SignedInUser user, @RequestBody CheckoutBody body,
                               Locale locale) {
        List<String> missing = new ArrayList<>();
        if (ApiProblems.blank(body.patron())) {
            missing.add(problems.required("patron", locale));
        }
        if (ApiProblems.blank(body.item())) {
            missing.add(problems.required("item", locale));
        }
        if (!missing.isEmpty()) {
            return problems.unreadable(missing, locale);
        }
        Optional<ResponseEntity<ProblemDetail>> refusedOverride = overrideRefused(user, body.override(), locale);
        if (refusedOverride.isPresent()) {
            return refusedOverride.get();
        }
        ApiScope.Desk desk = scope.desk(user, body.school(), body.item());
        Optional<ResponseEntity<ProblemDetail>> deskProblem = scope.problem(desk, body.school(), locale);
        if (deskProblem.isPresent()) {
            return deskProblem.get();
        }
        CheckoutResult result = circulation.checkout(new CheckoutRequest(body.patron(), body.item(), desk.schoolId(),
                user.username(), ApiProblems.blank(body.override()) ? null : body.override().strip()));
        if (result instanceof CheckoutResult.Refused refused) {
            return problems.refused(refused.reason(), refused.detail(), locale);
        }
        CheckoutResult.CheckedOut lent = (CheckoutResult.CheckedOut) result;
        return ResponseEntity.created(URI.create("/api/v1/circulation/loans/" + lent.loan().id()))
                .body(json(lent.loan(), lent.patron().barcode(), scope.codes(), lent.overridden()));
    }

    @PostMapping("/checkins")
    @Allowed(Permission.CIRCULATION_DESK)
    @Operation(summary = "Check a copy in and say where it goes next",
            description = "Body {\"item\":\"ITEM-BARCODE\",\"school\":\"CODE\"} (school optional). routing is SHELF, "
                    + "HOLD_SHELF (holdId, holdPatron, pickupBy) or TRANSIT (destinationSchool). A copy that was not "
                    + "out is still checked in (returnedLoanId null).")
    @ApiResponse(responseCode = "200", description = "Checked in",
            content = @Content(schema = @Schema(implementation = CheckinJson.class)))
    @ApiResponse(responseCode = "409", description = "Refused: reason UNKNOWN_ITEM or UNKNOWN_SCHOOL",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> checkin(@AuthenticationPrincipal SignedInUser user, @RequestBody CheckinBody body,
                              Locale locale) {
        if (ApiProblems.blank(body.item())) {
            return problems.unreadable(List.of(problems.required("item", locale)), locale);
        }
        ApiScope.Desk desk = scope.desk(user, body.school(), body.item());
        Optional<ResponseEntity<ProblemDetail>> deskProblem = scope.problem(desk, body.school(), locale);
        if (deskProblem.isPresent()) {
            return deskProblem.get();
        }
        CheckinResult result = circulation.checkin(body.item(), desk.schoolId(), user.username());
        if (result instanceof CheckinResult.UnknownItem unknown) {
            return problems.refused(Refusal.UNKNOWN_ITEM, unknown.barcode(), locale);
        }
        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) result;
        Map<Long, String> codes = scope.codes();
        return ResponseEntity.ok(new CheckinJson(in.item().barcode(), in.item().title(),
                in.returned() == null ? null : in.returned().id(), in.overdueDays(),
                in.fine() == null ? null : in.fine().toPlainString(), in.wasLost(), in.routing().name(),
                in.destinationSchoolId() == null ? null : codes.get(in.destinationSchoolId()), in.holdId(),
                in.holdFor() == null ? null : in.holdFor().barcode(),
                in.pickupBy() == null ? null : in.pickupBy().toString()));
    }

    @PostMapping("/renewals")
    @Allowed(Permission.CIRCULATION_DESK)
    @Operation(summary = "Renew the loan of a copy",
            description = "Body {\"item\":\"ITEM-BARCODE\",\"override\":\"reason\"} (override optional, needs "
                    + "CIRCULATION_OVERRIDE). The caller must act for the school that lent the copy.")
    @ApiResponse(responseCode = "200", description = "Renewed: the loan with its new due date",
            content = @Content(schema = @Schema(implementation = LoanJson.class)))
    @ApiResponse(responseCode = "409", description = "Refused: 'reason' says why",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> renew(@AuthenticationPrincipal SignedInUser user, @RequestBody RenewalBody body,
                            Locale locale) {
        if (ApiProblems.blank(body.item())) {
            return problems.unreadable(List.of(problems.required("item", locale)), locale);
        }
        Optional<ResponseEntity<ProblemDetail>> refusedOverride = overrideRefused(user, body.override(), locale);
        if (refusedOverride.isPresent()) {
            return refusedOverride.get();
        }
        if (user.role() != Role.DISTRICT_ADMIN) {
            Optional<LoanView> loan = circulation.loanOf(body.item());
            if (loan.isPresent() && !user.actsFor(loan.get().schoolId())) {
                return problems.forbidden("circulation.api.school.forbidden", locale);
            }
        }
        RenewalResult result = circulation.renew(body.item(), user.username(),
                ApiProblems.blank(body.override()) ? null : body.override().strip());
        if (result instanceof RenewalResult.Refused refused) {
            return problems.refused(refused.reason(), refused.detail(), locale);
        }
        RenewalResult.Renewed renewed = (RenewalResult.Renewed) result;
        String patron = patrons.summary(renewed.loan().patronId()).map(PatronSummary::barcode).orElse(null);
        return ResponseEntity.ok(json(renewed.loan(), patron, scope.codes(), renewed.overridden()));
    }

    @GetMapping("/loans")
    @Allowed(Permission.LOANS_VIEW)
    @Operation(summary = "A patron's open loans, soonest due first (audited)")
    @ApiResponse(responseCode = "200", description = "The open loans",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = LoanJson.class))))
    @ApiResponse(responseCode = "404", description = "No patron has this barcode (reason UNKNOWN_PATRON)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> loans(@AuthenticationPrincipal SignedInUser user,
                            @Parameter(description = "the patron's barcode") @RequestParam String patron,
                            Locale locale) {
        ApiScope.PatronRead read = scope.patronToRead(user, patron, locale);
        if (read.problem() != null) {
            return read.problem();
        }
        Map<Long, String> codes = scope.codes();
        return ResponseEntity.ok(circulation.loans(read.patron().id(), user.username()).stream()
                .map(loan -> json(loan, read.patron().barcode(), codes, null)).toList());
    }

    @GetMapping("/loans/{id}")
    @Allowed(Permission.LOANS_VIEW)
    @Operation(summary = "One open loan (audited); a returned loan no longer exists")
    @ApiResponse(responseCode = "200", description = "The loan",
            content = @Content(schema = @Schema(implementation = LoanJson.class)))
    @ApiResponse(responseCode = "404", description = "No open loan has this id",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> loan(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Locale locale) {
        Optional<LoanView> open = circulation.loan(id);
        if (open.isEmpty()) {
            return problems.notFound(Refusal.NOT_CHECKED_OUT, locale);
        }
        Optional<PatronSummary> patron = patrons.summary(open.get().patronId());
        if (!ApiScope.actsForAny(user, open.get().schoolId(), patron.map(PatronSummary::schoolId).orElse(-1L))) {
            return problems.forbidden("circulation.api.patron.forbidden", locale);
        }
        LoanView loan = circulation.loan(id, user.username()).orElse(open.get());
        return ResponseEntity.ok(json(loan, patron.map(PatronSummary::barcode).orElse(null), scope.codes(), null));
    }

    private Optional<ResponseEntity<ProblemDetail>> overrideRefused(SignedInUser user, String override,
                                                                     Locale locale) {
        if (ApiProblems.blank(override) || user.has(Permission.CIRCULATION_OVERRIDE)) {
            return Optional.empty();
        }
        return Optional.of(problems.forbidden("circulation.api.override.forbidden", locale));
    }

    private LoanJson json(LoanView loan, String patronBarcode, Map<Long, String> codes, List<Refusal> overridden) {
        return new LoanJson(loan.id(), loan.barcode(), loan.title(), loan.callNumber(), patronBarcode,
                codes.get(loan.schoolId()), loan.checkedOutAt().toInstant().toString(), loan.dueOn().toString(),
                loan.dueAt().toInstant().toString(), loan.renewals(), loan.maxRenewals(),
                loan.overdueAt(OffsetDateTime.now(clock)), loan.lost(), loan.claimedReturned(),
                loan.classSet(), overridden == null ? null : overridden.stream().map(Enum::name).toList());
    }
}
