package org.carrel.search;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.store.LockObtainFailedException;
import org.carrel.catalog.Catalog;
import org.carrel.shared.AdminCommand;
import org.carrel.shared.CommandLine;
import org.springframework.stereotype.Component;

/** {@code reindex [--json]}: rebuilds the search index from the catalogue, with the server stopped. */
@Component
class ReindexCommand implements AdminCommand {

    static final String USAGE_LINE = "reindex [--json]";

    private final IndexFeeder feeder;
    private final Catalog catalog;

    ReindexCommand(IndexFeeder feeder, Catalog catalog) {
        this.feeder = feeder;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "reindex";
    }

    @Override
    public String summary() {
        return "[--json]: rebuild the search index from the catalogue (the server must be stopped)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json;
        try {
            CommandLine line = CommandLine.parse(args, Set.of(), Set.of("json"), false);
            json = line.flag("json");
        } catch (CommandLine.UsageException e) {
            err.println("reindex: " + e.getMessage() + ". Usage: " + USAGE_LINE);
            return USAGE;
        }
        if (feeder.folder() == null) {
            err.println("reindex: the index is kept in memory (carrel.search.dir=memory); there is nothing to rebuild.");
            return INPUT_ERRORS;
        }
        ReindexReport report;
        try (SearchIndex index = SearchIndex.open(feeder.folder())) {
            report = index.rebuild(catalog::recordsAfter);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                err.println("reindex: the search index in " + feeder.folder() + " is in use by a running Carrel; "
                        + "stop the server first.");
                return INPUT_ERRORS;
            }
            throw e;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        double seconds = report.took().toMillis() / 1000.0;
        if (json) {
            out.printf(Locale.ROOT, "{\"records\":%d,\"items\":%d,\"seconds\":%.3f,\"sizeBytes\":%d}%n",
                    report.records(), report.items(), seconds, report.sizeBytes());
        } else {
            out.printf(Locale.ROOT, "Indexed %d records with %d copies in %.1f s (%.1f MB) in %s%n", report.records(),
                    report.items(), seconds, report.sizeBytes() / 1e6, feeder.folder());
        }
        return OK;
    }
}
