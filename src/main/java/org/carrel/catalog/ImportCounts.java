package org.carrel.catalog;

/** What an import did with its records; {@code items} counts copies created. The {@code import-marc --json} line. */
public record ImportCounts(int read, int added, int overlaid, int merged, int skipped, int rejected, int items) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(read + other.read, added + other.added, overlaid + other.overlaid,
                merged + other.merged, skipped + other.skipped, rejected + other.rejected, items + other.items);
    }

    public String toJson() {
        return "{\"read\":" + read + ",\"added\":" + added + ",\"overlaid\":" + overlaid + ",\"merged\":" + merged
                + ",\"skipped\":" + skipped + ",\"rejected\":" + rejected + ",\"items\":" + items + "}";
    }
}
