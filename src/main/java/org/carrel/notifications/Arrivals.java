package org.carrel.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.NewCopy;
import org.carrel.catalog.RecordView;
import org.carrel.catalog.marc.Description;
import org.carrel.search.RecordProfile;
import org.springframework.stereotype.Service;

/**
 * The titles whose copies came in a time at a school, newest first: the copies the catalogue added (withdrawn and
 * lost ones left out), grouped by title, each title with what it is about, to match against subscriptions.
 */
@Service
class Arrivals {

    /** Records read from the catalogue at once (its limit). */
    private static final int CHUNK = 2000;
    /** Copies read for one list at most: a week's or a month's at a school is far fewer. */
    static final int MAX_COPIES = 10_000;
    /** Titles read for a public list at most, newest first: a page or feed that anyone may ask for stays cheap. */
    static final int TITLES_READ = 2000;

    private final Copies copies;
    private final Catalog catalog;

    Arrivals(Copies copies, Catalog catalog) {
        this.copies = copies;
        this.catalog = catalog;
    }

    /**
     * Titles with a copy added from {@code from} (inclusive) to {@code to} (exclusive) at the school (all schools
     * when null), newest first, at most {@code maxTitles} of them read; each once, with its newest copy.
     */
    List<Arrival> between(Long schoolId, Instant from, Instant to, int maxTitles) {
        Map<Long, NewCopy> newest = new LinkedHashMap<>();
        for (NewCopy copy : copies.added(schoolId, from, to, MAX_COPIES)) {
            if (newest.size() >= maxTitles && !newest.containsKey(copy.recordId())) {
                break;
            }
            newest.putIfAbsent(copy.recordId(), copy);
        }
        List<Long> ids = new ArrayList<>(newest.keySet());
        Map<Long, RecordView> records = new LinkedHashMap<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            catalog.records(ids.subList(start, Math.min(ids.size(), start + CHUNK)))
                    .forEach(record -> records.put(record.id(), record));
        }
        List<Arrival> arrivals = new ArrayList<>(ids.size());
        for (NewCopy copy : newest.values()) {
            RecordView record = records.get(copy.recordId());
            if (record != null) {
                arrivals.add(arrival(record, copy));
            }
        }
        return arrivals;
    }

    /**
     * Titles with a copy added from {@code from} to {@code to} at the school (all when null) that match the criteria,
     * newest first, at most {@code limit}; of the {@link #TITLES_READ} newest titles of that time.
     */
    List<Arrival> matching(ArrivalCriteria criteria, Long schoolId, Instant from, Instant to, int limit) {
        ArrivalCriteria.Filter filter = criteria.filter();
        return between(schoolId, from, to, TITLES_READ).stream().filter(a -> filter.matches(a.profile()))
                .limit(limit).toList();
    }

    /**
     * These titles (unknown and deleted ones left out), in the order given, each with the call number of its copy at
     * the school (else its record's) and the time its record was made.
     */
    List<Arrival> titles(List<Long> recordIds, long schoolId) {
        Map<Long, RecordView> records = new LinkedHashMap<>();
        catalog.records(recordIds).forEach(record -> records.put(record.id(), record));
        List<Arrival> titles = new ArrayList<>();
        for (long id : recordIds) {
            RecordView record = records.get(id);
            if (record != null) {
                String callNumber = record.items().stream().filter(i -> i.schoolId() == schoolId)
                        .map(ItemView::callNumber).filter(c -> c != null).findFirst()
                        .orElse(record.description().callNumber());
                titles.add(arrival(record, new NewCopy(0, id, schoolId, callNumber, record.createdAt())));
            }
        }
        return titles;
    }

    private static Arrival arrival(RecordView record, NewCopy copy) {
        Description d = record.description();
        String title = d.title() == null || d.title().isBlank() ? "#" + record.id() : d.title();
        String author = d.authors().isEmpty() ? null : d.authors().get(0);
        return new Arrival(record.id(), title, author, copy.callNumber(), copy.schoolId(), copy.addedAt().toInstant(),
                RecordProfile.of(d, copy.callNumber()));
    }
}
