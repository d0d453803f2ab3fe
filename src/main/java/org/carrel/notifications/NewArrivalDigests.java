package org.carrel.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronContacts;
import org.carrel.patrons.PatronContacts.Contact;
import org.carrel.patrons.PatronStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The teachers' weekly new-arrival digests. For {@code asOf}, the week is the seven days before it (from
 * {@code asOf - 7} at midnight to {@code asOf} at midnight, in the district's time zone); the new titles of a school
 * are those with a copy added there that week ({@link Arrivals}). Each active patron with subscriptions gets one
 * message (kind NEW_ARRIVALS, in their language; a copy to print when they have no address) listing once each new
 * title of their own school that matches any of their subscriptions, with a link to its catalogue page and one to
 * their subscriptions. The message is queued in the transaction that inserts its mark
 * {@code NEW_ARRIVALS:teacher:ID:WEEK_START}, so a run repeated in the week (on any node) sends nothing more.
 */
@Service
class NewArrivalDigests {

    static final int DAYS = 7;
    private static final Comparator<Arrival> BY_TITLE = Comparator.comparing((Arrival a) -> a.title()
            .toLowerCase(Locale.ROOT)).thenComparing(Arrival::recordId);

    private final SubscriptionStore subscriptions;
    private final Arrivals arrivals;
    private final PatronContacts contacts;
    private final District district;
    private final NoticeMarks marks;
    private final TitleMessages messages;
    private final NoticeTemplates templates;
    private final Outbox outbox;
    private final Links links;
    private final TransactionTemplate transaction;

    NewArrivalDigests(SubscriptionStore subscriptions, Arrivals arrivals, PatronContacts contacts, District district,
                      NoticeMarks marks, TitleMessages messages, NoticeTemplates templates, Outbox outbox,
                      Links links, PlatformTransactionManager transactions) {
        this.subscriptions = subscriptions;
        this.arrivals = arrivals;
        this.contacts = contacts;
        this.district = district;
        this.marks = marks;
        this.messages = messages;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The digests of the week before {@code asOf} for teachers of these schools (null: all), queued unless dry. */
    List<NoticeRuns.Planned> run(LocalDate asOf, boolean dryRun, Collection<Long> schoolIds, String actor) {
        LocalDate weekStart = asOf.minusDays(DAYS);
        ZoneId zone = district.zone();
        Instant from = weekStart.atStartOfDay(zone).toInstant();
        Instant to = asOf.atStartOfDay(zone).toInstant();
        Map<Long, List<ArrivalCriteria.Filter>> filters = new TreeMap<>();
        subscriptions.all().forEach(s -> filters.computeIfAbsent(s.patronId(), k -> new ArrayList<>())
                .add(s.criteria().filter()));
        Map<Long, Contact> people = contacts.of(filters.keySet());
        Map<Long, List<Contact>> bySchool = new TreeMap<>();
        for (long patronId : filters.keySet()) {
            Contact person = people.get(patronId);
            if (person != null && person.status() == PatronStatus.ACTIVE
                    && (schoolIds == null || schoolIds.contains(person.schoolId()))) {
                bySchool.computeIfAbsent(person.schoolId(), k -> new ArrayList<>()).add(person);
            }
        }
        List<NoticeRuns.Planned> planned = new ArrayList<>();
        NoticeTemplates.Wording wording = templates.wording();
        for (Map.Entry<Long, List<Contact>> school : bySchool.entrySet()) {
            List<Arrival> week = arrivals.between(school.getKey(), from, to, Arrivals.MAX_COPIES);
            if (week.isEmpty()) {
                continue;
            }
            String schoolName = district.school(school.getKey()).map(SchoolView::name).orElse("");
            Map<Contact, List<Arrival>> matches = new LinkedHashMap<>();
            for (Contact teacher : school.getValue()) {
                List<Arrival> theirs = week.stream().filter(a -> filters.get(teacher.id()).stream()
                        .anyMatch(f -> f.matches(a.profile()))).sorted(BY_TITLE).toList();
                if (!theirs.isEmpty()) {
                    matches.put(teacher, theirs);
                }
            }
            planned.addAll(queue(matches, schoolName, wording, weekStart, dryRun, actor));
        }
        return planned;
    }

    private List<NoticeRuns.Planned> queue(Map<Contact, List<Arrival>> matches, String schoolName,
                                           NoticeTemplates.Wording wording, LocalDate weekStart, boolean dryRun,
                                           String actor) {
        Set<String> marked = dryRun ? marks.marked(matches.keySet().stream()
                .flatMap(t -> weekKeys(t.id(), weekStart).stream()).toList()) : Set.of();
        List<NoticeRuns.Planned> planned = new ArrayList<>();
        for (Map.Entry<Contact, List<Arrival>> entry : matches.entrySet()) {
            Contact teacher = entry.getKey();
            List<String> keys = weekKeys(teacher.id(), weekStart);
            NoticeRuns.Planned digest = digest(teacher, entry.getValue(), schoolName, wording, weekStart);
            if (dryRun) {
                if (keys.stream().noneMatch(marked::contains)) {
                    planned.add(digest);
                }
                continue;
            }
            NoticeRuns.Planned queued = transaction.execute(status -> marks.marked(keys.subList(1, keys.size()))
                    .isEmpty() && marks.mark(keys.get(0), weekStart.plusDays(DAYS))
                    ? digest.queuedAs(outbox.enqueue(digest.message(teacher.schoolId()), actor)) : null);
            if (queued != null) {
                planned.add(queued);
            }
        }
        return planned;
    }

    /**
     * The mark of a teacher's digest for the week from {@code weekStart}, then those of the six weeks starting on the
     * days before: a digest sent by a run in the last six days (the Monday run, then one by hand on Wednesday) keeps
     * this one back; the next run a week later covers what came since.
     */
    static List<String> weekKeys(long teacherId, LocalDate weekStart) {
        List<String> keys = new ArrayList<>(DAYS);
        for (int back = 0; back < DAYS; back++) {
            keys.add("NEW_ARRIVALS:teacher:" + teacherId + ":" + weekStart.minusDays(back));
        }
        return keys;
    }

    private NoticeRuns.Planned digest(Contact teacher, List<Arrival> titles, String schoolName,
                                      NoticeTemplates.Wording wording, LocalDate weekStart) {
        return messages.toTeacher(NoticeKind.NEW_ARRIVALS, wording, teacher, schoolName, weekStart, titles,
                Map.of("link", links.subscriptions()), teacher.id());
    }
}
