package org.carrel.notifications;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/notifications/runs}: what a notice job would send on a day ({@code dryRun: true}) or send it now
 * (NOTICES_MANAGE; a librarian's run covers their schools, a district admin's all). The answer lists each message:
 * recipient, notice types, the patron or teacher it is about, the items. Unreadable input is a 400 problem naming the
 * field.
 */
@RestController
@RequestMapping("/api/v1/notifications/runs")
@Tag(name = "Notifications")
@SecurityRequirement(name = "apiToken")
@Allowed(Permission.NOTICES_MANAGE)
class NotificationApi {

    /** {@code job}: overdue, courtesy, holds, digest or new-arrivals; {@code asOf} YYYY-MM-DD (today if absent). */
    record RunBody(String job, String asOf, Boolean dryRun) {
    }

    record RecipientJson(String role, Long patronId, String name, String email, String language) {
    }

    record AboutJson(Long patronId, String name) {
    }

    record MessageJson(Long messageId, String kind, List<String> notices, RecipientJson recipient, AboutJson about,
                       List<String> items, String subject) {
    }

    record RunJson(String job, String asOf, boolean dryRun, int count, List<String> closedSchools,
                   List<MessageJson> messages) {
    }

    private final NoticeRuns runs;
    private final District district;
    private final MessageSource messages;

    NotificationApi(NoticeRuns runs, District district, MessageSource messages) {
        this.runs = runs;
        this.district = district;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Preview or run a notice job on a day")
    ResponseEntity<?> run(@RequestBody RunBody body, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        NoticeJob job = body.job() == null ? null : NoticeJob.parse(body.job()).filter(j -> j != NoticeJob.NOTICES)
                .orElse(null);
        if (job == null) {
            return problem("job: " + text("notices.api.job", locale, Arrays.stream(NoticeJob.values())
                    .filter(j -> j != NoticeJob.NOTICES).map(NoticeJob::apiName)
                    .collect(Collectors.joining(", "))), locale);
        }
        LocalDate asOf;
        try {
            asOf = body.asOf() == null || body.asOf().isBlank() ? district.today() : LocalDate.parse(body.asOf());
        } catch (DateTimeParseException e) {
            return problem("asOf: " + text("notices.api.asOf", locale), locale);
        }
        if (body.dryRun() == null) {
            return problem("dryRun: " + text("notices.api.dryRun", locale), locale);
        }
        Collection<Long> schools = user.role() == Role.DISTRICT_ADMIN ? null : user.schoolIds();
        NoticeRuns.RunResult result = runs.run(job, asOf, body.dryRun(), schools, false, user.username());
        List<MessageJson> list = result.messages().stream().map(p -> new MessageJson(p.messageId(),
                p.kind().apiName(), p.sections().stream().map(NoticeKind::apiName).toList(),
                new RecipientJson(p.recipientRole(), p.recipientId(), p.recipientName(), p.recipientEmail(),
                        p.language()), new AboutJson(p.patronId(), p.patronName()), p.items(), p.subject())).toList();
        return ResponseEntity.ok(new RunJson(job.apiName(), asOf.toString(), result.dryRun(), list.size(),
                result.closedSchools(), list));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> notJson(HttpMessageNotReadableException e, Locale locale) {
        return problem("body: " + text("notices.api.body", locale), locale);
    }

    private ResponseEntity<ProblemDetail> problem(String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(text("notices.api.unreadable", locale));
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
