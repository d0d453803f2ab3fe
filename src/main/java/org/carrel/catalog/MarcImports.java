package org.carrel.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MARC imports: run one now (the {@code import-marc} command) or in the background (the upload page), and read the
 * report of any import later. One import runs at a time per server, so two uploads never race for the same titles.
 */
@Service
public class MarcImports {

    private static final Logger log = LoggerFactory.getLogger(MarcImports.class);
    /** A chunk of 500 records takes well under a second; ten minutes without one means the import's server died. */
    private static final Duration STALLED = Duration.ofMinutes(10);

    /** The result of an import run now: its job (for the report page) and its counts. */
    public record Finished(long jobId, ImportCounts counts) {
    }

    private final MarcImport engine;
    private final ImportStore jobs;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "marc-import");
        thread.setDaemon(true);
        return thread;
    });

    MarcImports(MarcImport engine, ImportStore jobs, Clock clock) {
        this.engine = engine;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Imports the files now, sending each report line to {@code lines} as it is made. */
    public Finished run(List<Path> files, List<String> names, ImportOptions options, String actor,
                        Consumer<ImportLine> lines) {
        long jobId = jobs.start(String.join(", ", names), actor, options, totalBytes(files), now());
        try {
            ImportCounts counts = engine.run(jobId, files, names, options, actor, lines);
            jobs.finish(jobId, "FINISHED", now());
            return new Finished(jobId, counts);
        } catch (RuntimeException e) {
            jobs.finish(jobId, "FAILED", now());
            throw e;
        }
    }

    /**
     * Starts an import in the background and returns its job at once; the files (uploads saved by the caller) are
     * deleted when it ends.
     */
    public long start(List<Path> files, List<String> names, ImportOptions options, String actor) {
        long jobId = jobs.start(String.join(", ", names), actor, options, totalBytes(files), now());
        background.submit(() -> {
            try {
                engine.run(jobId, files, names, options, actor, line -> { });
                jobs.finish(jobId, "FINISHED", now());
            } catch (RuntimeException e) {
                log.error("MARC import {} failed", jobId, e);
                jobs.finish(jobId, "FAILED", now());
            } finally {
                files.forEach(MarcImports::deleteQuietly);
            }
        });
        return jobId;
    }

    /** The import; one whose server stopped while it ran (no progress for ten minutes) is shown as FAILED. */
    @Transactional
    public Optional<ImportJob> job(long id) {
        failStalled();
        return jobs.find(id);
    }

    @Transactional
    public List<ImportJob> recent(int limit) {
        failStalled();
        return jobs.newest(Math.max(1, Math.min(limit, 200)));
    }

    /** A page of an import's report lines, in order. */
    @Transactional(readOnly = true)
    public List<ImportLine> lines(long jobId, int offset, int limit) {
        return jobs.lines(jobId, Math.max(0, offset), Math.max(1, Math.min(limit, 1000)));
    }

    private void failStalled() {
        OffsetDateTime now = now();
        jobs.failStalled(now.minus(STALLED), now);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return total;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the uploaded file {}", file, e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
