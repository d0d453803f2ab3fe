package org.carrel.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.CatalogEvents.ItemAdded;
import org.carrel.catalog.CatalogEvents.RecordChanged;
import org.carrel.catalog.CatalogEvents.RecordCreated;
import org.carrel.catalog.ImportOptions.OnMatch;
import org.carrel.catalog.importing.ItemDraft;
import org.carrel.district.District;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a MARC import: reads the files record by record, matches, stores and creates copies, a chunk of records per
 * transaction for speed. Each record is still its own unit: a record that cannot be read is rejected before anything
 * is written, and when a chunk fails to store, its records are stored again one per transaction, so a failure
 * rejects only its own record and nothing is ever half-written.
 */
@Component
class MarcImport {

    static final int CHUNK = 500;
    /** Report lines telling what became of each record are kept for the first records only; problems always. */
    static final int OUTCOME_LINES = 1000;

    private final RecordStore records;
    private final ItemStore items;
    private final ImportStore jobs;
    private final District district;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MarcImport(RecordStore records, ItemStore items, ImportStore jobs, District district, AuditLog audit,
               ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.records = records;
        this.items = items;
        this.jobs = jobs;
        this.district = district;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Imports {@code files} (shown in the report under {@code names}) for job {@code jobId}; lines go to the report. */
    ImportCounts run(long jobId, List<Path> files, List<String> names, ImportOptions options, String actor,
                     Consumer<ImportLine> lineSink) {
        Run run = new Run(jobId, options, actor, lineSink);
        long before = 0;
        try {
            for (int f = 0; f < files.size(); f++) {
                run.file(files.get(f), names.get(f), before);
                before += Files.size(files.get(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.flushLines();
        if (!options.dryRun()) {
            transaction.executeWithoutResult(status -> audit.record(actor, "catalog.import.finished", "marc_import",
                    jobId, String.join(", ", names) + ": " + run.counts.toJson()));
        }
        return run.counts;
    }

    /** The state of one import while it runs. */
    private final class Run {
        final long jobId;
        final ImportOptions options;
        final String actor;
        final Consumer<ImportLine> lineSink;
        final List<ImportLine> pendingLines = new ArrayList<>();
        final CopyPlacement placement;
        /** In a dry run nothing is stored, so records and barcodes met earlier in the files are remembered here. */
        final Map<RecordValues.Identifier, Long> dryIdentifiers = new HashMap<>();
        final Set<String> dryBarcodes = new HashSet<>();
        ImportCounts counts = ImportCounts.NONE;
        int lineNumber;
        int outcomeLines;
        int chunksStored;
        long dryIds = -1;

        Run(long jobId, ImportOptions options, String actor, Consumer<ImportLine> lineSink) {
            this.jobId = jobId;
            this.options = options;
            this.actor = actor;
            this.lineSink = lineSink;
            this.placement = new CopyPlacement(district, options, actor);
        }

        void file(Path file, String name, long before) throws IOException {
            try (PreparedChunks chunks = new PreparedChunks(file, name, CHUNK)) {
                for (List<Incoming> chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                    List<Incoming> readable = new ArrayList<>(chunk.size());
                    for (Incoming in : chunk) {
                        if (in.problem != null) {
                            reject(name, in.number, in.offset, in.problem);
                        } else {
                            in.warnings.forEach(w -> line(in, "WARNING", null, w));
                            readable.add(in);
                        }
                    }
                    store(readable);
                    if (!chunk.isEmpty()) {
                        progress(before + chunk.get(chunk.size() - 1).offset);
                    }
                }
                progress(before + Files.size(file));
            }
        }

        void reject(String name, int number, long offset, String reason) {
            counts = counts.plus(new ImportCounts(1, 0, 0, 0, 0, 1, 0));
            add(new ImportLine(++lineNumber, name, number, offset, "REJECTED", null, reason));
        }

        void store(List<Incoming> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            if (options.dryRun()) {
                decide(chunk);
                account(chunk);
                return;
            }
            try {
                transaction.executeWithoutResult(status -> {
                    decide(chunk);
                    write(chunk);
                });
                account(chunk);
                if (Integer.bitCount(++chunksStored) == 1) {
                    // After chunks 1, 2, 4, 8...: the tables have doubled, so the planner's figures are stale.
                    jobs.refreshStatistics();
                }
            } catch (RuntimeException chunkFailed) {
                placement.forget();
                for (Incoming in : chunk) {
                    in.reset();
                    try {
                        transaction.executeWithoutResult(status -> {
                            decide(List.of(in));
                            write(List.of(in));
                        });
                        account(List.of(in));
                    } catch (RuntimeException e) {
                        placement.forget();
                        reject(in.file, in.number, in.offset, "could not be stored: " + rootMessage(e));
                    }
                }
            }
        }

        /** Matches each record and resolves its copies, without writing. */
        void decide(List<Incoming> chunk) {
            Map<RecordValues.Identifier, List<Long>> stored = records.matching(chunk.stream()
                    .flatMap(in -> in.matchKeys(options).stream()).toList());
            Map<RecordValues.Identifier, Incoming> earlier = new HashMap<>();
            Set<String> barcodes = new HashSet<>();
            Set<String> taken = items.taken(chunk.stream().flatMap(in -> in.drafts.stream())
                    .map(d -> ItemRules.normaliseBarcode(d.barcode())).toList());
            for (Incoming in : chunk) {
                in.match(stored, earlier, options.dryRun() ? dryIdentifiers : Map.of());
                if (in.matchedId == null && in.matchedEarlier == null || options.onMatch() == OnMatch.ADD) {
                    in.outcome = "ADDED";
                } else {
                    in.outcome = switch (options.onMatch()) {
                        case OVERLAY -> "OVERLAID";
                        case MERGE -> "MERGED";
                        default -> "SKIPPED";
                    };
                }
                if ("ADDED".equals(in.outcome)) {
                    in.matchKeys(options).forEach(key -> earlier.putIfAbsent(key, in));
                }
                for (ItemDraft draft : in.drafts) {
                    String barcode = ItemRules.normaliseBarcode(draft.barcode());
                    if (taken.contains(barcode) || !barcodes.add(barcode)
                            || options.dryRun() && dryBarcodes.contains(barcode)) {
                        in.itemProblems.add("copy " + barcode + " not created: the barcode is already used by another "
                                + "copy (barcodes are never renumbered)");
                        continue;
                    }
                    placement.place(in, draft, barcode).ifPresent(in.items::add);
                }
            }
        }

        void write(List<Incoming> chunk) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Incoming> added = chunk.stream().filter(in -> "ADDED".equals(in.outcome)).toList();
            List<Long> ids = records.insertAll(added.stream().map(in -> in.values).toList(), now);
            for (int i = 0; i < added.size(); i++) {
                added.get(i).recordId = ids.get(i);
                events.publishEvent(new RecordCreated(ids.get(i)));
            }
            for (Incoming in : chunk) {
                if (in.matchedEarlier != null && !"ADDED".equals(in.outcome)) {
                    in.recordId = in.matchedEarlier.recordId;
                } else if (!"ADDED".equals(in.outcome)) {
                    in.recordId = in.matchedId;
                }
                if ("OVERLAID".equals(in.outcome) || "MERGED".equals(in.outcome)) {
                    RecordValues values = "MERGED".equals(in.outcome)
                            ? RecordValues.of(Merge.keepLocalFields(in.marc,
                                    StoredMarc.read(records.find(in.recordId).orElseThrow().marc())))
                            : in.values;
                    records.update(in.recordId, null, values, now);
                    items.followRecordCallNumber(in.recordId, values.description().callNumber());
                    events.publishEvent(new RecordChanged(in.recordId));
                }
            }
            List<Long> itemRecords = new ArrayList<>();
            List<ItemValues> itemValues = new ArrayList<>();
            List<String> recordCallNumbers = new ArrayList<>();
            for (Incoming in : chunk) {
                for (ItemValues item : in.items) {
                    itemRecords.add(in.recordId);
                    itemValues.add(item);
                    recordCallNumbers.add(in.values.description().callNumber());
                }
            }
            List<Long> itemIds = items.insertAll(itemRecords, itemValues, recordCallNumbers, now);
            for (int i = 0; i < itemIds.size(); i++) {
                events.publishEvent(new ItemAdded(itemIds.get(i), itemRecords.get(i), itemValues.get(i).schoolId()));
            }
        }

        /** Counts and reports a chunk that was stored (or, in a dry run, decided). */
        void account(List<Incoming> chunk) {
            for (Incoming in : chunk) {
                if (options.dryRun()) {
                    if ("ADDED".equals(in.outcome)) {
                        in.recordId = dryIds--;
                        for (RecordValues.Identifier key : in.matchKeys(options)) {
                            dryIdentifiers.putIfAbsent(key, in.recordId);
                        }
                    }
                    in.items.forEach(item -> dryBarcodes.add(item.barcode()));
                }
                counts = counts.plus(new ImportCounts(1, is(in, "ADDED"), is(in, "OVERLAID"), is(in, "MERGED"),
                        is(in, "SKIPPED"), 0, in.items.size()));
                if (outcomeLines++ < OUTCOME_LINES) {
                    line(in, in.outcome, in.recordId != null && in.recordId > 0 ? in.recordId : null,
                            in.describe());
                }
                in.itemProblems.forEach(problem -> line(in, "ITEM", null, problem));
                in.locationNotes.forEach(note -> line(in, "WARNING", null, note));
            }
        }

        void line(Incoming in, String outcome, Long recordId, String message) {
            add(new ImportLine(++lineNumber, in.file, in.number, in.offset, outcome, recordId, message));
        }

        void add(ImportLine line) {
            lineSink.accept(line);
            pendingLines.add(line);
            if (pendingLines.size() >= CHUNK) {
                flushLines();
            }
        }

        void flushLines() {
            if (!pendingLines.isEmpty()) {
                List<ImportLine> lines = List.copyOf(pendingLines);
                pendingLines.clear();
                transaction.executeWithoutResult(status -> jobs.addLines(jobId, lines));
            }
        }

        void progress(long doneBytes) {
            flushLines();
            ImportCounts soFar = counts;
            transaction.executeWithoutResult(status -> jobs.progress(jobId, doneBytes, soFar, OffsetDateTime.now(clock)));
        }
    }

    private static int is(Incoming in, String outcome) {
        return outcome.equals(in.outcome) ? 1 : 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
