package org.carrel.notifications;

import org.carrel.patrons.PatronErased;
import org.carrel.patrons.PatronsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What this module keeps about patrons follows their erasure and merging, in the erase's or merge's transaction
 * (synchronous listeners, before a merged duplicate's row is deleted): the outbox's messages about and to a patron,
 * and a teacher's new-arrival subscriptions.
 */
@Component
class PatronChanges {

    private final OutboxStore outbox;
    private final SubscriptionStore subscriptions;

    PatronChanges(OutboxStore outbox, SubscriptionStore subscriptions) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
    }

    @EventListener
    void on(PatronErased erased) {
        outbox.deleteFor(erased.patronId());
        subscriptions.deleteFor(erased.patronId());
    }

    @EventListener
    void on(PatronsMerged merged) {
        outbox.merge(merged.keptId(), merged.mergedId());
        subscriptions.merge(merged.keptId(), merged.mergedId());
    }
}
