package org.carrel.notifications;

import java.time.Instant;

import org.carrel.search.RecordProfile;

/**
 * A title new at a school (or in the district): its newest copy's call number and when it came, and what the record
 * is about ({@link RecordProfile}) for matching subscriptions.
 */
public record Arrival(long recordId, String title, String author, String callNumber, long schoolId, Instant addedAt,
                      RecordProfile profile) {

    /** "Title / Author (call number)", as a digest lists it. */
    public String line() {
        return title + (author == null ? "" : " / " + author) + (callNumber == null ? "" : " (" + callNumber + ")");
    }
}
