package org.carrel.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.carrel.bench.BenchMix.Query;
import org.carrel.catalog.importing.MarcFileReader;
import org.carrel.catalog.marc.Description;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The baseline: PostgreSQL full-text search as Evergreen does it, on the records of the same MARC file and the same
 * query mix. A scratch database ({@code carrel_bench_fts}, dropped first) gets one row per record with a
 * {@code tsvector} weighted A (title), B (authors, subjects, genres, series) and C (summary) in the 'english'
 * configuration (through {@code unaccent} when the server has it), a GIN index, and a table of the schools holding
 * copies with whether one is on the shelf. A search is {@code plainto_tsquery} (or {@code phraseto_tsquery} for a
 * quoted phrase) ordered by {@code ts_rank}, first 20 with the total count, filters as equality on columns.
 * Prints one JSON object.
 *
 * <p>Usage: {@code PgFtsBench FILE.mrc FILE.queries [--url jdbc:postgresql://127.0.0.1:5432] [--user postgres]
 * [--password ""] [--db carrel_bench_fts] [--seconds 20] [--warmup 2000] [--warmup-seconds 30] [--keep true]}
 */
public final class PgFtsBench {

    private static final int BATCH = 5000;

    public static void main(String[] args) throws Exception {
        Path marc = Path.of(args[0]);
        List<Query> queries = BenchMix.searches(Path.of(args[1]));
        String url = BenchMix.option(args, "url", "jdbc:postgresql://127.0.0.1:5432");
        String user = BenchMix.option(args, "user", "postgres");
        String password = BenchMix.option(args, "password", "");
        String db = BenchMix.option(args, "db", "carrel_bench_fts");
        double seconds = Double.parseDouble(BenchMix.option(args, "seconds", "20"));
        int warmup = Integer.parseInt(BenchMix.option(args, "warmup", "2000"));
        double warmupSeconds = Double.parseDouble(BenchMix.option(args, "warmup-seconds", "30"));
        boolean keep = Boolean.parseBoolean(BenchMix.option(args, "keep", "false"));

        try (Connection admin = DriverManager.getConnection(url + "/postgres", user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + db);
            statement.execute("create database " + db);
        }
        String dbUrl = url + "/" + db;
        StringBuilder json = new StringBuilder("{");
        List<Connection> connections = new ArrayList<>();
        List<Long> backends = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(dbUrl, user, password)) {
            boolean unaccent = unaccent(connection);
            long start = System.nanoTime();
            long[] counts = load(connection, marc);
            long loaded = System.nanoTime();
            index(connection, unaccent);
            long indexed = System.nanoTime();
            json.append("\"records\":").append(counts[0]).append(",\"holdings\":").append(counts[1])
                    .append(",\"unaccent\":").append(unaccent)
                    .append(",\"load_ms\":").append((loaded - start) / 1_000_000)
                    .append(",\"index_ms\":").append((indexed - loaded) / 1_000_000)
                    .append(",\"build_ms\":").append((indexed - start) / 1_000_000)
                    .append(',').append(sizes(connection));

            String function = unaccent ? "unaccent(?)" : "?";
            IntFunction<BenchMix.Probe> probes = thread -> {
                try {
                    Connection own = DriverManager.getConnection(dbUrl, user, password);
                    synchronized (connections) {
                        connections.add(own);
                        backends.add(backendPid(own));
                    }
                    return new Searcher(own, function)::search;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            BenchMix.Probe first = probes.apply(0);
            json.append(",\"check\":").append(BenchMix.check(queries, first));
            json.append(",\"warmup\":").append(BenchMix.warmUp(queries, first, warmup, warmupSeconds, null));
            // The server's work per query: CPU time of the backends serving this run's connections, when the
            // server runs on this machine (else no CPU figures).
            LongSupplier cpu = () -> {
                synchronized (connections) {
                    return backends.stream().mapToLong(BenchMix::processCpuNanos).sum();
                }
            };
            boolean local = Files.exists(Path.of("/proc", Long.toString(backendPid(connection))));
            json.append(",\"runs\":[").append(BenchMix.run(queries, 1, seconds, probes, local ? cpu : null))
                    .append(',').append(BenchMix.run(queries, 2, seconds, probes, local ? cpu : null)).append(']');
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
        if (!keep) {
            try (Connection admin = DriverManager.getConnection(url + "/postgres", user, password);
                 Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + db);
            }
        }
        System.out.println(json.append('}'));
    }

    private static long backendPid(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean unaccent(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists unaccent");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Reads the file with Carrel's reader and description (the same fields the index reads) and copies rows into
     * staging tables in batches, so memory stays flat. Answers {records, record-school rows}.
     */
    private static long[] load(Connection connection, Path marc) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create unlogged table rec_raw (id bigint, title text, subtitle text, authors text,
                        subjects text, series text, summary text, format text, grade_band text)""");
            statement.execute("""
                    create table rec_school (record_id bigint not null, school text not null,
                        available boolean not null, primary key (record_id, school))""");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder records = new StringBuilder();
        StringBuilder schools = new StringBuilder();
        long count = 0;
        long holdings = 0;
        int pending = 0;
        try (MarcFileReader reader = MarcFileReader.open(marc)) {
            while (reader.hasNext()) {
                if (!(reader.next() instanceof MarcFileReader.Read read)) {
                    continue;
                }
                long id = ++count;
                Description d = Description.of(read.record());
                row(records, id, d.title(), d.subtitle(), String.join(" ; ", d.authors()),
                        String.join(" ; ", concat(d.subjects(), d.genres())), String.join(" ; ", d.series()),
                        d.summary(), d.format().name(), gradeBand(d));
                for (Map.Entry<String, Boolean> school : schools(read.record()).entrySet()) {
                    row(schools, id, school.getKey(), school.getValue() ? "t" : "f");
                    holdings++;
                }
                if (++pending == BATCH) {
                    flush(copy, records, schools);
                    pending = 0;
                }
            }
        }
        flush(copy, records, schools);
        return new long[] {count, holdings};
    }

    private static void flush(CopyManager copy, StringBuilder records, StringBuilder schools) throws Exception {
        copy.copyIn("copy rec_raw from stdin", new StringReader(records.toString()));
        copy.copyIn("copy rec_school from stdin", new StringReader(schools.toString()));
        records.setLength(0);
        schools.setLength(0);
    }

    /** The weighted document and the GIN index; the table is written once, with its vector, so it has no bloat. */
    private static void index(Connection connection, boolean unaccent) throws SQLException {
        String u = unaccent ? "unaccent" : "";
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table rec as select id, title, format, grade_band,
                        setweight(to_tsvector('english', %1$s(coalesce(title, '') || ' ' || coalesce(subtitle, ''))), 'A')
                        || setweight(to_tsvector('english', %1$s(coalesce(authors, '') || ' ' || coalesce(subjects, '')
                            || ' ' || coalesce(series, ''))), 'B')
                        || setweight(to_tsvector('english', %1$s(coalesce(summary, ''))), 'C') as tsv
                    from rec_raw""".formatted(u));
            statement.execute("drop table rec_raw");
            statement.execute("alter table rec add primary key (id)");
            statement.execute("create index rec_tsv on rec using gin (tsv)");
            statement.execute("vacuum analyze rec");
            statement.execute("vacuum analyze rec_school");
        }
    }

    private static String sizes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet sizes = statement.executeQuery("""
                     select pg_total_relation_size('rec') + pg_total_relation_size('rec_school'),
                            pg_relation_size('rec_tsv')""")) {
            sizes.next();
            return "\"size_bytes\":" + sizes.getLong(1) + ",\"gin_bytes\":" + sizes.getLong(2);
        }
    }

    /** One thread's searches, a prepared statement per query shape. */
    private static final class Searcher {
        private final Connection connection;
        private final String text;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Searcher(Connection connection, String text) {
            this.connection = connection;
            this.text = text;
        }

        long search(Query query) throws SQLException {
            StringBuilder sql = new StringBuilder("select id, title, ts_rank(tsv, q) as rank, count(*) over () as total"
                    + " from rec, " + (query.isPhrase() ? "phraseto_tsquery" : "plainto_tsquery") + "('english', "
                    + text + ") q where tsv @@ q");
            List<String> values = new ArrayList<>(List.of(query.words()));
            if (!query.format().isEmpty()) {
                sql.append(" and format = ?");
                values.add(query.format());
            }
            if (!query.gradeBand().isEmpty()) {
                sql.append(" and grade_band = ?");
                values.add(query.gradeBand());
            }
            if (!query.school().isEmpty()) {
                sql.append(" and exists (select 1 from rec_school s where s.record_id = rec.id and s.school = ?)");
                values.add(query.school());
            }
            if (!query.available().isEmpty()) {
                sql.append(" and exists (select 1 from rec_school s where s.record_id = rec.id and s.school = ?"
                        + " and s.available)");
                values.add(query.available());
            }
            sql.append(" order by rank desc limit 20");
            PreparedStatement statement = statements.get(sql.toString());
            if (statement == null) {
                statement = connection.prepareStatement(sql.toString());
                statements.put(sql.toString(), statement);
            }
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            long total = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    total = rows.getLong("total");
                }
            }
            return total;
        }
    }

    /**
     * The school holding copies and whether one is on the shelf, from Koha 952 as Carrel's import reads it
     * (docs/marc-holdings.md): $a school; not on the shelf when due back ($q), withdrawn, lost or damaged ($0 $1 $4
     * non-zero) or on order ($7 negative).
     */
    private static Map<String, Boolean> schools(Record record) {
        Map<String, Boolean> schools = new TreeMap<>();
        for (VariableField field : record.getVariableFields("952")) {
            DataField item = (DataField) field;
            String school = value(item, 'a');
            if (school == null || value(item, 'p') == null) {
                continue;
            }
            boolean onShelf = value(item, 'q') == null && zero(item, '0') && zero(item, '1') && zero(item, '4')
                    && !value(item, '7', "0").startsWith("-");
            schools.merge(school.toUpperCase(Locale.ROOT), onShelf, Boolean::logicalOr);
        }
        return schools;
    }

    private static boolean zero(DataField field, char code) {
        return value(field, code, "0").strip().equals("0");
    }

    private static String value(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }

    private static String value(DataField field, char code, String fallback) {
        String value = value(field, code);
        return value == null ? fallback : value;
    }

    /**
     * One grade band per record, as a school library would file it: the interest grades of 521 when given, else the
     * target audience of 008/22.
     */
    private static String gradeBand(Description d) {
        String note = d.audienceNote() == null ? "" : d.audienceNote();
        if (note.contains("Preschool")) {
            return "PRE_K";
        } else if (note.contains("K-2")) {
            return "K_2";
        } else if (note.contains("3-5")) {
            return "GRADES_3_5";
        } else if (note.contains("6-8")) {
            return "GRADES_6_8";
        } else if (note.contains("9-12") || note.contains("9 and up")) {
            return "GRADES_9_12";
        }
        if (d.audience() == null) {
            return null;
        }
        return switch (d.audience()) {
            case PRESCHOOL -> "PRE_K";
            case PRIMARY -> "K_2";
            case PRE_ADOLESCENT, JUVENILE -> "GRADES_3_5";
            case ADOLESCENT -> "GRADES_9_12";
            case ADULT, GENERAL -> "ADULT";
            default -> null;
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A row of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : "\t");
            if (values[i] == null) {
                out.append("\\N");
                continue;
            }
            for (char c : values[i].toString().toCharArray()) {
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        out.append('\n');
    }
}
