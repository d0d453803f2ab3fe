package org.carrel.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.shared.FormErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's own new-arrival subscriptions, kept on their patron record: add, change (refused when changed
 * meanwhile), remove. Erasing the patron deletes them; merging two patrons moves the duplicate's to the one kept
 * (both in the erase's or merge's transaction: {@code PatronChanges}).
 */
@Service
class ArrivalSubscriptions {

    static final int MAX_PER_PATRON = 20;
    static final int MAX_NAME = 100;

    private final SubscriptionStore store;
    private final Clock clock;

    ArrivalSubscriptions(SubscriptionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Subscription> of(long patronId) {
        return store.of(patronId);
    }

    @Transactional(readOnly = true)
    Optional<Subscription> find(long id, long patronId) {
        return store.find(id, patronId);
    }

    @Transactional
    FormErrors add(long patronId, SubscriptionForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        ArrivalCriteria criteria = check(form, problems);
        if (problems.isEmpty() && store.count(patronId) >= MAX_PER_PATRON) {
            problems.put("", "notices.subscriptions.tooMany");
        }
        if (!problems.isEmpty()) {
            return new FormErrors(problems);
        }
        store.insert(patronId, name(form), criteria, clock.instant());
        return FormErrors.NONE;
    }

    /** Changes one of the patron's subscriptions; {@code version}: someone changed it first (or it is gone). */
    @Transactional
    FormErrors update(long id, long patronId, SubscriptionForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        ArrivalCriteria criteria = check(form, problems);
        if (!problems.isEmpty()) {
            return new FormErrors(problems);
        }
        if (form.version() == null
                || !store.update(id, patronId, form.version(), name(form), criteria, clock.instant())) {
            return FormErrors.of("version", "form.staleVersion");
        }
        return FormErrors.NONE;
    }

    @Transactional
    boolean delete(long id, long patronId) {
        return store.delete(id, patronId);
    }

    private static ArrivalCriteria check(SubscriptionForm form, Map<String, String> problems) {
        if (form.name() != null && form.name().strip().length() > MAX_NAME) {
            problems.put("name", "notices.subscriptions.name.tooLong");
        }
        ArrivalCriteria.Read read = ArrivalCriteria.read(form.subjects(), form.dewey(), form.grades(),
                form.keywords());
        problems.putAll(read.problems());
        if (read.ok() && read.criteria().isEmpty()) {
            problems.put("", "notices.subscriptions.empty");
        }
        return read.criteria();
    }

    private static String name(SubscriptionForm form) {
        return form.name() == null || form.name().isBlank() ? null : form.name().strip().replaceAll("\\s+", " ");
    }
}
