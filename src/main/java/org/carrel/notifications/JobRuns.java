package org.carrel.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The database lock of scheduled jobs ({@code job_run}): the node that records a job's day runs it. */
@Repository
class JobRuns {

    private final JdbcClient jdbc;

    JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the job's run of the day for this node; false when another node (or an earlier start) has it. */
    boolean claim(String job, LocalDate day, String node, Instant now) {
        return jdbc.sql("""
                        insert into job_run (job, run_on, node, started_at) values (:job, :day, :node, :now)
                        on conflict do nothing""")
                .param("job", job).param("day", day).param("node", node).param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    void finished(String job, LocalDate day, int messages, Instant now) {
        jdbc.sql("update job_run set finished_at = :now, messages = :messages where job = :job and run_on = :day")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("messages", messages).param("job", job)
                .param("day", day).update();
    }
}
