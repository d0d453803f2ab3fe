package org.carrel.circulation;

import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads every row of every table of the database's current schema and finds those that link one of some patrons to
 * one of some copies: a row names a patron when a patron column ({@code patron_id}, {@code student_id}, ...; the
 * {@code patron} table's {@code id}; an audit entry about a {@code patron}) holds one of their ids, or any text in it
 * holds one of their barcodes, student numbers or names; it names a copy when a copy column ({@code item_id},
 * {@code trapped_item_id}; the {@code item} table's {@code id}; an audit entry about an {@code item}) holds one of
 * the copies' ids, a record column ({@code record_id}; the {@code bib_record} table's {@code id}; an audit entry
 * about a {@code record}) one of their titles' ids, or any text one of their barcodes or titles. Tokens in text match
 * whole (not inside a longer barcode or word).
 */
final class PrivacyScan {

    /** Who and what to look for. */
    record Traces(Set<Long> patronIds, Set<String> patronWords, Set<Long> itemIds, Set<Long> recordIds,
                  Set<String> itemWords) {
    }

    /** A row naming one of the patrons and one of the copies. */
    record Link(String table, Map<String, Object> row) {
    }

    private static final Set<String> PATRON_COLUMNS = Set.of("patron_id", "student_id", "guardian_id", "teacher_id");
    private static final Set<String> ITEM_COLUMNS = Set.of("item_id", "trapped_item_id");

    private final Traces traces;
    private final Pattern patronWords;
    private final Pattern itemWords;

    private PrivacyScan(Traces traces) {
        this.traces = traces;
        this.patronWords = words(traces.patronWords());
        this.itemWords = words(traces.itemWords());
    }

    /** The base tables of the current schema, by name. */
    static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** Every linking row of every table. */
    static List<Link> links(JdbcClient jdbc, Traces traces) {
        PrivacyScan scan = new PrivacyScan(traces);
        List<Link> links = new ArrayList<>();
        for (String table : tables(jdbc)) {
            jdbc.sql("select * from " + table).query((RowCallbackHandler) rs -> {
                Map<String, Object> row = row(rs);
                if (scan.namesPatron(table, row) && scan.namesCopy(table, row)) {
                    links.add(new Link(table, row));
                }
            });
        }
        return links;
    }

    /** How many linking rows each table has. */
    static Map<String, Long> byTable(List<Link> links) {
        return links.stream().collect(Collectors.groupingBy(Link::table, java.util.TreeMap::new,
                Collectors.counting()));
    }

    private boolean namesPatron(String table, Map<String, Object> row) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String name = column.getKey();
            boolean patronColumn = PATRON_COLUMNS.contains(name) || name.endsWith("_patron_id")
                    || table.equals("patron") && name.equals("id");
            Long value = number(column.getValue());
            // Null ids (a settled charge's patron, a title hold's copy) name nobody; immutable sets refuse null.
            if (patronColumn && value != null && traces.patronIds().contains(value)) {
                return true;
            }
        }
        return audited(row, "patron", traces.patronIds()) || anyText(row, patronWords);
    }

    private boolean namesCopy(String table, Map<String, Object> row) {
        boolean audit = row.containsKey("record_type");
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String name = column.getKey();
            Long value = number(column.getValue());
            boolean itemColumn = ITEM_COLUMNS.contains(name) || name.endsWith("_item_id")
                    || table.equals("item") && name.equals("id");
            boolean recordColumn = !audit && name.equals("record_id") || table.equals("bib_record")
                    && name.equals("id");
            if (value != null && (itemColumn && traces.itemIds().contains(value)
                    || recordColumn && traces.recordIds().contains(value))) {
                return true;
            }
        }
        return audited(row, "item", traces.itemIds()) || audited(row, "record", traces.recordIds())
                || anyText(row, itemWords);
    }

    /** An audit entry (record_type, record_id as text) about one of these ids. */
    private static boolean audited(Map<String, Object> row, String type, Collection<Long> ids) {
        Object recordType = row.get("record_type");
        Object recordId = row.get("record_id");
        if (recordType == null || recordId == null || !type.equalsIgnoreCase(recordType.toString())) {
            return false;
        }
        try {
            return ids.contains(Long.parseLong(recordId.toString().strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean anyText(Map<String, Object> row, Pattern words) {
        return words != null && row.values().stream().filter(v -> v instanceof String)
                .anyMatch(v -> words.matcher((String) v).find());
    }

    private static Pattern words(Set<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String alternatives = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Long number(Object value) {
        return value instanceof Number ? Long.valueOf(((Number) value).longValue()) : null;
    }

    /** The row as column name (lower case) to value; large text and bytes read as text. */
    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Clob) {
                Clob clob = (Clob) value;
                value = clob.getSubString(1, (int) clob.length());
            } else if (value instanceof byte[]) {
                value = new String((byte[]) value, StandardCharsets.UTF_8);
            }
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
        }
        return row;
    }
}
