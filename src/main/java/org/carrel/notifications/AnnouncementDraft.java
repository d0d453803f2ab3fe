package org.carrel.notifications;

import java.util.List;

import org.carrel.district.SchoolView;

/** An announcement as it would go: the titles, and one message per teacher of the school (not queued yet). */
public record AnnouncementDraft(SchoolView school, String message, List<Arrival> titles,
                                List<NoticeRuns.Planned> messages) {

    /** The titles' record numbers, as the send form carries them. */
    public String titleIds() {
        return String.join(" ", titles.stream().map(a -> Long.toString(a.recordId())).toList());
    }

    /** How many messages have no address and will be printed. */
    public long toPrint() {
        return messages.stream().filter(m -> m.recipientEmail() == null).count();
    }
}
