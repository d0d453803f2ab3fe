package org.carrel.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Staff pages of the outbox (NOTICES_MANAGE): what waits (no address, failed, may have gone) and what went, send now,
 * resend, print the letters without an address; notice runs with their preview; a patron's delivery log (audited).
 * A librarian sees the messages of their schools, a district admin all.
 */
@Controller
@Allowed(Permission.NOTICES_MANAGE)
public class NoticePages {

    private final Outbox outbox;
    private final NoticeRuns runs;
    private final District district;
    private final Patrons patrons;

    NoticePages(Outbox outbox, NoticeRuns runs, District district, Patrons patrons) {
        this.outbox = outbox;
        this.runs = runs;
        this.district = district;
        this.patrons = patrons;
    }

    @GetMapping("/staff/notices")
    ModelAndView outbox(@AuthenticationPrincipal SignedInUser user,
                        @RequestParam(required = false) Integer sent) {
        Collection<Long> schools = scope(user);
        return new ModelAndView("notifications/outbox", Map.of("waiting", outbox.waiting(schools),
                "done", outbox.done(schools), "smtp", outbox.smtpConfigured(), "zone", district.zone(),
                "sent", Optional.ofNullable(sent), "problem", outbox.serverProblem()));
    }

    @PostMapping("/staff/notices/send")
    ModelAndView sendNow() {
        Outbox.SendResult result = outbox.sendNow();
        return new ModelAndView("redirect:/staff/notices?sent=" + result.sent());
    }

    @PostMapping("/staff/notices/{id}/resend")
    ModelAndView resend(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        OutboxEntry entry = visible(id, user);
        outbox.resend(entry.id(), user.username());
        return new ModelAndView("redirect:/staff/notices");
    }

    /** The letters without an address (and any failed or uncertain), one to a printed page. */
    @GetMapping("/staff/notices/print")
    ModelAndView print(@AuthenticationPrincipal SignedInUser user) {
        List<OutboxEntry> letters = outbox.waiting(scope(user)).stream()
                .filter(e -> e.status() != OutboxStatus.SENDING && (e.noAddress() || e.status() != OutboxStatus.QUEUED))
                .toList();
        return new ModelAndView("notifications/print", Map.of("letters", letters));
    }

    @PostMapping("/staff/notices/printed")
    ModelAndView printed(@RequestParam(name = "id", required = false) List<Long> ids,
                         @AuthenticationPrincipal SignedInUser user) {
        List<Long> mine = ids == null ? List.of() : ids.stream().map(id -> visible(id, user).id()).toList();
        outbox.printed(mine, user.username());
        return new ModelAndView("redirect:/staff/notices");
    }

    @GetMapping("/staff/notices/runs")
    ModelAndView runs() {
        return runPage(NoticeJob.OVERDUE.apiName(), district.today().toString(), true, null, null, HttpStatus.OK);
    }

    @PostMapping("/staff/notices/runs")
    ModelAndView run(@RequestParam String job, @RequestParam String asOf,
                     @RequestParam(defaultValue = "false") boolean dryRun,
                     @AuthenticationPrincipal SignedInUser user) {
        Optional<NoticeJob> parsed = NoticeJob.parse(job).filter(j -> j != NoticeJob.NOTICES);
        if (parsed.isEmpty()) {
            return runPage(job, asOf, dryRun, null, "notices.runs.job.invalid", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            return runPage(job, asOf, dryRun, null, "notices.runs.asOf.invalid", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        NoticeRuns.RunResult result = runs.run(parsed.get(), day, dryRun, scope(user), false, user.username());
        return runPage(job, asOf, dryRun, result, null, HttpStatus.OK);
    }

    @GetMapping("/staff/patrons/{id}/notices")
    ModelAndView deliveryLog(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        PatronSummary patron = patrons.summary(id).filter(p -> user.actsFor(p.schoolId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ModelAndView("notifications/log", Map.of("patron", patron,
                "messages", outbox.deliveryLog(id, user.username()), "zone", district.zone()));
    }

    private ModelAndView runPage(String job, String asOf, boolean dryRun, NoticeRuns.RunResult result, String problem,
                                 HttpStatus status) {
        ModelAndView view = new ModelAndView("notifications/runs");
        view.addObject("jobs", List.of(NoticeJob.OVERDUE, NoticeJob.COURTESY, NoticeJob.HOLDS, NoticeJob.DIGEST,
                NoticeJob.NEW_ARRIVALS));
        view.addObject("job", job);
        view.addObject("asOf", asOf);
        view.addObject("dryRun", dryRun);
        view.addObject("result", Optional.ofNullable(result));
        view.addObject("problem", Optional.ofNullable(problem));
        view.setStatus(status);
        return view;
    }

    private OutboxEntry visible(long id, SignedInUser user) {
        return outbox.find(id).filter(e -> user.role() == Role.DISTRICT_ADMIN
                        || (e.schoolId() != null && user.actsFor(e.schoolId())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A moment as the district's clock reads it, to the minute. */
    public static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    /** The schools whose messages the user handles; null for all. */
    static Collection<Long> scope(SignedInUser user) {
        return user.role() == Role.DISTRICT_ADMIN ? null : user.schoolIds();
    }
}
