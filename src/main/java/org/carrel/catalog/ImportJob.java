package org.carrel.catalog;

import java.time.OffsetDateTime;

/** A MARC import or dry run, running or finished, with its counts so far. {@code state}: RUNNING, FINISHED, FAILED. */
public record ImportJob(long id, String fileNames, String actor, String options, boolean dryRun, String state,
                        long totalBytes, long doneBytes, ImportCounts counts, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt) {

    /** Progress in percent, for the progress bar. */
    public int percent() {
        return totalBytes <= 0 ? (finishedAt == null ? 0 : 100) : (int) Math.min(100, doneBytes * 100 / totalBytes);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
