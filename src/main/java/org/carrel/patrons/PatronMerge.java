package org.carrel.patrons;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Merging a duplicate patron into the one kept ({@link Patrons#merge}): the kept patron keeps its own values and
 * gains what it lacks from the duplicate; blocks, guardian links, class memberships and homerooms or classes taught
 * move; the duplicate is deleted. Runs in the caller's transaction.
 */
@Component
class PatronMerge {

    private final PatronStore store;
    private final PatronRecordsStore records;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatronMerge(PatronStore store, PatronRecordsStore records, AuditLog audit, ApplicationEventPublisher events,
                Clock clock) {
        this.store = store;
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    PatronsResult merge(long keptId, long duplicateId, String actor) {
        Optional<PatronStore.Row> kept = store.byId(keptId);
        Optional<PatronStore.Row> duplicate = store.byId(duplicateId);
        if (kept.isEmpty() || duplicate.isEmpty()) {
            return PatronsResult.invalid("duplicate", "patrons.merge.unknown");
        }
        Optional<String> refusal = refusal(kept.get(), duplicate.get());
        if (refusal.isPresent()) {
            return PatronsResult.invalid("duplicate", refusal.get());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!records.clearUniqueValues(duplicateId, duplicate.get().version())
                || !records.updateKept(keptId, kept.get().version(), merged(kept.get(), duplicate.get()), now)) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return PatronsResult.stale();
        }
        records.moveBlocks(duplicateId, keptId);
        records.moveGuardianLinks(duplicateId, keptId);
        records.moveClassMemberships(duplicateId, keptId);
        records.moveHomeroomTeacher(duplicateId, keptId);
        events.publishEvent(new PatronsMerged(keptId, duplicateId));
        records.delete(duplicateId);
        audit.record(actor, "patrons.patron.merged", "patron", keptId, "kept " + kept.get().barcode() + ", merged "
                + duplicate.get().barcode() + " (patron " + duplicateId + ", deleted)");
        return new PatronsResult.Saved(keptId);
    }

    /** The message key saying why these two patrons cannot be merged; empty when they can. */
    static Optional<String> refusal(PatronStore.Row kept, PatronStore.Row duplicate) {
        if (kept.id() == duplicate.id()) {
            return Optional.of("patrons.merge.self");
        }
        if (kept.type() != duplicate.type()) {
            return Optional.of("patrons.merge.differentTypes");
        }
        if (kept.erased() || duplicate.erased()) {
            return Optional.of("patrons.merge.erased");
        }
        if (notes(kept, duplicate) != null && notes(kept, duplicate).length() > 2000) {
            return Optional.of("patrons.merge.notesTooLong");
        }
        return Optional.empty();
    }

    /** The kept patron's values after the merge: its own, else the duplicate's; notes of both. */
    static PatronRecordsStore.Merged merged(PatronStore.Row kept, PatronStore.Row duplicate) {
        String preferred = either(kept.preferredName(), duplicate.preferredName());
        return new PatronRecordsStore.Merged(either(kept.studentNumber(), duplicate.studentNumber()),
                either(kept.email(), duplicate.email()), preferred,
                Names.key(kept.givenName(), preferred, kept.familyName()), notes(kept, duplicate),
                either(kept.homeroomId(), duplicate.homeroomId()),
                either(kept.graduationYear(), duplicate.graduationYear()),
                either(kept.sourceId(), duplicate.sourceId()), either(kept.accountId(), duplicate.accountId()));
    }

    /** Both patrons' notes, the kept one's first, on separate lines; one copy when they are the same. */
    static String notes(PatronStore.Row kept, PatronStore.Row duplicate) {
        if (kept.notes() == null || duplicate.notes() == null || kept.notes().equals(duplicate.notes())) {
            return either(kept.notes(), duplicate.notes());
        }
        return kept.notes() + "\n" + duplicate.notes();
    }

    private static <T> T either(T own, T other) {
        return own != null ? own : other;
    }
}
