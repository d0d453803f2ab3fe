package org.carrel.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log that every module writes to: who did what to which record, and when. There is no way
 * to change or remove an entry through Carrel. Write inside the transaction of the change itself, so an entry
 * exists exactly when the change does.
 */
@Service
public class AuditLog {

    private final AuditStore store;
    private final Clock clock;

    AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records an act by a signed-in person or token; the client address comes from the current request, if any. */
    @Transactional
    public void record(SignedInUser actor, String action, String recordType, Object recordId, String detail) {
        record(actor == null ? "anonymous" : actor.username(), action, recordType, recordId, detail);
    }

    /** Records an act by a named actor, e.g. {@code system} or {@code command-line}. */
    @Transactional
    public void record(String actor, String action, String recordType, Object recordId, String detail) {
        store.append(OffsetDateTime.now(clock), actor, action, recordType,
                recordId == null ? null : String.valueOf(recordId), truncate(detail), clientAddress());
    }

    /** The newest entries, optionally only those whose actor or record id equals {@code filter}. */
    @Transactional(readOnly = true)
    public List<AuditEntry> newest(String filter, int limit) {
        return store.newest(filter, Math.max(1, Math.min(limit, 1000)));
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
