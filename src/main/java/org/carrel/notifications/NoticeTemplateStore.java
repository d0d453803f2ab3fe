package org.carrel.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The district's wording of notices ({@code notice_template}); the shipped wording is not stored. */
@Repository
class NoticeTemplateStore {

    private final JdbcClient jdbc;

    NoticeTemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NoticeTemplates.Template> find(NoticeKind kind, String language) {
        return jdbc.sql("select subject, body from notice_template where kind = :kind and language = :lang")
                .param("kind", kind.name()).param("lang", language)
                .query((row, n) -> new NoticeTemplates.Template(kind, language, row.getString("subject"),
                        row.getString("body"), true)).optional();
    }

    /** Every wording the district changed. */
    List<NoticeTemplates.Template> all() {
        return jdbc.sql("select kind, language, subject, body from notice_template")
                .query((row, n) -> new NoticeTemplates.Template(NoticeKind.valueOf(row.getString("kind")),
                        row.getString("language"), row.getString("subject"), row.getString("body"), true)).list();
    }

    void replace(NoticeKind kind, String language, String subject, String body, String by, Instant at) {
        delete(kind, language);
        jdbc.sql("""
                        insert into notice_template (kind, language, subject, body, updated_by, updated_at)
                        values (:kind, :lang, :subject, :body, :by, :at)""")
                .param("kind", kind.name()).param("lang", language).param("subject", subject).param("body", body)
                .param("by", by).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    boolean delete(NoticeKind kind, String language) {
        return jdbc.sql("delete from notice_template where kind = :kind and language = :lang")
                .param("kind", kind.name()).param("lang", language).update() > 0;
    }
}
