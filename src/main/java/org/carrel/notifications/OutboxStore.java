package org.carrel.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OutboxStore {

    /** What the sender needs of a claimed message. */
    record Outgoing(long id, String recipientName, String recipientEmail, String subject, String body, int attempts) {
    }

    private static final String SELECT = """
            select id, kind, patron_id, school_id, recipient_id, recipient_name, recipient_email, language, subject,
                   body, item_count, status, attempts, next_attempt_at, last_error, created_at, created_by, sent_at
            from notice_message""";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewMessage m, Instant now, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notice_message (kind, patron_id, school_id, recipient_id, recipient_name,
                            recipient_email, language, subject, body, item_count, status, next_attempt_at, created_at,
                            created_by)
                        values (:kind, :patron, :school, :recipient, :name, :email, :language, :subject, :body, :items,
                            'QUEUED', :now, :now, :by)""")
                .param("kind", m.kind().name()).param("patron", m.patronId()).param("school", m.schoolId())
                .param("recipient", m.recipientId()).param("name", m.recipientName())
                .param("email", m.recipientEmail()).param("language", m.language()).param("subject", m.subject())
                .param("body", m.body()).param("items", m.itemCount()).param("now", at(now)).param("by", by)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Messages with an address whose time has come, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from notice_message
                        where status = 'QUEUED' and recipient_email is not null and next_attempt_at <= :now
                        order by next_attempt_at, id limit :limit""")
                .param("now", at(now)).param("limit", limit).query(Long.class).list();
    }

    /** Takes a queued message for sending (committed before SMTP sees it); empty if another sender took it. */
    Optional<Outgoing> claim(long id, String node, Instant now) {
        int taken = jdbc.sql("""
                        update notice_message set status = 'SENDING', sending_by = :node, sending_at = :now,
                            attempts = attempts + 1, version = version + 1
                        where id = :id and status = 'QUEUED'""")
                .param("node", node).param("now", at(now)).param("id", id).update();
        if (taken == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id, recipient_name, recipient_email, subject, body, attempts from notice_message
                        where id = :id""").param("id", id)
                .query((row, n) -> new Outgoing(row.getLong("id"), row.getString("recipient_name"),
                        row.getString("recipient_email"), row.getString("subject"), row.getString("body"),
                        row.getInt("attempts"))).optional();
    }

    void sent(long id, Instant now) {
        jdbc.sql("""
                        update notice_message set status = 'SENT', sent_at = :now, last_error = null,
                            version = version + 1
                        where id = :id and status = 'SENDING'""").param("now", at(now)).param("id", id).update();
    }

    /** Back in the queue after a temporary failure, to be tried again at {@code next}. */
    void retry(long id, Instant next, String error) {
        jdbc.sql("""
                        update notice_message set status = 'QUEUED', next_attempt_at = :next, last_error = :error,
                            version = version + 1
                        where id = :id and status = 'SENDING'""")
                .param("next", at(next)).param("error", cut(error)).param("id", id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("""
                        update notice_message set status = 'FAILED', last_error = :error, version = version + 1
                        where id = :id and status = 'SENDING'""").param("error", cut(error)).param("id", id).update();
    }

    /**
     * Messages left in SENDING since before {@code before}: their sender stopped while handing them to SMTP, so they
     * may have gone. They become UNCERTAIN and are never sent again unless staff say so.
     */
    int markUncertain(Instant before) {
        return jdbc.sql("""
                        update notice_message set status = 'UNCERTAIN', version = version + 1,
                            last_error = 'The sender stopped while handing it to the mail server: it may have gone.'
                        where status = 'SENDING' and sending_at < :before""").param("before", at(before)).update();
    }

    /** A failed or uncertain message back in the queue, at staff's request; false if it is not one of those. */
    boolean requeue(long id, Instant now) {
        return jdbc.sql("""
                        update notice_message set status = 'QUEUED', next_attempt_at = :now, attempts = 0,
                            version = version + 1
                        where id = :id and status in ('FAILED', 'UNCERTAIN')""")
                .param("now", at(now)).param("id", id).update() == 1;
    }

    /** Messages staff printed instead of sending (those not sent yet). */
    int printed(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update notice_message set status = 'PRINTED', sent_at = :now, version = version + 1
                        where id in (:ids) and status in ('QUEUED', 'FAILED', 'UNCERTAIN')""")
                .param("now", at(now)).param("ids", ids).update();
    }

    /** Clears the text of messages sent or printed before {@code before}: titles are reading history. */
    int clearBodies(Instant before) {
        return jdbc.sql("""
                        update notice_message set body = null
                        where status in ('SENT', 'PRINTED') and sent_at < :before and body is not null""")
                .param("before", at(before)).update();
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((row, n) -> entry(row)).optional();
    }

    /** Messages in these states, newest first, for schools in {@code schoolIds} (null: all). */
    List<OutboxEntry> withStatus(Collection<OutboxStatus> statuses, Collection<Long> schoolIds, int limit) {
        return jdbc.sql(SELECT + " where status in (:statuses)"
                        + (schoolIds == null ? "" : " and school_id in (:schools)")
                        + " order by created_at desc, id desc limit :limit")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("schools", schoolIds == null ? List.of(-1L) : schoolIds.isEmpty() ? List.of(-1L) : schoolIds)
                .param("limit", limit).query((row, n) -> entry(row)).list();
    }

    /** Every message about or to a patron, newest first. */
    List<OutboxEntry> forPatron(long patronId, int limit) {
        return jdbc.sql(SELECT + " where patron_id = :id or recipient_id = :id order by created_at desc, id desc"
                + " limit :limit").param("id", patronId).param("limit", limit).query((row, n) -> entry(row)).list();
    }

    int countWithStatus(OutboxStatus status) {
        return jdbc.sql("select count(*) from notice_message where status = :s").param("s", status.name())
                .query(Integer.class).single();
    }

    /** The patron's personal data was erased: so are the messages about and to them. */
    int deleteFor(long patronId) {
        return jdbc.sql("delete from notice_message where patron_id = :id or recipient_id = :id")
                .param("id", patronId).update();
    }

    void merge(long keptId, long mergedId) {
        jdbc.sql("update notice_message set patron_id = :kept where patron_id = :merged")
                .param("kept", keptId).param("merged", mergedId).update();
        jdbc.sql("update notice_message set recipient_id = :kept where recipient_id = :merged")
                .param("kept", keptId).param("merged", mergedId).update();
    }

    private static OutboxEntry entry(ResultSet row) throws SQLException {
        return new OutboxEntry(row.getLong("id"), NoticeKind.valueOf(row.getString("kind")),
                row.getObject("patron_id", Long.class), row.getObject("school_id", Long.class),
                row.getObject("recipient_id", Long.class), row.getString("recipient_name"),
                row.getString("recipient_email"), row.getString("language"), row.getString("subject"),
                row.getString("body"), row.getInt("item_count"), OutboxStatus.valueOf(row.getString("status")),
                row.getInt("attempts"), instant(row, "next_attempt_at"), row.getString("last_error"),
                instant(row, "created_at"), row.getString("created_by"), instant(row, "sent_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
