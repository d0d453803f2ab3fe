package org.carrel.patrons;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A patron's records on request (state student-data laws, FERPA): {@link #export} everything Carrel holds about
 * one patron, and {@link #erase} a patron's personal data while keeping anonymous statistics. Both are for a
 * district admin (permission PATRON_RECORDS) and both are audited.
 *
 * <p>Erasing does not touch the audit log: it is append-only, and the entries about the patron keep the barcode
 * they were written with, because who viewed or changed a student's record must stay on record (FERPA's record of
 * disclosures); the log itself is readable by district admins only. Other modules take part through
 * {@link PatronDataSource} (export) and {@link PatronErased} (erase).
 */
@Service
public class PatronRecords {

    private final PatronStore store;
    private final PatronRecordsStore records;
    private final List<PatronDataSource> sources;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatronRecords(PatronStore store, PatronRecordsStore records, List<PatronDataSource> sources, AuditLog audit,
                  ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.records = records;
        this.sources = sources.stream()
                .sorted(Comparator.comparing((PatronDataSource s) -> !s.name().equals("patrons"))
                        .thenComparing(PatronDataSource::name))
                .toList();
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Everything every module holds about the patron (one part per {@link PatronDataSource}); empty when there is
     * no such patron. The export itself is audited, after the audit entries were read.
     */
    @Transactional
    public Optional<PatronExport> export(long id, String actor) {
        Optional<PatronStore.Row> row = store.byId(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        sources.forEach(source -> parts.put(source.name(), source.about(id)));
        List<String> notes = new ArrayList<>();
        audit.record(actor, "patrons.patron.exported", "patron", id, row.get().barcode());
        return Optional.of(new PatronExport(id, now().withOffsetSameInstant(ZoneOffset.UTC).toString(), actor,
                notes, parts));
    }

    /**
     * Erases the patron's personal data: names become "Erased patron"; the name key, e-mail, student number, notes,
     * roster id, sign-in account link, homeroom, language and reading-history choice are cleared; the barcode becomes
     * {@code ERASED-id}; guardian links, class memberships and blocks are deleted; the status becomes INACTIVE. Type,
     * school, grade and graduation year stay for anonymous statistics. Publishes {@link PatronErased} in the same
     * transaction. Refused for a patron already erased.
     *
     * @throws IllegalArgumentException when there is no such patron
     */
    @Transactional
    public PatronsResult erase(long id, String actor) {
        PatronStore.Row row = store.byId(id).orElseThrow(() -> new IllegalArgumentException("no patron " + id));
        if (row.erased()) {
            return PatronsResult.invalid("", "patrons.erase.already");
        }
        String barcode = PatronRules.ERASED_PREFIX + id;
        if (store.barcodeTaken(barcode, id)) {
            return PatronsResult.invalid("", "patrons.erase.barcodeTaken");
        }
        records.deleteGuardianLinks(id);
        records.deleteClassMemberships(id);
        records.deleteBlocks(id);
        records.deletePin(id);
        records.clearHomeroomTeacher(id);
        if (!records.erase(id, barcode, now())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return PatronsResult.invalid("", "patrons.erase.already");
        }
        events.publishEvent(new PatronErased(id));
        audit.record(actor, "patrons.patron.erased", "patron", id,
                row.type() + " erased; type, school, grade and graduation year kept");
        return new PatronsResult.Saved(id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
