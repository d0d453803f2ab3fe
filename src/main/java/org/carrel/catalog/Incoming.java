package org.carrel.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrel.catalog.importing.Holdings;
import org.carrel.catalog.importing.HoldingsMapping;
import org.carrel.catalog.importing.ItemDraft;
import org.carrel.catalog.importing.MarcFileReader;
import org.marc4j.marc.Record;

/** One record of an import file on its way into the catalogue, with what the import decided for it. */
final class Incoming {

    /**
     * Leader/06 values that are not bibliographic: authority (z), holdings (u, v, x, y) and community information (q)
     * records describe no title. A blank or unknown type is taken as a title (real exports leave it blank).
     */
    private static final String NOT_BIBLIOGRAPHIC = "zuvxyq";

    final String file;
    final int number;
    final long offset;
    final Record marc;
    final List<ItemDraft> drafts;
    final List<String> warnings = new ArrayList<>();
    final List<String> itemProblems = new ArrayList<>();
    /** What placing the copies did to the school's locations (created, would be created, unusable code). */
    final List<String> locationNotes = new ArrayList<>();
    final List<ItemValues> items = new ArrayList<>();
    RecordValues values;
    String problem;
    String outcome;
    Long matchedId;
    Incoming matchedEarlier;
    Long recordId;

    private Incoming(String file, int number, long offset, Record marc, List<ItemDraft> drafts) {
        this.file = file;
        this.number = number;
        this.offset = offset;
        this.marc = marc;
        this.drafts = drafts;
    }

    /** A record the file reader could not read, carrying the reason as its {@link #problem}. */
    static Incoming rejected(String file, MarcFileReader.Bad bad) {
        Incoming rejected = new Incoming(file, bad.number(), bad.offset(), null, List.of());
        rejected.problem = bad.reason();
        return rejected;
    }

    /** The record read from a file, or one carrying the {@link #problem} that rejects it. */
    static Incoming of(String file, MarcFileReader.Read read) {
        char type = read.record().getLeader().getTypeOfRecord();
        if (NOT_BIBLIOGRAPHIC.indexOf(type) >= 0) {
            Incoming rejected = new Incoming(file, read.number(), read.offset(), read.record(), List.of());
            rejected.problem = "leader/06 is '" + type + "': this is " + kind(type) + ", not a bibliographic record";
            return rejected;
        }
        Holdings holdings = HoldingsMapping.holdings(read.record());
        Incoming in = new Incoming(file, read.number(), read.offset(), read.record(), holdings.items());
        in.warnings.addAll(read.warnings());
        in.warnings.addAll(holdings.warnings());
        holdings.itemFields().forEach(in.marc::removeVariableField);
        try {
            in.values = RecordValues.of(in.marc);
            if (in.values.description().title() == null || in.values.description().title().isBlank()) {
                in.warnings.add("it has no title (245 $a); it is listed as [untitled] until a cataloguer adds one");
            }
        } catch (RuntimeException e) {
            in.problem = "it cannot be stored: " + e.getMessage();
        }
        return in;
    }

    private static String kind(char type) {
        return type == 'z' ? "an authority record" : type == 'q' ? "a community information record" : "a holdings record";
    }

    /** The identifiers this record is matched on, as the options choose. */
    List<RecordValues.Identifier> matchKeys(ImportOptions options) {
        return values.identifiers().stream()
                .filter(id -> options.matchOn().contains(ImportOptions.MatchPoint.valueOf(id.kind())))
                .toList();
    }

    /** Finds the stored record (lowest id) or the earlier record of this import that carries one of the keys. */
    void match(Map<RecordValues.Identifier, List<Long>> stored, Map<RecordValues.Identifier, Incoming> earlier,
               Map<RecordValues.Identifier, Long> dryRunEarlier) {
        // Match points are tried in the order the MARC gives them (ISBN first), the first hit wins.
        for (RecordValues.Identifier key : values.identifiers()) {
            if (!stored.containsKey(key) && !earlier.containsKey(key) && !dryRunEarlier.containsKey(key)) {
                continue;
            }
            if (stored.containsKey(key)) {
                matchedId = stored.get(key).get(0);
            } else if (earlier.containsKey(key)) {
                matchedEarlier = earlier.get(key);
            } else {
                matchedId = dryRunEarlier.get(key);
            }
            return;
        }
    }

    /** Forgets what a failed chunk decided, so the record can be decided again on its own. */
    void reset() {
        items.clear();
        itemProblems.clear();
        locationNotes.clear();
        outcome = null;
        matchedId = null;
        matchedEarlier = null;
        recordId = null;
    }

    /** What became of the record, for its report line. */
    String describe() {
        String title = values.title();
        String match = matchedId != null && matchedId > 0 ? " (matches record #" + matchedId + ")"
                : matchedId != null || matchedEarlier != null ? " (matches an earlier record of this import)" : "";
        return title + match + (items.isEmpty() ? "" : ", " + items.size() + (items.size() == 1 ? " copy" : " copies"));
    }
}
