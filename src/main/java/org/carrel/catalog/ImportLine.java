package org.carrel.catalog;

/**
 * One line of an import report. {@code outcome}: ADDED, OVERLAID, MERGED, SKIPPED (what became of a record; kept for
 * the first records only), REJECTED (a record not imported), ITEM (a copy not created) or WARNING.
 */
public record ImportLine(int lineNumber, String fileName, int recordNumber, long byteOffset, String outcome,
                         Long recordId, String message) {

    /** The report line as the command prints it. */
    public String describe() {
        return fileName + " record " + recordNumber + " (byte " + byteOffset + "): " + outcome.toLowerCase(java.util.Locale.ROOT)
                + (recordId == null ? "" : " #" + recordId) + ": " + message;
    }
}
