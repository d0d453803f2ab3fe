package org.carrel.patrons;

import java.util.List;
import java.util.Map;

/**
 * Everything Carrel holds about one patron, for a district admin answering a request to see a student's records:
 * one entry in {@code sources} per {@link PatronDataSource} (module name to that module's data). {@code notes} say
 * what is not there yet and why.
 */
public record PatronExport(long patronId, String exportedAt, String exportedBy, List<String> notes,
                           Map<String, Object> sources) {
}
