package org.carrel.patrons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.springframework.stereotype.Component;

/**
 * The patrons module's part of a patron's export: every column of the patron's row, its homeroom and teachers' classes,
 * blocks, guardians or students, and the audit entries about the patron (who viewed or changed the record, and when).
 */
@Component
class PatronOwnData implements PatronDataSource {

    /** Audit entries read at most, newest first; the log keeps more, readable on the audit page. */
    static final int AUDIT_ENTRIES = 1000;

    private final PatronStore store;
    private final PatronRecordsStore records;
    private final AuditLog audit;

    PatronOwnData(PatronStore store, PatronRecordsStore records, AuditLog audit) {
        this.store = store;
        this.records = records;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "patrons";
    }

    @Override
    public Object about(long patronId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patron", records.columns(patronId));
        data.put("homeroom", store.byId(patronId).filter(row -> row.homeroomId() != null)
                .map(row -> Map.of("id", row.homeroomId(), "name", row.homeroomName())).orElse(null));
        data.put("classes", records.classes(patronId));
        data.put("blocks", records.blockColumns(patronId));
        data.put("guardians", store.guardiansOf(patronId));
        data.put("students", store.studentsOf(patronId));
        data.put("auditEntries", auditEntries(patronId));
        return data;
    }

    private List<AuditEntry> auditEntries(long patronId) {
        String id = String.valueOf(patronId);
        return audit.newest(id, AUDIT_ENTRIES).stream()
                .filter(entry -> "patron".equals(entry.recordType()) && id.equals(entry.recordId())).toList();
    }
}
