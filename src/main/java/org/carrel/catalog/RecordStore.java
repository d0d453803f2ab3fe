package org.carrel.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of bibliographic records and their match identifiers. Soft-deleted records are invisible to every query. */
@Repository
class RecordStore {

    /** A record row as stored, with the call number read from its MARC (copies without their own shelve by it). */
    record StoredRecord(long id, String marc, String callNumber, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                        long version) {
    }

    private static final String INSERT = """
            insert into bib_record (marc, title, subtitle, main_author, publisher, pub_year, language, format, audience,
                                    call_number, call_number_sort, title_sort, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    RecordStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(RecordValues values, OffsetDateTime now) {
        return insertAll(List.of(values), now).get(0);
    }

    /** Inserts many records in one JDBC batch; the ids come back in the order of {@code values}. */
    List<Long> insertAll(List<RecordValues> values, OffsetDateTime now) {
        List<Long> ids = BatchInsert.returningIds(batch.getJdbcTemplate(), INSERT, values, (row, v) -> row
                .text(v.marc()).text(v.title()).text(v.subtitle()).text(v.mainAuthor()).text(v.publisher())
                .number(v.description().year()).text(v.description().language()).text(v.format()).text(v.audience())
                .text(v.callNumber()).text(v.callNumberSort()).text(v.titleSort()).time(now).time(now));
        insertIdentifiers(ids, values);
        return ids;
    }

    /** Replaces a record's MARC if nobody changed it since {@code version}; a null version overwrites. */
    boolean update(long id, Long version, RecordValues values, OffsetDateTime now) {
        MapSqlParameterSource columns = columns(values, now).addValue("id", id)
                .addValue("version", version == null ? -1L : version);
        boolean updated = batch.update("""
                update bib_record set marc = :marc, title = :title, subtitle = :subtitle, main_author = :mainAuthor,
                       publisher = :publisher, pub_year = :year, language = :language, format = :format,
                       audience = :audience, call_number = :callNumber, call_number_sort = :callNumberSort,
                       title_sort = :titleSort, updated_at = :now, version = version + 1
                where id = :id and deleted_at is null and (:version = -1 or version = :version)""", columns) == 1;
        if (updated) {
            jdbc.sql("delete from record_identifier where record_id = :id").param("id", id).update();
            insertIdentifiers(List.of(id), List.of(values));
        }
        return updated;
    }

    Optional<StoredRecord> find(long id) {
        return jdbc.sql("""
                        select id, marc, call_number, created_at, updated_at, version from bib_record
                        where id = :id and deleted_at is null""")
                .param("id", id).query(RecordStore::stored).optional();
    }

    /** Ids of live records carrying any of these identifiers, per identifier (lowest id first). */
    Map<RecordValues.Identifier, List<Long>> matching(Collection<RecordValues.Identifier> identifiers) {
        Map<RecordValues.Identifier, List<Long>> found = new java.util.HashMap<>();
        identifiers.stream().collect(java.util.stream.Collectors.groupingBy(RecordValues.Identifier::kind))
                .forEach((kind, ofKind) -> {
                    List<String> values = ofKind.stream().map(RecordValues.Identifier::value).distinct().toList();
                    for (int from = 0; from < values.size(); from += 500) {
                        jdbc.sql("""
                                        select id_value, record_id from record_identifier
                                        where id_value in (:values) and kind = :kind
                                        order by record_id""")
                                .param("kind", kind)
                                .param("values", values.subList(from, Math.min(values.size(), from + 500)))
                                .query((row, n) -> {
                                    found.computeIfAbsent(new RecordValues.Identifier(kind, row.getString(1)),
                                            k -> new ArrayList<>()).add(row.getLong(2));
                                    return null;
                                }).list();
                    }
                });
        return found;
    }

    /** Hides a record; its identifiers go, so no import matches a record that left the catalogue. */
    void softDelete(long id, OffsetDateTime now) {
        jdbc.sql("update bib_record set deleted_at = :now, version = version + 1 where id = :id")
                .param("now", now).param("id", id).update();
        jdbc.sql("delete from record_identifier where record_id = :id").param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from bib_record where id = :id").param("id", id).update();
    }

    /** Live records whose title contains {@code text} (all when blank), by title. */
    List<RecordSummary> byTitle(String text, int offset, int limit) {
        return jdbc.sql("""
                        select id, title, main_author, pub_year, format, call_number from bib_record
                        where deleted_at is null and (:text = '' or lower(title) like :pattern)
                        order by title_sort, id offset :offset rows fetch next :limit rows only""")
                .param("text", text).param("pattern", "%" + text.toLowerCase(java.util.Locale.ROOT) + "%")
                .param("offset", offset).param("limit", limit)
                .query(RecordStore::summary).list();
    }

    int countByTitle(String text) {
        return jdbc.sql("""
                        select count(*) from bib_record
                        where deleted_at is null and (:text = '' or lower(title) like :pattern)""")
                .param("text", text).param("pattern", "%" + text.toLowerCase(java.util.Locale.ROOT) + "%")
                .query(Integer.class).single();
    }

    /** The newest live records first. */
    List<RecordSummary> newest(int limit) {
        return jdbc.sql("""
                        select id, title, main_author, pub_year, format, call_number from bib_record
                        where deleted_at is null order by created_at desc, id desc fetch first :limit rows only""")
                .param("limit", limit).query(RecordStore::summary).list();
    }

    int count() {
        return jdbc.sql("select count(*) from bib_record where deleted_at is null").query(Integer.class).single();
    }

    /** Live records with an id above {@code afterId}, in id order, at most {@code limit}. */
    List<StoredRecord> after(long afterId, int limit) {
        return jdbc.sql("""
                        select id, marc, call_number, created_at, updated_at, version from bib_record
                        where deleted_at is null and id > :after order by id fetch first :limit rows only""")
                .param("after", afterId).param("limit", limit).query(RecordStore::stored).list();
    }

    /** The live records among {@code ids}. */
    List<StoredRecord> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("""
                        select id, marc, call_number, created_at, updated_at, version from bib_record
                        where deleted_at is null and id in (:ids) order by id""")
                .param("ids", ids).query(RecordStore::stored).list();
    }

    /** Streams every live record by id, or only those with a copy at {@code schoolId}, without holding them all. */
    void forEach(Long schoolId, Consumer<StoredRecord> action) {
        try (Stream<StoredRecord> rows = jdbc.sql("""
                        select id, marc, call_number, created_at, updated_at, version from bib_record r
                        where deleted_at is null
                          and (:school = -1 or exists (select 1 from item i where i.record_id = r.id
                                                      and i.school_id = :school))
                        order by id""")
                .param("school", schoolId == null ? -1L : schoolId)
                .withFetchSize(200).query(RecordStore::stored).stream()) {
            rows.forEach(action);
        }
    }

    private void insertIdentifiers(List<Long> ids, List<RecordValues> values) {
        record Row(long recordId, RecordValues.Identifier identifier) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (RecordValues.Identifier identifier : values.get(i).identifiers()) {
                rows.add(new Row(ids.get(i), identifier));
            }
        }
        BatchInsert.run(batch.getJdbcTemplate(), "insert into record_identifier (record_id, kind, id_value) values (?, ?, ?)",
                rows, (parameters, row) -> parameters.id(row.recordId()).text(row.identifier().kind())
                        .text(row.identifier().value()));
    }

    private static MapSqlParameterSource columns(RecordValues values, OffsetDateTime now) {
        return new MapSqlParameterSource()
                .addValue("marc", values.marc())
                .addValue("title", values.title())
                .addValue("subtitle", values.subtitle())
                .addValue("mainAuthor", values.mainAuthor())
                .addValue("publisher", values.publisher())
                .addValue("year", values.description().year())
                .addValue("language", values.description().language())
                .addValue("format", values.format())
                .addValue("audience", values.audience())
                .addValue("callNumber", values.callNumber())
                .addValue("callNumberSort", values.callNumberSort())
                .addValue("titleSort", values.titleSort())
                .addValue("now", now);
    }

    private static StoredRecord stored(ResultSet row, int n) throws SQLException {
        return new StoredRecord(row.getLong("id"), row.getString("marc"), row.getString("call_number"),
                row.getObject("created_at", OffsetDateTime.class), row.getObject("updated_at", OffsetDateTime.class),
                row.getLong("version"));
    }

    private static RecordSummary summary(ResultSet row, int n) throws SQLException {
        return new RecordSummary(row.getLong("id"), row.getString("title"), row.getString("main_author"),
                (Integer) row.getObject("pub_year"), row.getString("format"), row.getString("call_number"));
    }
}
