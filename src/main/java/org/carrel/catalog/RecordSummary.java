package org.carrel.catalog;

/** A record in a list: enough to show a line and link to it. {@code format} is a {@code Format} name. */
public record RecordSummary(long id, String title, String mainAuthor, Integer year, String format, String callNumber) {
}
