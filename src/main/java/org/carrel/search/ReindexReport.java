package org.carrel.search;

import java.time.Duration;

/** What a rebuild of the index did. */
public record ReindexReport(long records, long items, Duration took, long sizeBytes) {
}
