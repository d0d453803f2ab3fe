package org.carrel.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A job that decides messages: the circulation notices (overdue with lost items and charges, courtesy, holds; the
 * daily run does the three together, one letter per recipient), the homeroom teachers' digest and the teachers'
 * new-arrival digests.
 */
public enum NoticeJob {
    OVERDUE, COURTESY, HOLDS, DIGEST, NEW_ARRIVALS,
    /** The daily run: overdue, courtesy and holds in one letter per recipient. */
    NOTICES;

    /** The job as the API writes it: {@code new-arrivals}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<NoticeJob> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(job -> job.apiName().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    boolean overdue() {
        return this == OVERDUE || this == NOTICES;
    }

    boolean courtesy() {
        return this == COURTESY || this == NOTICES;
    }

    boolean holds() {
        return this == HOLDS || this == NOTICES;
    }
}
