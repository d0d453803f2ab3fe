package org.carrel.circulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily work on loans and holds, on a schedule and on demand: report loans that became overdue (hourly), declare
 * lost the copies overdue for the district's number of days (daily, 02:30) and expire holds not picked up or past
 * their last day (daily, 02:45), in the server's time zone. Each job calls its facade as user {@value #ACTOR}.
 *
 * <p>Safe on several nodes without a lock: every step is a conditional update ({@code overdue_at is null},
 * {@code lost_at is null}, a hold's status and version), so when two nodes run the same job at once each loan is
 * reported, declared lost and charged once, and each hold expires once; the second node finds nothing left to do.
 *
 * <p>Schedules are cron properties: {@code carrel.circulation.jobs.cron.overdues}, {@code ...cron.lost} and
 * {@code ...cron.holds}; {@code -} switches one off (say, on all nodes but one, to spare the others the reads).
 */
@Component
public class CirculationJobs {

    /** Who the audit log and the charges name for the scheduled jobs. */
    public static final String ACTOR = "system";

    private static final Logger LOG = LoggerFactory.getLogger(CirculationJobs.class);

    /** What one run of the jobs did. */
    public record Counts(int overdue, int lost, int holdsExpired, int holdsDropped) {
    }

    private final Circulation circulation;
    private final Holds holds;
    private final CirculationTime time;

    CirculationJobs(Circulation circulation, Holds holds, CirculationTime time) {
        this.circulation = circulation;
        this.holds = holds;
        this.time = time;
    }

    @Scheduled(cron = "${carrel.circulation.jobs.cron.overdues:0 0 * * * *}")
    void onScheduleReportOverdues() {
        reportOverdues();
    }

    @Scheduled(cron = "${carrel.circulation.jobs.cron.lost:0 30 2 * * *}")
    void onScheduleDeclareLost() {
        declareLost();
    }

    @Scheduled(cron = "${carrel.circulation.jobs.cron.holds:0 45 2 * * *}")
    void onScheduleExpireHolds() {
        expireHolds();
    }

    /** Runs the three jobs now, in their daily order (a district admin's button, or after downtime). */
    public Counts runNow() {
        int overdue = reportOverdues();
        int lost = declareLost();
        int[] holdCounts = expireHolds();
        return new Counts(overdue, lost, holdCounts[0], holdCounts[1]);
    }

    /** Publishes {@link CirculationEvents.LoanBecameOverdue} once for each loan that passed its due time. */
    int reportOverdues() {
        int reported = circulation.reportOverdues(time.now());
        LOG.info("Circulation job: {} loan(s) became overdue", reported);
        return reported;
    }

    /** Declares lost the copies overdue for the setting's number of days, charging their replacement cost. */
    int declareLost() {
        int declared = circulation.declareLost(time.now(), ACTOR);
        LOG.info("Circulation job: {} copy(ies) declared lost", declared);
        return declared;
    }

    /** Expires ready holds not picked up in time and drops waiting holds past their last day; both counts. */
    int[] expireHolds() {
        int[] expired = holds.expire(time.now().toLocalDate());
        LOG.info("Circulation job: {} hold(s) expired, {} dropped", expired[0], expired[1]);
        return expired;
    }
}
