package org.carrel.notifications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.RecordView;
import org.carrel.circulation.NoticeLines;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronContacts;
import org.carrel.patrons.PatronContacts.Contact;
import org.carrel.patrons.PatronType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the circulation notices and the homeroom digests of a day, and queues them (or, in a dry run, only says
 * what it would send).
 *
 * <p>Each notice has a mark key (say {@code OVERDUE_FIRST:loan:12:2026-11-20}); a patron's notices of a run become
 * one letter per recipient, queued in the transaction that inserts the marks, so each notice goes once, whichever
 * node or run gets there first, and a run repeated on the same day finds nothing more to send. Patrons are taken
 * {@value #PATRONS_PER_TRANSACTION} to a transaction.
 *
 * <p>Who may read what: a patron's own notices go to the patron (students only when the district chooses) and to a
 * student's guardians; a homeroom teacher gets a digest of their own homeroom's overdue items, naming titles only
 * when the district chooses. A recipient with no address on file gets a copy without one, for staff to print.
 */
@Service
public class NoticeRuns {

    static final int PATRONS_PER_TRANSACTION = 100;

    /** A message a run sends (or would send): {@code messageId} is its outbox row, null in a dry run. */
    public record Planned(NoticeKind kind, List<NoticeKind> sections, String recipientRole, Long recipientId,
                          String recipientName, String recipientEmail, String language, Long patronId,
                          String patronName, List<String> items, String subject, String body, Long messageId) {

        /** The outbox message this stands for, of the school. */
        NewMessage message(Long schoolId) {
            return new NewMessage(kind, patronId, schoolId, recipientId, recipientName, recipientEmail, language,
                    subject, body, items.size());
        }

        /** The same, queued as outbox row {@code id}. */
        Planned queuedAs(long id) {
            return new Planned(kind, sections, recipientRole, recipientId, recipientName, recipientEmail, language,
                    patronId, patronName, items, subject, body, id);
        }
    }

    /** What a run did: the messages, and how many schools it skipped because they were closed. */
    public record RunResult(NoticeJob job, LocalDate asOf, boolean dryRun, List<Planned> messages,
                            List<String> closedSchools) {
    }

    /** One notice about one thing (a loan, a hold, a charge). */
    private record Notice(NoticeKind kind, String key, long patronId, long schoolId, String text) {
    }

    private final NoticeLines lines;
    private final PatronContacts contacts;
    private final Catalog catalog;
    private final District district;
    private final NoticeSettingsStore settings;
    private final NoticeMarks marks;
    private final NoticeTemplates templates;
    private final Outbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final NewArrivalDigests digests;

    NoticeRuns(NoticeLines lines, PatronContacts contacts, Catalog catalog, District district,
               NoticeSettingsStore settings, NoticeMarks marks, NoticeTemplates templates, Outbox outbox,
               MessageSource messages, PlatformTransactionManager transactions, NewArrivalDigests digests) {
        this.lines = lines;
        this.contacts = contacts;
        this.catalog = catalog;
        this.district = district;
        this.settings = settings;
        this.marks = marks;
        this.templates = templates;
        this.outbox = outbox;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.digests = digests;
    }

    /**
     * Runs a circulation job ({@link NoticeJob#NOTICES}, {@code OVERDUE}, {@code COURTESY}, {@code HOLDS}), the
     * homeroom digest ({@code DIGEST}) or the teachers' new-arrival digests ({@code NEW_ARRIVALS}, the week before
     * {@code asOf}: {@link NewArrivalDigests}) for {@code asOf}, for the schools in {@code schoolIds} (null: all).
     * With {@code skipClosed}, schools closed that day are left for their next open day (not new arrivals: their
     * week would be lost).
     */
    public RunResult run(NoticeJob job, LocalDate asOf, boolean dryRun, Collection<Long> schoolIds,
                         boolean skipClosed, String actor) {
        if (job == NoticeJob.NEW_ARRIVALS) {
            return new RunResult(job, asOf, dryRun, digests.run(asOf, dryRun, schoolIds, actor), List.of());
        }
        NoticeSettings s = settings.get();
        Map<Long, Boolean> closed = new HashMap<>();
        Predicate<Long> inScope = school -> (schoolIds == null || schoolIds.contains(school))
                && !(skipClosed && closed.computeIfAbsent(school, id -> district.isClosed(id, asOf)));
        List<Notice> notices = job == NoticeJob.DIGEST ? List.of() : circulationNotices(job, asOf, s, inScope);
        List<Planned> planned = job == NoticeJob.DIGEST
                ? homeroomDigests(asOf, s, templates.wording(), inScope, dryRun, actor)
                : letters(notices, asOf, s, templates.wording(), dryRun, actor);
        List<String> closedSchools = closed.entrySet().stream().filter(Map.Entry::getValue)
                .map(e -> district.school(e.getKey()).map(SchoolView::code).orElse("?")).sorted().toList();
        return new RunResult(job, asOf, dryRun, planned, closedSchools);
    }

    private List<Notice> circulationNotices(NoticeJob job, LocalDate asOf, NoticeSettings s,
                                            Predicate<Long> inScope) {
        List<Notice> found = new ArrayList<>();
        if (job.overdue() || job.courtesy()) {
            LocalDate until = job.courtesy() && s.courtesyDaysBefore() > 0 ? asOf.plusDays(s.courtesyDaysBefore())
                    : asOf.minusDays(1);
            for (NoticeLines.LoanLine loan : lines.dueBy(until)) {
                if (!inScope.test(loan.schoolId())) {
                    continue;
                }
                long late = ChronoUnit.DAYS.between(loan.dueOn(), asOf);
                String what = loan.title() + " (" + loan.barcode() + ")";
                String key = ":loan:" + loan.loanId() + ":" + loan.dueOn();
                if (loan.lost()) {
                    if (job.overdue()) {
                        found.add(notice(NoticeKind.LOST, "LOST:loan:" + loan.loanId(), loan, what));
                    }
                } else if (late >= 1) {
                    if (job.overdue() && late >= s.overdueSecondDays()) {
                        found.add(notice(NoticeKind.OVERDUE_SECOND, "OVERDUE_SECOND" + key, loan, what));
                    } else if (job.overdue() && late >= Math.max(1, s.overdueFirstDays())) {
                        found.add(notice(NoticeKind.OVERDUE_FIRST, "OVERDUE_FIRST" + key, loan, what));
                    }
                } else if (job.courtesy() && s.courtesyDaysBefore() > 0) {
                    found.add(notice(NoticeKind.COURTESY, "COURTESY" + key, loan, what));
                }
            }
        }
        if (job.overdue()) {
            for (NoticeLines.ChargeLine charge : lines.openCharges()) {
                if (inScope.test(charge.schoolId())) {
                    found.add(new Notice(NoticeKind.CHARGE, "CHARGE:charge:" + charge.chargeId(), charge.patronId(),
                            charge.schoolId(), charge.description() + ": " + money(charge.owed())));
                }
            }
        }
        if (job.holds()) {
            List<NoticeLines.HoldLine> ready = lines.readyHolds().stream()
                    .filter(h -> inScope.test(h.pickupSchoolId())).toList();
            Map<Long, String> titles = titles(ready.stream().map(NoticeLines.HoldLine::recordId).distinct().toList());
            Set<String> readyMarked = marks.marked(ready.stream().map(h -> "HOLD_READY:hold:" + h.holdId()).toList());
            for (NoticeLines.HoldLine hold : ready) {
                String title = titles.getOrDefault(hold.recordId(), "#" + hold.recordId());
                String readyKey = "HOLD_READY:hold:" + hold.holdId();
                long left = ChronoUnit.DAYS.between(asOf, hold.pickupBy());
                if (!readyMarked.contains(readyKey)) {
                    found.add(new Notice(NoticeKind.HOLD_READY, readyKey, hold.patronId(), hold.pickupSchoolId(),
                            title + "|" + hold.pickupBy()));
                } else if (s.holdExpiringDaysBefore() > 0 && left >= 0 && left <= s.holdExpiringDaysBefore()) {
                    found.add(new Notice(NoticeKind.HOLD_EXPIRING, "HOLD_EXPIRING:hold:" + hold.holdId() + ":"
                            + hold.pickupBy(), hold.patronId(), hold.pickupSchoolId(), title + "|" + hold.pickupBy()));
                }
            }
        }
        return found;
    }

    private static Notice notice(NoticeKind kind, String key, NoticeLines.LoanLine loan, String what) {
        return new Notice(kind, key, loan.patronId(), loan.schoolId(), what + "|" + loan.dueOn());
    }

    private Map<Long, String> titles(List<Long> recordIds) {
        Map<Long, String> titles = new HashMap<>();
        for (int from = 0; from < recordIds.size(); from += 2000) {
            List<Long> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + 2000));
            for (RecordView record : catalog.records(chunk)) {
                titles.put(record.id(), record.description().title());
            }
        }
        return titles;
    }

    /** One letter per patron and recipient, queued with its marks, {@value #PATRONS_PER_TRANSACTION} patrons a go. */
    private List<Planned> letters(List<Notice> notices, LocalDate asOf, NoticeSettings s,
                                  NoticeTemplates.Wording wording, boolean dryRun,
                                  String actor) {
        Map<Long, List<Notice>> byPatron = notices.stream()
                .collect(Collectors.groupingBy(Notice::patronId, TreeMap::new, Collectors.toList()));
        Map<Long, Contact> people = contacts.of(byPatron.keySet());
        people.putAll(contacts.of(people.values().stream().flatMap(c -> c.guardianIds().stream()).toList()));
        Set<String> marked = dryRun ? marks.marked(notices.stream().map(Notice::key).toList()) : Set.of();
        List<Long> patrons = new ArrayList<>(byPatron.keySet());
        List<Planned> planned = new ArrayList<>();
        for (int from = 0; from < patrons.size(); from += PATRONS_PER_TRANSACTION) {
            List<Long> chunk = patrons.subList(from, Math.min(patrons.size(), from + PATRONS_PER_TRANSACTION));
            planned.addAll(dryRun
                    ? chunkOfLetters(chunk, byPatron, people, s, wording, asOf, key -> !marked.contains(key), false,
                            actor)
                    : transaction.execute(status -> chunkOfLetters(chunk, byPatron, people, s, wording, asOf,
                            key -> marks.mark(key, asOf), true, actor)));
        }
        return planned;
    }

    private List<Planned> chunkOfLetters(List<Long> chunk, Map<Long, List<Notice>> byPatron, Map<Long, Contact> people,
                                         NoticeSettings s, NoticeTemplates.Wording wording, LocalDate asOf,
                                         Predicate<String> wins, boolean queue,
                                         String actor) {
        List<Planned> planned = new ArrayList<>();
        for (long patronId : chunk) {
            Contact patron = people.get(patronId);
            if (patron == null) {
                continue;
            }
            List<Notice> won = byPatron.get(patronId).stream().filter(n -> wins.test(n.key())).toList();
            if (won.isEmpty()) {
                continue;
            }
            for (Map.Entry<Contact, String> recipient : recipients(patron, people, s).entrySet()) {
                Planned letter = letter(patron, recipient.getKey(), recipient.getValue(), won, wording, asOf);
                planned.add(queue ? queued(letter, patron.schoolId(), actor) : letter);
            }
        }
        return planned;
    }

    /** Who gets a patron's notices, with their role: the patron, a student's guardians, or a copy to print. */
    private static Map<Contact, String> recipients(Contact patron, Map<Long, Contact> people, NoticeSettings s) {
        Map<Contact, String> to = new LinkedHashMap<>();
        boolean student = patron.type() == PatronType.STUDENT;
        if ((!student || s.toStudent()) && patron.email() != null) {
            to.put(patron, student ? "student" : "patron");
        }
        if (student && s.toGuardians()) {
            patron.guardianIds().stream().map(people::get).filter(g -> g != null && g.email() != null)
                    .forEach(g -> to.put(g, "guardian"));
        }
        if (to.isEmpty()) {
            to.put(patron, "print");
        }
        return to;
    }

    private Planned letter(Contact patron, Contact recipient, String role, List<Notice> notices,
                           NoticeTemplates.Wording wording, LocalDate asOf) {
        String language = NoticeTemplates.language(recipient.language());
        Locale locale = Locale.forLanguageTag(language + "-US");
        Map<NoticeKind, List<Notice>> byKind = new EnumMap<>(NoticeKind.class);
        notices.forEach(n -> byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n));
        Map<String, String> values = new HashMap<>();
        values.put("patron", patron.name());
        values.put("recipient", recipient.name());
        values.put("school", schoolName(patron.schoolId()));
        values.put("date", date(asOf, locale));
        List<String> items = new ArrayList<>();
        StringBuilder sections = new StringBuilder();
        NoticeTemplates.Rendered only = null;
        for (Map.Entry<NoticeKind, List<Notice>> kind : byKind.entrySet()) {
            List<String> kindItems = kind.getValue().stream().map(n -> line(n, locale)).toList();
            items.addAll(kindItems);
            values.put("items", kindItems.stream().map(line -> "- " + line + "\n").collect(Collectors.joining()));
            only = NoticeTemplates.render(wording.of(kind.getKey(), language), values);
            sections.append(only.body().strip()).append("\n\n");
        }
        values.remove("items");
        values.put("sections", sections.toString().strip() + "\n");
        NoticeTemplates.Rendered letter = NoticeTemplates.render(wording.of(NoticeKind.LETTER, language),
                values);
        String subject = byKind.size() == 1 ? only.subject() : letter.subject();
        NoticeKind kind = byKind.size() == 1 ? byKind.keySet().iterator().next() : NoticeKind.LETTER;
        return new Planned(kind, List.copyOf(byKind.keySet()), role, recipient.id(), recipient.name(),
                "print".equals(role) ? null : recipient.email(), language, patron.id(), patron.name(), items,
                subject, letter.body(), null);
    }

    private String line(Notice notice, Locale locale) {
        String[] parts = notice.text().split("\\|", 2);
        return switch (notice.kind()) {
            case CHARGE -> notice.text();
            case HOLD_READY, HOLD_EXPIRING -> messages.getMessage("notices.line.pickup",
                    new Object[] {parts[0], date(LocalDate.parse(parts[1]), locale)}, locale);
            default -> messages.getMessage("notices.line.due",
                    new Object[] {parts[0], date(LocalDate.parse(parts[1]), locale)}, locale);
        };
    }

    /** A homeroom teacher's digest of their students' overdue items, one a day. */
    private List<Planned> homeroomDigests(LocalDate asOf, NoticeSettings s, NoticeTemplates.Wording wording,
                                          Predicate<Long> inScope, boolean dryRun,
                                          String actor) {
        if (!s.homeroomDigest()) {
            return List.of();
        }
        List<NoticeLines.LoanLine> overdue = lines.dueBy(asOf.minusDays(1)).stream()
                .filter(l -> inScope.test(l.schoolId())).toList();
        Map<Long, Contact> students = contacts.of(overdue.stream().map(NoticeLines.LoanLine::patronId).toList());
        Map<Long, List<NoticeLines.LoanLine>> byTeacher = new TreeMap<>();
        for (NoticeLines.LoanLine loan : overdue) {
            Contact student = students.get(loan.patronId());
            if (student != null && student.type() == PatronType.STUDENT && student.homeroomTeacherId() != null) {
                byTeacher.computeIfAbsent(student.homeroomTeacherId(), k -> new ArrayList<>()).add(loan);
            }
        }
        Map<Long, Contact> teachers = contacts.of(byTeacher.keySet());
        Set<String> marked = dryRun ? marks.marked(byTeacher.keySet().stream().map(id -> homeroomKey(id, asOf))
                .toList()) : Set.of();
        List<Planned> planned = new ArrayList<>();
        for (Map.Entry<Long, List<NoticeLines.LoanLine>> entry : byTeacher.entrySet()) {
            Contact teacher = teachers.get(entry.getKey());
            if (teacher == null) {
                continue;
            }
            String key = homeroomKey(teacher.id(), asOf);
            Planned digest = digest(teacher, entry.getValue(), students, s.homeroomDigestTitles(), wording, asOf);
            if (dryRun) {
                if (!marked.contains(key)) {
                    planned.add(digest);
                }
            } else {
                Planned queued = transaction.execute(status -> marks.mark(key, asOf)
                        ? queued(digest, teacher.schoolId(), actor) : null);
                if (queued != null) {
                    planned.add(queued);
                }
            }
        }
        return planned;
    }

    private static String homeroomKey(long teacherId, LocalDate day) {
        return "HOMEROOM:teacher:" + teacherId + ":" + day;
    }

    private Planned digest(Contact teacher, List<NoticeLines.LoanLine> loans, Map<Long, Contact> students,
                           boolean titles, NoticeTemplates.Wording wording, LocalDate asOf) {
        String language = NoticeTemplates.language(teacher.language());
        Locale locale = Locale.forLanguageTag(language + "-US");
        Map<Contact, List<NoticeLines.LoanLine>> byStudent = new TreeMap<>(
                Comparator.comparing(Contact::name).thenComparing(Contact::id));
        loans.forEach(l -> byStudent.computeIfAbsent(students.get(l.patronId()), k -> new ArrayList<>()).add(l));
        List<String> items = new ArrayList<>();
        for (Map.Entry<Contact, List<NoticeLines.LoanLine>> student : byStudent.entrySet()) {
            List<NoticeLines.LoanLine> theirs = student.getValue();
            if (titles) {
                theirs.forEach(l -> items.add(student.getKey().name() + ": " + messages.getMessage("notices.line.due",
                        new Object[] {l.title() + " (" + l.barcode() + ")", date(l.dueOn(), locale)}, locale)));
            } else {
                LocalDate oldest = theirs.stream().map(NoticeLines.LoanLine::dueOn).min(LocalDate::compareTo)
                        .orElseThrow();
                items.add(messages.getMessage("notices.line.count", new Object[] {student.getKey().name(),
                        theirs.size(), date(oldest, locale)}, locale));
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("recipient", teacher.name());
        values.put("school", schoolName(teacher.schoolId()));
        values.put("date", date(asOf, locale));
        values.put("items", items.stream().map(line -> "- " + line + "\n").collect(Collectors.joining()));
        NoticeTemplates.Rendered text = NoticeTemplates.render(
                wording.of(NoticeKind.HOMEROOM_DIGEST, language), values);
        return new Planned(NoticeKind.HOMEROOM_DIGEST, List.of(NoticeKind.HOMEROOM_DIGEST),
                teacher.email() == null ? "print" : "teacher", teacher.id(), teacher.name(), teacher.email(),
                language, teacher.id(), teacher.name(), items, text.subject(), text.body(), null);
    }

    /** Queues a planned message; the same with its outbox id. */
    Planned queued(Planned p, Long schoolId, String actor) {
        return p.queuedAs(outbox.enqueue(p.message(schoolId), actor));
    }

    private String schoolName(long schoolId) {
        return district.school(schoolId).map(SchoolView::name).orElse("");
    }

    static String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    static String money(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
