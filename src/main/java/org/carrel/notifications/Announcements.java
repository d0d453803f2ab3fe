package org.carrel.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carrel.accounts.AuditLog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.PatronContacts;
import org.carrel.patrons.PatronContacts.Contact;
import org.carrel.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A librarian's hand-picked "new in the library" message: titles picked by record number or copy barcode (typed, or
 * chosen from the school's newest), a short message, and one ANNOUNCEMENT message to every active teacher of the
 * school in their language (a copy to print for a teacher without an e-mail address). Staff see the messages
 * before they go; sending re-reads everything, queues the messages in one transaction and audits it.
 */
@Service
class Announcements {

    static final int MAX_MESSAGE = 1000;
    static final int MAX_TITLES = 30;
    static final int NEWEST = 20;

    /** A draft, or the problems by field (texts already in the reader's language). */
    record Prepared(AnnouncementDraft draft, FormErrors problems) {
    }

    private final Arrivals arrivals;
    private final Copies copies;
    private final PatronContacts contacts;
    private final District district;
    private final TitleMessages titleMessages;
    private final NoticeTemplates templates;
    private final Outbox outbox;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    Announcements(Arrivals arrivals, Copies copies, PatronContacts contacts, District district,
                  TitleMessages titleMessages, NoticeTemplates templates, Outbox outbox, AuditLog audit,
                  MessageSource messages, Clock clock) {
        this.arrivals = arrivals;
        this.copies = copies;
        this.contacts = contacts;
        this.district = district;
        this.titleMessages = titleMessages;
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The school's {@value #NEWEST} newest titles, to choose from. */
    List<Arrival> newest(long schoolId) {
        return arrivals.between(schoolId, Instant.EPOCH, clock.instant().plusSeconds(1), NEWEST);
    }

    /**
     * Checks a message to a school's teachers: a message of 1 to {@value #MAX_MESSAGE} characters, 1 to
     * {@value #MAX_TITLES} titles (record numbers or copy barcodes, typed or chosen), a school with active teachers.
     */
    Prepared prepare(SchoolView school, String message, String typed, List<Long> chosen, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        String text = message == null ? "" : message.strip().replace("\r\n", "\n");
        if (text.isEmpty()) {
            problems.put("message", text("notices.announce.message.required", locale));
        } else if (text.length() > MAX_MESSAGE) {
            problems.put("message", text("notices.announce.message.tooLong", locale, MAX_MESSAGE));
        }
        List<Arrival> titles = titles(school, typed, chosen, problems, locale);
        List<Contact> teachers = contacts.teachers(school.id());
        if (teachers.isEmpty()) {
            problems.put("school", text("notices.announce.noTeachers", locale, school.name()));
        }
        if (!problems.isEmpty()) {
            return new Prepared(null, new FormErrors(problems));
        }
        NoticeTemplates.Wording wording = templates.wording();
        List<NoticeRuns.Planned> planned = teachers.stream().map(t -> titleMessages.toTeacher(NoticeKind.ANNOUNCEMENT,
                wording, t, school.name(), district.today(), titles, Map.of("message", text), null)).toList();
        return new Prepared(new AnnouncementDraft(school, text, titles, planned), FormErrors.NONE);
    }

    /** Queues the draft's messages (one transaction) and audits it; the messages queued. */
    @Transactional
    List<NoticeRuns.Planned> send(AnnouncementDraft draft, String actor) {
        List<NoticeRuns.Planned> queued = draft.messages().stream()
                .map(p -> p.queuedAs(outbox.enqueue(p.message(draft.school().id()), actor))).toList();
        audit.record(actor, "notifications.announcement.queued", "school", draft.school().id(), queued.size()
                + " message(s); titles " + draft.titleIds());
        return queued;
    }

    /** The titles typed and chosen, each once; adds the problem with them to {@code problems}. */
    private List<Arrival> titles(SchoolView school, String typed, List<Long> chosen, Map<String, String> problems,
                                 Locale locale) {
        Set<Long> ids = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        List<String> tokens = tokens(typed);
        if (ids.size() + tokens.size() > MAX_TITLES) {
            problems.put("titles", text("notices.announce.titles.tooMany", locale, MAX_TITLES));
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (String token : tokens) {
            Long id = recordOf(token);
            if (id == null) {
                unknown.add(token);
            } else {
                ids.add(id);
            }
        }
        List<Arrival> titles = ids.isEmpty() ? List.of() : arrivals.titles(List.copyOf(ids), school.id());
        titles.forEach(title -> ids.remove(title.recordId()));
        ids.forEach(id -> unknown.add(id.toString()));
        if (!unknown.isEmpty()) {
            problems.put("titles", text("notices.announce.titles.unknown", locale, String.join(", ", unknown)));
        } else if (titles.isEmpty()) {
            problems.put("titles", text("notices.announce.titles.required", locale));
        }
        return titles;
    }

    /** A copy's record, or a record number (checked against the catalogue later); null when neither. */
    private Long recordOf(String token) {
        Long byCopy = copies.itemByBarcode(token).map(ItemView::recordId).orElse(null);
        if (byCopy != null) {
            return byCopy;
        }
        return token.matches("\\d{1,18}") ? Long.valueOf(token) : null;
    }

    private static List<String> tokens(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[\\s,;]+")).filter(t -> !t.isEmpty())
                .distinct().toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
