package org.carrel.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of MARC import jobs and their report lines. */
@Repository
class ImportStore {

    private static final String JOB = """
            select id, file_names, actor, options, dry_run, state, total_bytes, done_bytes, read_count, added,
                   overlaid, merged, skipped, rejected, items, started_at, finished_at
            from marc_import""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final boolean postgres;

    ImportStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DataSource data) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.postgres = isPostgres(data);
    }

    /**
     * Refreshes the planner statistics of the tables an import grows. PostgreSQL plans the import's look-ups (barcodes,
     * identifiers) from statistics that a table growing by thousands of rows a second outruns, more so when
     * autovacuum is off: the look-ups then turn into sequential scans and an import slows down as it goes (measured:
     * from about 5,000 to under 150 records a second within 100,000 records). H2 needs nothing.
     */
    void refreshStatistics() {
        if (postgres) {
            jdbc.sql("analyze item, bib_record, record_identifier").update();
        }
    }

    private static boolean isPostgres(DataSource data) {
        try (Connection connection = data.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }

    long start(String fileNames, String actor, ImportOptions options, long totalBytes, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into marc_import (file_names, actor, options, dry_run, state, total_bytes, started_at,
                                                 updated_at)
                        values (:files, :actor, :options, :dryRun, 'RUNNING', :total, :now, :now)""")
                .param("files", RecordValues.clip(fileNames, 2000)).param("actor", actor)
                .param("options", RecordValues.clip(options.describe(), 500)).param("dryRun", options.dryRun())
                .param("total", totalBytes).param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void progress(long id, long doneBytes, ImportCounts counts, OffsetDateTime now) {
        jdbc.sql("""
                        update marc_import set updated_at = :now, done_bytes = :done, read_count = :read, added = :added,
                               overlaid = :overlaid, merged = :merged, skipped = :skipped, rejected = :rejected,
                               items = :items
                        where id = :id""")
                .param("done", doneBytes).param("read", counts.read()).param("added", counts.added())
                .param("overlaid", counts.overlaid()).param("merged", counts.merged())
                .param("skipped", counts.skipped()).param("rejected", counts.rejected())
                .param("items", counts.items()).param("now", now).param("id", id).update();
    }

    void finish(long id, String state, OffsetDateTime now) {
        jdbc.sql("update marc_import set state = :state, finished_at = :now where id = :id")
                .param("state", state).param("now", now).param("id", id).update();
    }

    void addLines(long id, List<ImportLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into marc_import_line (import_id, line_number, file_name, record_number, byte_offset, outcome,
                                              record_id, message)
                values (:id, :line, :file, :record, :offset, :outcome, :recordId, :message)""",
                lines.stream().map(line -> new MapSqlParameterSource().addValue("id", id)
                        .addValue("line", line.lineNumber()).addValue("file", RecordValues.clip(line.fileName(), 500))
                        .addValue("record", line.recordNumber()).addValue("offset", line.byteOffset())
                        .addValue("outcome", line.outcome()).addValue("recordId", line.recordId())
                        .addValue("message", RecordValues.clip(line.message(), 2000)))
                        .toArray(SqlParameterSource[]::new));
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql(JOB + " where id = :id").param("id", id).query(ImportStore::job).optional();
    }

    List<ImportJob> newest(int limit) {
        return jdbc.sql(JOB + " order by started_at desc, id desc fetch first :limit rows only").param("limit", limit)
                .query(ImportStore::job).list();
    }

    List<ImportLine> lines(long id, int offset, int limit) {
        return jdbc.sql("""
                        select line_number, file_name, record_number, byte_offset, outcome, record_id, message
                        from marc_import_line where import_id = :id order by line_number
                        offset :offset rows fetch next :limit rows only""")
                .param("id", id).param("offset", offset).param("limit", limit)
                .query((row, n) -> new ImportLine(row.getInt(1), row.getString(2), row.getInt(3), row.getLong(4),
                        row.getString(5), row.getObject(6, Long.class), row.getString(7)))
                .list();
    }

    /**
     * Marks as failed the imports still RUNNING that have not moved since {@code cutoff}: their server stopped
     * during the import (whatever node ran it), so their pages stop waiting for them.
     */
    void failStalled(OffsetDateTime cutoff, OffsetDateTime now) {
        jdbc.sql("""
                        update marc_import set state = 'FAILED', finished_at = :now
                        where state = 'RUNNING' and updated_at < :cutoff""")
                .param("now", now).param("cutoff", cutoff).update();
    }

    private static ImportJob job(ResultSet row, int n) throws SQLException {
        return new ImportJob(row.getLong("id"), row.getString("file_names"), row.getString("actor"),
                row.getString("options"), row.getBoolean("dry_run"), row.getString("state"),
                row.getLong("total_bytes"), row.getLong("done_bytes"),
                new ImportCounts(row.getInt("read_count"), row.getInt("added"), row.getInt("overlaid"),
                        row.getInt("merged"), row.getInt("skipped"), row.getInt("rejected"), row.getInt("items")),
                row.getObject("started_at", OffsetDateTime.class), row.getObject("finished_at", OffsetDateTime.class));
    }
}
