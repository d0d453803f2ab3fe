package org.carrel.notifications;

import java.time.Clock;
import java.time.LocalDate;

import org.carrel.district.District;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule: circulation notices and homeroom digests each school day ({@code carrel.notifications.cron.notices},
 * 06:00 Monday to Friday), teachers' new-arrival digests once a week ({@code ...cron.new-arrivals}, Mondays 07:00),
 * in the server's time zone; {@code -} switches one off. A school closed that day (weekend, holiday, summer) is left
 * for its next open day: the marks make sure nothing is lost or doubled. With several nodes, the one that records the
 * day's run in {@code job_run} runs it and the others skip it. {@link OutboxSender} sends the messages on its next
 * pass. Marks older than two years are forgotten.
 */
@Component
class NotificationJobs {

    /** Who the outbox and the audit name for scheduled runs. */
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    private final NoticeRuns runs;
    private final JobRuns jobRuns;
    private final OutboxSender sender;
    private final NoticeMarks marks;
    private final District district;
    private final Clock clock;

    NotificationJobs(NoticeRuns runs, JobRuns jobRuns, OutboxSender sender, NoticeMarks marks, District district,
                     Clock clock) {
        this.runs = runs;
        this.jobRuns = jobRuns;
        this.sender = sender;
        this.marks = marks;
        this.district = district;
        this.clock = clock;
    }

    @Scheduled(cron = "${carrel.notifications.cron.notices:0 0 6 * * MON-FRI}")
    void onScheduleNotices() {
        dailyNotices(district.today());
    }

    /** The daily run for {@code day}, once in the district: notices then homeroom digests; messages queued. */
    int dailyNotices(LocalDate day) {
        if (!jobRuns.claim("notices", day, sender.node(), clock.instant())) {
            log.info("Notices for {}: already run (here or by another node)", day);
            return 0;
        }
        int queued = runs.run(NoticeJob.NOTICES, day, false, null, true, ACTOR).messages().size()
                + runs.run(NoticeJob.DIGEST, day, false, null, true, ACTOR).messages().size();
        jobRuns.finished("notices", day, queued, clock.instant());
        marks.forget(day.minusYears(2));
        log.info("Notices for {}: {} message(s) queued", day, queued);
        return queued;
    }

    @Scheduled(cron = "${carrel.notifications.cron.new-arrivals:0 0 7 * * MON}")
    void onScheduleNewArrivals() {
        newArrivals(district.today());
    }

    /**
     * The teachers' new-arrival digests of the week before {@code day}, once in the district. Closed schools are not
     * skipped: the week's titles would never be sent.
     */
    int newArrivals(LocalDate day) {
        if (!jobRuns.claim(NoticeJob.NEW_ARRIVALS.apiName(), day, sender.node(), clock.instant())) {
            log.info("New-arrival digests for {}: already run (here or by another node)", day);
            return 0;
        }
        int queued = runs.run(NoticeJob.NEW_ARRIVALS, day, false, null, false, ACTOR).messages().size();
        jobRuns.finished(NoticeJob.NEW_ARRIVALS.apiName(), day, queued, clock.instant());
        log.info("New-arrival digests for {}: {} message(s) queued", day, queued);
        return queued;
    }
}
