package org.carrel.accounts;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's SQL: inserts and reads only. */
@Repository
class AuditStore {

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(OffsetDateTime at, String actor, String action, String recordType, String recordId, String detail,
                String clientAddress) {
        jdbc.sql("""
                        insert into audit_entry (occurred_at, actor, action, record_type, record_id, detail, client_address)
                        values (:at, :actor, :action, :recordType, :recordId, :detail, :client)""")
                .param("at", at).param("actor", actor).param("action", action).param("recordType", recordType)
                .param("recordId", recordId).param("detail", detail).param("client", clientAddress)
                .update();
    }

    /** Newest first; {@code actorOrRecord} filters on the actor or the record id when given. */
    List<AuditEntry> newest(String actorOrRecord, int limit) {
        String filter = actorOrRecord == null || actorOrRecord.isBlank() ? null : actorOrRecord.strip().toLowerCase();
        return jdbc.sql("""
                        select id, occurred_at, actor, action, record_type, record_id, detail, client_address
                        from audit_entry
                        where cast(:filter as varchar(200)) is null or lower(actor) = :filter or lower(record_id) = :filter
                           or lower(action) like :prefix
                        order by id desc
                        limit :limit""")
                .param("filter", filter).param("prefix", filter == null ? null : filter + "%").param("limit", limit)
                .query((row, n) -> new AuditEntry(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class),
                        row.getString("actor"), row.getString("action"), row.getString("record_type"),
                        row.getString("record_id"), row.getString("detail"), row.getString("client_address")))
                .list();
    }
}
